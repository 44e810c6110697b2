/**
 * The shipped lecture models: loaded without training, labelled as pre-trained, with their recorded numbers and
 * saved training curves; the comparison then scores them in the browser and the stem plots show them.
 */
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { PretrainedManifest } from '../src/runtime/pretrained';

test('load the pre-trained lecture models and see their accuracies and stem plots without training', async ({ page }) => {
  test.setTimeout(180_000);
  const manifest = JSON.parse(await readFile('public/pretrained/manifest.json', 'utf8')) as PretrainedManifest;
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'How the images are used' })).toBeVisible({ timeout: 60_000 });
  const pretext = page.locator('#pretext');
  await pretext.getByRole('button', { name: 'Load the pre-trained lecture models' }).click();

  // Each panel quotes its own model's record: 50 epochs for the pretext and supervised models, fewer for the
  // self-supervised head, which early stopping ended.
  for (const [id, key] of [['pretext', 'pretext'], ['transfer', 'selfSupervised'], ['supervised', 'supervised']] as const) {
    const panel = page.locator(`#${id}`);
    await expect(panel.getByText(/This is the pre-trained lecture model shipped with the app \(not trained here\)/)).toBeVisible({ timeout: 60_000 });
    await expect(panel.getByText(`Recorded when it was trained: ${manifest.models[key].epochs} epochs;`)).toBeVisible();
    await expect(panel.locator('.recharts-line-curve').first()).toBeVisible(); // the saved history, drawn
  }
  // The Lecture preset's settings came with them.
  await expect(page.getByRole('radio', { name: /Lecture/ })).toBeChecked();

  const compare = page.locator('#compare');
  await compare.getByRole('button', { name: 'Evaluate the models on the test set' }).click();
  const results = compare.getByRole('table', { name: 'Test results' });
  await expect(results).toBeVisible({ timeout: 60_000 });
  // Scored here, in the browser, on the lecture's 300 test images: the recorded numbers, within one image.
  for (const [name, step] of [['Self-supervised', 'selfSupervised'], ['Supervised', 'supervised']] as const) {
    const cell = await results.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell').first().innerText();
    const shown = Number(cell.replace('%', '')) / 100;
    expect(Math.abs(shown - manifest.models[step].test.lecture.accuracy)).toBeLessThanOrEqual(1 / 300 + 1e-9);
  }
  await expect(compare.locator('figure').filter({ has: page.locator('svg[role="img"]') })).toHaveCount(3);
});
