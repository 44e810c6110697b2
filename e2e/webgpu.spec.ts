/**
 * WebGPU, on the SwiftShader adapter headless Chromium offers with --enable-unsafe-webgpu (WEBGPU_ARGS in
 * e2e/chromium.ts, used by this file only).
 * That adapter is software, so the app must not choose it by itself, and must say why; asked for by link
 * (?backend=webgpu) it must pass the training check (every kernel of a training step, numbers equal to the
 * CPU's on a small case: itself a training step) and be used. Functional only: how fast is `npm run bench`'s business.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './shared-page';
import { collectPageErrors } from './helpers';
import { chromiumLaunchOptions } from './chromium';

test.use({ launchOptions: chromiumLaunchOptions({ webgpu: true, softwareCompositing: true }) });

async function adapter(page: Page): Promise<{ architecture: string; fallback: boolean } | null> {
  return page.evaluate(async () => {
    const gpu = (navigator as { gpu?: { requestAdapter(): Promise<{ info: { architecture: string; isFallbackAdapter?: boolean } } | null> } }).gpu;
    const a = gpu ? await gpu.requestAdapter() : null;
    return a ? { architecture: a.info.architecture, fallback: a.info.isFallbackAdapter === true } : null;
  });
}

test('a software WebGPU adapter is offered but not chosen automatically, and the page says why', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await page.goto('/');
  expect(await adapter(page)).toMatchObject({ architecture: 'swiftshader' });
  await expect(page.getByTestId('backend-name')).toHaveText('WebAssembly', { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Training on' })).toContainText(/WebGPU's adapter here is a software one \(google swiftshader.*\), so it is not chosen by itself/);
  expect(errors).toEqual([]);
});

test('?backend=webgpu passes the training check on SwiftShader and is used, in the worker', async ({ page }) => {
  // The training check is itself a training step on the backend: every kernel of forward and backward pass
  // present, and a small case's numbers equal to the CPU's (src/ml/backends/training-check.ts). A whole Tiny
  // pretext step on SwiftShader's WebGPU added about 50 s to the suite and tested nothing more; the runtime
  // specs train end to end on WASM and WebGL.
  test.setTimeout(200_000);
  const errors = collectPageErrors(page);
  await page.goto('/?backend=webgpu');
  const status = page.getByRole('status').filter({ hasText: 'Training on' });
  await expect(status).toAppear({ timeout: 120_000 });
  await expect(page.getByTestId('backend-name')).toHaveText('WebGPU (GPU)');
  await expect(status).toContainText(/chosen by you; webgpu has all \d+ kernels of a training step and matches cpu on a small case/);
  await expect(status).toContainText(/in a background worker/);
  await expect(page.getByText(/WebGPU here is software-rendered \(google swiftshader/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });
  await expect(page.locator('#pretext').getByRole('button', { name: 'Train the rotation pretext model' })).toBeEnabled();
  expect(errors).toEqual([]);
});
