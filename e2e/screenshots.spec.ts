/**
 * Pictures for a human to look at: the draw panel (with a drawing and its answers) and a training panel (the
 * shipped pretext model's curves) at phone, tablet-portrait and projector sizes, in test-results/screenshots/.
 */
import { expect, test } from '@playwright/test';
import { SCREENSHOT_DIR } from './helpers';

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 820, height: 1180 },
  { name: 'projector', width: 1280, height: 720 },
] as const;

test('draw and training panels at phone, tablet and projector sizes', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'How the images are used' })).toBeVisible({ timeout: 60_000 });
  await page.locator('#pretext').getByRole('button', { name: 'Load the pre-trained lecture models' }).click();
  await expect(page.locator('#supervised').getByText(/pre-trained lecture model shipped with the app/)).toBeVisible({ timeout: 90_000 });
  await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.notices .dismiss').forEach((b) => b.click()));

  const draw = page.locator('#draw');
  const pad = draw.getByRole('img', { name: /Drawing area/ });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the pad has no box');
  // A 7: a bar and a diagonal.
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.2, { steps: 6 });
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.85, { steps: 8 });
  await page.mouse.up();
  await expect(draw.locator('.stem-row').first()).toBeVisible({ timeout: 30_000 });

  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const id of ['draw', 'pretext']) {
      const panel = page.locator(`#${id}`);
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: `${SCREENSHOT_DIR}/${size.name}-${size.width}x${size.height}-${id}.png` });
    }
  }
});
