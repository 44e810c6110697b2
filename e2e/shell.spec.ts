/**
 * The page shell loads cleanly: title, lesson region, no errors, and the
 * cross-origin isolation that multithreaded WASM depends on; and the test browser itself offers WebGL2.
 */
import { expect, test } from './shared-page';
import { collectPageErrors, saveScreenshot } from './helpers';

test('the shell renders, isolated and without console errors, in a browser that offers WebGL2', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1, name: 'Pretext Lab' })).toBeVisible();
  await expect(page.getByText('Self-supervised learning, trained live in your browser')).toBeVisible();
  await expect(page.getByRole('main').getByRole('region', { name: 'Lessons' })).toBeVisible();

  // Without COOP/COEP headers SharedArrayBuffer is unavailable and the WASM
  // backend silently drops to one thread.
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);

  await saveScreenshot(page, 'shell', { fullPage: false });

  await test.step('a chart far down the page is drawn when it comes near the screen, and named before that', async () => {
    const curve = page.locator('#curve').getByRole('img', { name: /^Test accuracy against labelled digits/ });
    await expect(curve).toAppear({ timeout: 30_000 });
    await expect(curve.locator('.recharts-wrapper')).toHaveCount(0);
    await curve.scrollIntoViewIfNeeded();
    await expect(curve.locator('.recharts-wrapper')).toBeVisible();
  });
  expect(errors).toEqual([]);

  // Guards the SwiftShader launch flags in e2e/chromium.ts: without them a GPU-less headless Chromium has no
  // WebGL2 and tfjs quietly falls back. (Asked on this page: another page load would cost ~5 s and prove no more.)
  await test.step('the test browser offers WebGL2, so the WebGL backend is exercised', async () => {
    const version = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      return gl === null ? null : String(gl.getParameter(gl.VERSION));
    });
    expect(version).toMatch(/^WebGL 2\.0/);
  });
});
