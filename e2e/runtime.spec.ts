/**
 * The browser runtime: training runs in a Web Worker on WASM and on WebGL (SwiftShader here), events reach the
 * page, pause / step / resume / stop do what they say, and the page keeps drawing while it trains; WebGL losing
 * its context mid-epoch (a fault caused for real through `?faults=on`) is survived by continuing on WASM.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './shared-page';
import { POLL_FAST } from './fast-expect';
import { chooseTiny, collectPageErrors, faultInjected, injectFaultWhen } from './helpers';

async function setUp(page: Page, backend: string, pretextImages: number, epochs: number, query = ''): Promise<void> {
  // probe=off: this spec is not about the live digit probe, which reads the trunk after every epoch and would only lengthen its runs.
  await page.goto(`/?backend=${backend}&probe=off${query}`);
  await expect(page.getByText(/Training on/)).toAppear({ timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });
  await chooseTiny(page, pretextImages);
  await page.getByText('Training settings per step').click();
  await page.getByRole('spinbutton', { name: 'Pretext epochs' }).fill(String(epochs));
}

/** Counts animation frames on the page for `ms` milliseconds. */
function countFrames(page: Page, ms: number): Promise<number> {
  return page.evaluate((duration) => new Promise<number>((resolve) => {
    let frames = 0;
    const end = performance.now() + duration;
    const tick = () => {
      frames++;
      if (performance.now() < end) requestAnimationFrame(tick);
      else resolve(frames);
    };
    requestAnimationFrame(tick);
  }), ms);
}

/**
 * Batches trained so far in the run, from "epoch e/E · batch b/B": counted across epochs, because on a fast
 * machine the run can reach an epoch's last batches before Pause, and the next epoch starts again at batch 1.
 */
function batchOf(text: string): number {
  const match = /epoch (\d+)\/\d+ · batch (\d+)\/(\d+)/.exec(text);
  if (!match) throw new Error(`no epoch and batch in "${text}"`);
  return (Number(match[1]) - 1) * Number(match[3]) + Number(match[2]);
}

test('WASM in a worker: pause, step, resume and stop, while the page keeps drawing and a hidden tab keeps training', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = collectPageErrors(page);
  await setUp(page, 'wasm', 2000, 20);
  await expect(page.getByTestId('backend-name')).toHaveText('WebAssembly');
  await expect(page.getByText(/in a background worker/)).toBeVisible();
  const pretext = page.locator('#pretext');
  await pretext.getByRole('button', { name: 'Train the rotation pretext model' }).click();
  const progress = pretext.getByRole('progressbar');
  await expect(progress).toBeVisible();
  await expect(pretext.getByText(/batch [2-9]\d*\//)).toBeVisible();

  // Training is in the worker, so the page goes on animating. (How smoothly is measured by `npm run bench`,
  // not here: a loaded CI machine must not fail a functional test. This only proves frames keep coming.)
  expect(await countFrames(page, 2000)).toBeGreaterThanOrEqual(5);

  // The tab is hidden for a while (the lecturer switches to their slides): training goes on in the worker by
  // design, and on return the page says so and how far it got. (Playwright cannot hide a tab, so the test
  // plays the browser's part: the visibility state and its event.)
  const setVisibility = (state: 'hidden' | 'visible') => page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
  await setVisibility('hidden');
  await page.waitForTimeout(1500);
  await setVisibility('visible');
  await expect(page.getByRole('list', { name: 'Messages' }).getByText(
    /While this tab was hidden \(\d+ s\), the rotation pretext model kept training in the background worker: it is now at epoch \d+, batch \d+ \(it was at epoch \d+, batch \d+\)\./,
  )).toBeVisible();

  await pretext.getByRole('button', { name: 'Pause' }).click();
  await expect(pretext.getByRole('button', { name: 'Resume' })).toBeEnabled();
  await expect(pretext.getByText(/^Paused/)).toBeVisible();
  const detailText = async () => (await pretext.getByText(/epoch \d+\/\d+ · batch \d+\/\d+/).first().innerText());
  await page.waitForTimeout(300); // let a batch that was already running finish
  const paused = batchOf(await detailText());
  await page.waitForTimeout(1000);
  expect(batchOf(await detailText())).toBe(paused);

  await pretext.getByRole('button', { name: 'Step one batch' }).click();
  await expect.poll(async () => batchOf(await detailText())).toBe(paused + 1);
  await page.waitForTimeout(500);
  expect(batchOf(await detailText())).toBe(paused + 1);

  await pretext.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(async () => batchOf(await detailText()), { timeout: 30_000, ...POLL_FAST }).toBeGreaterThan(paused + 2);
  await pretext.getByRole('button', { name: 'Stop' }).click();
  await expect(pretext.getByText(/Stopped by you after/)).toAppear({ timeout: 30_000 });
  await expect(progress).toHaveCount(0);
  await expect(pretext.getByRole('button', { name: 'Resume' })).toBeDisabled();
  expect(errors).toEqual([]);
});

// One run for WebGL's two questions, does training work on it and is losing its context survived: SwiftShader
// compiles a training step's shaders once per WebGL context (about 12 s of the test on 2 cores, and both cores
// busy), so every extra run, batch or evaluation on WebGL costs seconds. The run trains two or three epochs on
// WebGL and loses the context in the next. (Evaluation on WebGL uses the forward kernels training has just used; the
// score after the run is computed on WebAssembly.)
test('WebGL (SwiftShader) in a worker: the software renderer is named, epochs train on it, and a context lost mid-epoch is survived on WebAssembly', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = collectPageErrors(page);
  // 48 images, 192 rotated: one batch per epoch at SwiftShader's ~100 images/s. The fault hook is for the loss.
  await setUp(page, 'webgl', 48, 4, '&faults=on');
  await expect(page.getByTestId('backend-name')).toHaveText('WebGL (GPU)');
  await expect(page.getByText(/in a background worker/)).toBeVisible();
  await expect(page.getByText(/software-rendered \(.*SwiftShader/)).toBeVisible();
  const pretext = page.locator('#pretext');
  // Once the third epoch shows, so that at least two epochs have trained on WebGL and there is a good one to keep.
  // With one batch per epoch the worker may finish that epoch before the fault reaches it (it reads messages
  // between batches), so the run has a fourth epoch: the context is lost mid-run either way, after epoch 2 or 3.
  await injectFaultWhen(page, '#pretext', /epoch 3\/4 ·/, 'webglContextLoss');
  await pretext.getByRole('button', { name: 'Train the rotation pretext model' }).click();
  await expect.poll(() => faultInjected(page), { timeout: 240_000, ...POLL_FAST }).toBe(true);
  await expect(pretext.getByRole('alert').filter({ hasText: /failed on webgl: the browser took the WebGL context away/ })).toAppear({ timeout: 60_000 });
  await expect(pretext.getByText(/The weights after epoch [23] are kept/)).toBeVisible();
  // Two batches trained on WebGL, the fewest that draw a line on the live chart.
  await expect(pretext.locator('.recharts-line-curve').first()).toBeVisible();
  await pretext.getByRole('button', { name: 'Continue on WebAssembly' }).click();
  await expect(page.getByTestId('backend-name')).toHaveText(/WebAssembly/, { timeout: 60_000 });
  await expect(pretext.getByText(/Trained for 4 epochs/)).toAppear({ timeout: 120_000 });
  expect(errors).toEqual([]);
});
