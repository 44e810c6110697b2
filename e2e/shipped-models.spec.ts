/**
 * The shipped lecture models, on one page as a student uses them: loaded without training, labelled as
 * pre-trained, with their recorded numbers and saved training curves, scored in the browser with stem plots;
 * a mouse-drawn stroke and ring (and a finger-drawn stroke) reach every classifier and the rotation head, the
 * preview shows what the models see, and Clear empties it; axe finds no WCAG 2.1 A/AA violation on the study page
 * with those results and a drawing on it; and pictures of the draw and training panels at phone, tablet and
 * projector sizes for a human to look at.
 *
 * One page for all of it, in steps: each part used to open its own page and load and score the same models again,
 * four page loads and four model loads (about 30 s on 2 cores) for one state. A failing step is named in the report.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './shared-page';
import { readFile } from 'node:fs/promises';
import type { PretrainedManifest } from '../src/client/pretrained';
import { axeViolations, collectPageErrors, SCREENSHOT_DIR } from './helpers';

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 820, height: 1180 },
  { name: 'projector', width: 1280, height: 720 },
] as const;


/** Draws a polyline of points given as fractions (0-1) of the canvas box, with the mouse. */
async function drawWithMouse(page: Page, canvas: Locator, points: readonly (readonly [number, number])[], steps = 4): Promise<void> {
  const box = await canvas.boundingBox();
  if (!box) throw new Error('canvas has no box');
  const at = ([fx, fy]: readonly [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps });
  await page.mouse.up();
}

/** Sum of the percentages a stem plot lists for screen readers. */
async function probabilitySum(plot: Locator): Promise<number> {
  const cells = await plot.locator('table td').allInnerTexts();
  return cells.filter((c) => c.endsWith('%')).reduce((sum, c) => sum + Number(c.replace('%', '')), 0);
}

