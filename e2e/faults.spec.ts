/**
 * Faults, caused for real in the running app and survived: the worker crashing (with finished models and a run
 * in progress), a NaN loss, storage full or missing, and two tabs training at once. (The WebGL context lost
 * mid-epoch is in runtime.spec.ts, on the page that has already trained on WebGL: SwiftShader takes ~25 s to
 * compile a training step's shaders, which a page of its own paid again.) Each test checks what the student is
 * told and that the models and history they had are still there.
 * The page is opened with `?faults=on`, which gives tests `window.pretextLabFaults` (see src/state/fault-hook.ts);
 * `?faults=hang-once` / `hang-always` make the first or every training worker stay silent (src/url/engine-link.ts).
 */
import type { Page } from '@playwright/test';
import { expect, test, testInOwnTab } from './shared-page';
import { POLL_FAST } from './fast-expect';
import { chooseTiny, collectPageErrors, faultInjected, injectFault as inject, injectFaultWhen, pressed, pressWhen, saveScreenshot } from './helpers';

/** Opens the lab with the fault hook (and any other parameters), once its data is in. */
async function open(page: Page, query = ''): Promise<void> {
  // probe=off: this spec is not about the live digit probe, which reads the trunk after every epoch and would only lengthen its runs.
  await page.goto(`/?faults=on&probe=off${query}`);
  await expect(page.getByText(/Training on/)).toAppear({ timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });
}

/** The Tiny preset with a given number of pretext images and epochs, short enough to fault in a few seconds. */
async function tiny(page: Page, images: number, epochs: number): Promise<void> {
  await chooseTiny(page, images);
  await page.getByText('Training settings per step').click();
  await page.getByRole('spinbutton', { name: 'Pretext epochs' }).fill(String(epochs));
}

