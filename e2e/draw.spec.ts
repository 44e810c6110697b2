/**
 * Draw a digit: with the shipped lecture models loaded, a mouse-drawn stroke and ring (and a finger-drawn stroke) reach both
 * classifiers and the rotation head; the preview shows what the models see; Clear empties it.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectPageErrors, SCREENSHOT_DIR } from './helpers';

/** Loads the shipped lecture models: this spec is about drawing, and the walk-through already trains for real. */
async function loadShippedModels(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'How the images are used' })).toBeVisible({ timeout: 60_000 });
  await page.locator('#pretext').getByRole('button', { name: 'Load the pre-trained lecture models' }).click();
  for (const panel of ['#pretext', '#transfer', '#supervised']) {
    await expect(page.locator(panel).getByText(/pre-trained lecture model shipped with the app/)).toBeVisible({ timeout: 90_000 });
  }
}

/** Draws a polyline of points given as fractions (0-1) of the canvas box, with the mouse. */
async function drawWithMouse(page: Page, canvas: Locator, points: readonly [number, number][]): Promise<void> {
  const box = await canvas.boundingBox();
  if (!box) throw new Error('canvas has no box');
  const at = ([fx, fy]: readonly [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 4 });
  await page.mouse.up();
}

/** Sum of the percentages a stem plot lists for screen readers. */
async function probabilitySum(plot: Locator): Promise<number> {
  const cells = await plot.locator('table td').allInnerTexts();
  return cells.filter((c) => c.endsWith('%')).reduce((sum, c) => sum + Number(c.replace('%', '')), 0);
}

test('draw a digit and both models answer', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectPageErrors(page);
  await loadShippedModels(page);
  const panel = page.locator('#draw');
  await panel.scrollIntoViewIfNeeded();
  const canvas = panel.getByRole('img', { name: /Drawing area/ });
  await expect(panel.getByText('Nothing drawn yet, so there is nothing to predict.')).toBeVisible();

  // A vertical stroke, like a 1.
  await drawWithMouse(page, canvas, [[0.5, 0.15], [0.5, 0.5], [0.5, 0.85]]);
  await expect(panel.getByRole('img', { name: 'Your digit as the 28 by 28 image the models see' })).toBeVisible();
  const plots = panel.locator('.stem-row').first().locator('figure');
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
    return [0.5 + 0.3 * Math.cos(a), 0.5 + 0.35 * Math.sin(a)] as [number, number];
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
  expect(errors).toEqual([]);
});