test('the shipped lecture models: records, scores and stem plots without training, a drawing every model answers, no WCAG violations, pictures at three sizes', async ({ page }) => {
  test.setTimeout(360_000);
  const errors = collectPageErrors(page);
  const manifest = JSON.parse(await readFile('public/pretrained/manifest.json', 'utf8')) as PretrainedManifest;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });

  await test.step('load the pre-trained lecture models and see their accuracies and stem plots without training', async () => {
    const pretext = page.locator('#pretext');
    await pretext.getByRole('button', { name: 'Load the pre-trained lecture models' }).click();

    // Each panel quotes its own model's record: 50 epochs for the pretext and supervised models, fewer for the
    // self-supervised head, which early stopping ended.
    for (const [id, key] of [['pretext', 'pretext'], ['transfer', 'selfSupervised'], ['supervised', 'supervised']] as const) {
      const panel = page.locator(`#${id}`);
      await expect(panel.getByText(/This is the pre-trained lecture model shipped with the app \(not trained here\)/)).toAppear({ timeout: 90_000 });
      await expect(panel.getByText(`Recorded when it was trained: ${manifest.models[key].epochs} epochs;`)).toBeVisible();
      await expect(panel.locator('.recharts-line-curve').first()).toBeVisible(); // the saved history, drawn
    }
    // The Lecture preset's settings came with them.
    await expect(page.getByRole('radio', { name: /Lecture/ })).toBeChecked();

    const compare = page.locator('#compare');
    await compare.getByRole('button', { name: 'Evaluate the models on the test set' }).click();
    const results = compare.getByRole('table', { name: 'Test results' });
    await expect(results).toAppear({ timeout: 90_000 });
    // Scored here, in the browser, on the lecture's 300 test images: the recorded numbers, within one image.
    for (const [name, step] of [['Self-supervised', 'selfSupervised'], ['Supervised', 'supervised']] as const) {
      const cell = await results.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell').first().innerText();
      const shown = Number(cell.replace('%', '')) / 100;
      expect(Math.abs(shown - manifest.models[step].test.lecture.accuracy)).toBeLessThanOrEqual(1 / 300 + 1e-9);
    }
    await expect(compare.locator('figure').filter({ has: page.locator('svg[role="img"]') })).toHaveCount(3);
  });

  const panel = page.locator('#draw');
  const canvas = panel.getByRole('img', { name: /Drawing area/ });
  const plots = panel.locator('.stem-row').first().locator('figure');

  await test.step('draw a digit and every model answers', async () => {
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByText('Nothing drawn yet, so there is nothing to predict.')).toBeVisible();

    // A vertical stroke, like a 1.
    await drawWithMouse(page, canvas, [[0.5, 0.15], [0.5, 0.5], [0.5, 0.85]]);
    await expect(panel.getByRole('img', { name: 'Your digit as the 28 by 28 image the models see' })).toBeVisible();
    // The shipped models include the random-features control, so three classifiers answer.
    await expect(plots).toHaveCount(3);
    await expect(plots.nth(0)).toContainText('Self-supervised');
    await expect(plots.nth(1)).toContainText('Supervised');
    await expect(plots.nth(2)).toContainText('random features');
    for (const i of [0, 1, 2]) expect(Math.abs((await probabilitySum(plots.nth(i))) - 100)).toBeLessThan(1);
    await expect(panel.getByText(/The rotation head thinks your drawing is turned/)).toBeVisible();

    await panel.getByRole('button', { name: 'Clear' }).click();
    await expect(panel.getByText('Nothing drawn yet, so there is nothing to predict.')).toBeVisible();
    await expect(panel.getByRole('img', { name: 'Empty 28 by 28 image' })).toBeVisible();

    // A ring, like a 0.
    const ring = Array.from({ length: 25 }, (_, i) => {
      const a = (i / 24) * 2 * Math.PI;
      return [0.5 + 0.3 * Math.cos(a), 0.5 + 0.35 * Math.sin(a)] as const;
    });
    await drawWithMouse(page, canvas, ring);
    await expect(plots).toHaveCount(3);
    for (const i of [0, 1, 2]) expect(Math.abs((await probabilitySum(plots.nth(i))) - 100)).toBeLessThan(1);
    await panel.screenshot({ path: `${SCREENSHOT_DIR}/panel-draw.png` });

    // And with a finger: real touch events through the DevTools protocol.
    await panel.getByRole('button', { name: 'Clear' }).click();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('canvas has no box');
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', fy: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: box.x + box.width / 2, y: box.y + fy * box.height }] });
    await touch('touchStart', 0.2);
    for (const fy of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) await touch('touchMove', fy);
    await touch('touchEnd', 0.8);
    await expect(panel.getByRole('img', { name: 'Your digit as the 28 by 28 image the models see' })).toBeVisible();
    await expect(plots).toHaveCount(3);
    await cdp.detach();
  });

  await test.step('no WCAG A/AA violations on the study page with results and a drawing, the draw panel included', async () => {
    // The finger-drawn stroke is still on the pad, and its answers beside it.
    await expect(panel.locator('.stem-row').first()).toBeVisible();
    // One axe run on the whole page: each takes seconds on this page.
    expect(await axeViolations(page)).toEqual([]);
  });

  await test.step('draw and training panels at phone, tablet and projector sizes', async () => {
    await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.notices .dismiss').forEach((b) => b.click()));
    await panel.getByRole('button', { name: 'Clear' }).click();
    await canvas.scrollIntoViewIfNeeded();
    // A 7: a bar and a diagonal.
    await drawWithMouse(page, canvas, [[0.25, 0.2], [0.75, 0.2], [0.45, 0.85]], 7);
    await expect(panel.locator('.stem-row').first()).toAppear({ timeout: 30_000 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const id of ['draw', 'pretext']) {
        const shown = page.locator(`#${id}`);
        await shown.scrollIntoViewIfNeeded();
        await shown.screenshot({ path: `${SCREENSHOT_DIR}/${size.name}-${size.width}x${size.height}-${id}.png` });
      }
    }
  });
  expect(errors).toEqual([]);
});