test('the worker crashes: a new one starts, every model comes back, and an interrupted run continues', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectPageErrors(page);
  await open(page);
  await page.locator('#pretext').getByRole('button', { name: 'Load the pre-trained lecture models' }).click();
  const transfer = page.locator('#transfer');
  await expect(transfer.getByText(/This is the pre-trained lecture model/)).toAppear({ timeout: 60_000 });

  expect(await inject(page, 'crash')).toBe(true);
  await expect(page.getByText(/The training worker crashed/).first()).toAppear({ timeout: 30_000 });
  await expect(page.getByText(/A new worker was started and all 4 models it held were put back/)).toAppear({ timeout: 60_000 });
  // The panels kept their record, and the new worker really has the models: it can score them.
  await expect(transfer.getByText(/This is the pre-trained lecture model/)).toBeVisible();
  const compare = page.locator('#compare');
  await compare.getByRole('button', { name: 'Evaluate the models on the test set' }).click();
  await expect(compare.getByRole('table', { name: 'Test results' })).toAppear({ timeout: 60_000 });

  // Now mid-run: the epochs already done come back, and training goes on from there.
  await tiny(page, 200, 12);
  const pretext = page.locator('#pretext');
  // Four epochs in, and before the last. The page's copy of an epoch's weights is sent once that epoch's autosave
  // to IndexedDB has finished, while training goes on: on a busy machine it lags an epoch or two behind the
  // progress, and a crash at the very start of epoch 3 once found no copy at all to put back.
  await injectFaultWhen(page, '#pretext', /epoch ([5-9]|1[01])\/12 ·/, 'crash');
  await pretext.getByRole('button', { name: 'Retrain the rotation pretext model' }).click();
  await expect.poll(() => faultInjected(page), { timeout: 60_000, ...POLL_FAST }).toBe(true);
  const alert = pretext.getByText(/a new one has the weights after epoch (\d) of 12/);
  await expect(alert).toAppear({ timeout: 60_000 });
  const kept = Number(/after epoch (\d) of 12/.exec(await alert.innerText())?.[1]);
  expect(kept).toBeGreaterThanOrEqual(1);
  await expect(page.getByText(/Training of the rotation pretext model .*was interrupted/)).toBeVisible();
  await pretext.getByRole('button', { name: `Continue from epoch ${kept}` }).click();
  await expect(pretext.getByText(/Trained for 12 epochs/)).toAppear({ timeout: 60_000 });
  await expect(pretext.getByText(/Accuracy on the/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('a NaN loss mid-epoch: the weights of the last good epoch are put back and the student is told why', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await tiny(page, 300, 3);
  const pretext = page.locator('#pretext');
  // In the second or third epoch, so that there is a good epoch to go back to.
  await injectFaultWhen(page, '#pretext', /epoch [23]\/3 ·/, 'nanLoss');
  await pretext.getByRole('button', { name: 'Train the rotation pretext model' }).click();
  await expect.poll(() => faultInjected(page), { timeout: 60_000, ...POLL_FAST }).toBe(true);
  await expect(pretext.getByRole('alert').filter({ hasText: /The loss became NaN in epoch [23], batch \d+\. The weights were restored to the start of that epoch/ })).toAppear({ timeout: 60_000 });
  await expect(pretext.getByText(/Kept the weights from [12] good epochs?/)).toBeVisible();
  // The model is usable: it was scored, and its history is drawn.
  await expect(pretext.getByText(/Accuracy on the .*: \d+\.\d\d%/)).toBeVisible();
  await expect(pretext.locator('.recharts-line-curve').first()).toBeVisible();
});

// A tab of its own: the quota is set before the app first opens on the origin, as a full disk would be.
testInOwnTab('storage full, then storage gone: training goes on, the student is told, and saving says why it cannot', async ({ page }) => {
  test.setTimeout(120_000);
  // A real quota of one byte for this origin, set through the DevTools protocol before the page opens:
  // IndexedDB transactions that write now abort with QuotaExceededError, as on a full disk.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(test.info().project.use.baseURL ?? '').origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await open(page);
  await tiny(page, 300, 2);
  const pretext = page.locator('#pretext');
  await pretext.getByRole('button', { name: 'Train the rotation pretext model' }).click();
  await expect(page.getByText(/storage for the lab is full, so runs are no longer saved after each epoch/)).toAppear({ timeout: 60_000 });
  await expect(pretext.getByText(/Trained for 2 epochs/)).toAppear({ timeout: 60_000 });
  await pretext.getByText('Save, load or share the rotation pretext model').click();
  await pretext.getByRole('button', { name: 'Save in this browser' }).click();
  await expect(page.getByText(/The model was not saved: this browser's storage for the lab is full/)).toAppear({ timeout: 30_000 });
  await expect(pretext.getByText(/Trained for 2 epochs/)).toBeVisible();

  // Storage gone altogether (a private window): said once, saving hidden, training unaffected.
  expect(await inject(page, 'storageUnavailable')).toBe(true);
  await expect(page.getByText(/does not let the lab store anything/)).toAppear({ timeout: 30_000 });
  await expect(pretext.getByRole('button', { name: 'Save in this browser' })).toHaveCount(0);
  await expect(pretext.getByText(/models cannot be kept between visits/)).toBeVisible();
  await pretext.getByRole('button', { name: 'Retrain the rotation pretext model' }).click();
  await expect(pretext.getByText(/Trained for 2 epochs/)).toAppear({ timeout: 60_000 });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
});

test('two tabs train at once: each says so, only one autosaves the shared run, and both finish', async ({ page, context }) => {
  test.setTimeout(180_000);
  // The suite's shared tab is the first; the second is a new tab of the same browser profile, as a student's
  // would be (the reset before the next test closes it).
  const [first, second] = [page, await context.newPage()];
  // The first tab's run is paused from inside the page at its first batch (a click sent from here once arrived
  // after the whole run had ended); the second only has to train while the first holds its locks.
  for (const [page, images] of [[first, 300], [second, 150]] as const) {
    await open(page);
    await tiny(page, images, 3);
  }
  // The first tab's run is paused mid-epoch: still a run in progress (it holds its locks), on any machine speed.
  const firstPretext = first.locator('#pretext');
  await pressWhen(first, '#pretext', /epoch 1\/3 · batch/, 'Pause');
  await firstPretext.getByRole('button', { name: 'Train the rotation pretext model' }).click();
  await expect.poll(() => pressed(first), POLL_FAST).toBe(true);
  await expect(firstPretext.getByRole('button', { name: 'Resume' })).toBeEnabled({ timeout: 30_000 });
  await second.locator('#pretext').getByRole('button', { name: 'Train the rotation pretext model' }).click();
  await expect(second.getByText(/Another tab of the lab is training at the same time/)).toAppear({ timeout: 30_000 });
  await expect(second.getByText(/Another tab is training the rotation pretext model too, so this tab does not save it after each epoch/)).toBeVisible();
  await expect(second.locator('#pretext').getByText(/Trained for 3 epochs/)).toAppear({ timeout: 60_000 });
  await firstPretext.getByRole('button', { name: 'Resume' }).click();
  await expect(firstPretext.getByText(/Trained for 3 epochs/)).toAppear({ timeout: 60_000 });
  // The tab that owned the autosave cleared it when its run ended; the other never wrote one over it.
  await first.reload();
  await expect(first.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });
  await expect(first.getByText(/An interrupted training/)).toHaveCount(0);
});

test('a training worker that never answers is replaced by a fresh one, and the student sees nothing of it', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  // hang-once: the first worker loads and stays silent; the watchdog ends it and starts the real one.
  await page.goto('/?faults=hang-once');
  await expect(page.getByText(/Training on .*in a background worker/)).toAppear({ timeout: 60_000 });
  await expect(page.getByTestId('engine-fallback')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('two silent workers: the engine runs on the main thread, and the header says so and why', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?faults=hang-always');
  const status = page.getByRole('status').filter({ has: page.getByTestId('backend-name') });
  await expect(status).toAppear({ timeout: 60_000 });
  await expect(status).toContainText('on the page’s main thread');
  await expect(page.getByTestId('engine-fallback')).toHaveText(
    /The training worker did not start, twice \(no answer within \d+ s\), so training runs on this page’s own thread instead, and the page will stall while a model trains; reloading the page tries a worker again\./,
  );
  await saveScreenshot(page, 'engine-start-fallback', { fullPage: false });
  // It is a working engine: the data reaches it and the panels can use it.
  await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });
});
