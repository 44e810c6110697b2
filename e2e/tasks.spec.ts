/**
 * Pretext tasks beyond rotation, as a student meets them: pick jigsaw, see its puzzles beside their unshuffled
 * cuts, train it (pausing and stepping on the way), save it, transfer its trunk; then inpainting, whose trained
 * model paints the hidden squares back in the data panel; and the comparison lists every trained classifier.
 * On the way, a look at contrastive learning's pairs of views. Tiny preset throughout.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './shared-page';
import { POLL_FAST } from './fast-expect';
import { collectPageErrors, pressed, pressWhen, SCREENSHOT_DIR } from './helpers';

async function trained(page: Page, panelId: string): Promise<void> {
  await expect(page.locator(`#${panelId}`).getByText(/Trained for \d+ epochs?|Stopped early after/)).toAppear({ timeout: 180_000 });
}

test('jigsaw and inpainting: samples, training with pause and step, save, transfer, compare', async ({ page }) => {
  test.setTimeout(480_000);
  const errors = collectPageErrors(page);
  // 500 pretext images instead of Tiny's 2,000: this spec checks that each task trains end to end, not how well.
  await page.goto('/?preset=smoke&task=jigsaw&splits.pretextCount=500#rotation');
  await expect(page.getByText(/Training on/)).toAppear({ timeout: 60_000 });

  // The data panel shows jigsaw's examples: the original, then each puzzle beside its unshuffled cut.
  const data = page.locator('#rotation');
  await expect(data.getByRole('radio', { name: /Jigsaw/ })).toBeChecked();
  const samples = data.getByRole('list', { name: 'Jigsaw examples made from pretext image 3' });
  await expect(samples.getByRole('listitem')).toHaveCount(9);
  const before = await samples.getByText(/^input 1: order/).innerText();
  await data.getByRole('button', { name: 'Reshuffle the examples' }).click();
  await expect(samples.getByText(/^input 1: order/)).not.toHaveText(before);
  await data.getByRole('button', { name: 'Generate the jigsaw dataset' }).click();
  await expect(data.getByText(/Made 2,000 labelled examples in/)).toBeVisible();
  await data.screenshot({ path: `${SCREENSHOT_DIR}/panel-data-jigsaw.png` });

  // Contrastive learning, what came after pretext tasks: two random views of the image side by side, each
  // pair's second view its first's target, drawn anew on Reshuffle.
  await data.getByRole('radio', { name: /Contrastive/ }).check();
  await expect(data.getByText(/What came after pretext tasks: SimCLR/)).toBeVisible();
  const views = data.getByRole('list', { name: 'Contrastive views made from pretext image 3' });
  await expect(views.getByRole('listitem')).toHaveCount(5); // the original, then two pairs of views
  const partner = views.getByRole('img', { name: /^Pair 1, view 1b: the other view of the same image/ });
  const drawn = () => partner.evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL());
  const firstDraw = await drawn();
  await data.getByRole('button', { name: 'Reshuffle the examples' }).click();
  await expect.poll(drawn).not.toBe(firstDraw);
  await data.screenshot({ path: `${SCREENSHOT_DIR}/panel-data-contrastive.png` });
  await data.getByRole('radio', { name: /Jigsaw/ }).check();

  // Train it, pausing and stepping one batch on the way, as with rotation.
  const pretext = page.locator('#pretext');
  await expect(pretext.getByRole('table').getByText('25,288').first()).toBeVisible(); // trunk + 24-way head
  // Pause once a batch has run: before the first, the run is reading its untrained trunk with the live probe, and
  // a pause pressed then lands before batch 1, where one step would leave the progress at "batch 1" still.
  await pressWhen(page, '#pretext', /epoch 1\/\d+ · batch [2-9]/, 'Pause');
  await pretext.getByRole('button', { name: 'Train the jigsaw pretext model' }).click();
  await expect.poll(() => pressed(page), POLL_FAST).toBe(true);
  await expect(pretext.getByRole('button', { name: 'Resume' })).toBeEnabled();
  const progress = pretext.getByRole('progressbar');
  const batchText = async () => /batch (\d+)/.exec((await pretext.getByText(/epoch \d+\/\d+ · batch/).innerText()) ?? '')?.[1];
  const at = await batchText();
  await pretext.getByRole('button', { name: 'Step one batch' }).click();
  await expect.poll(batchText).not.toBe(at);
  await expect(progress).toBeVisible();
  await pretext.getByRole('button', { name: 'Resume' }).click();
  await trained(page, 'pretext');
  await expect(pretext.getByText(/Accuracy on the jigsaw examples made from the test images: \d+\.\d\d%/)).toBeVisible();
  // The live digit probe reads any task's trunk, from the untrained one at epoch 0.
  await expect(pretext.getByRole('img', { name: /^Digit accuracy of a linear probe on these features: epoch 0 \(the untrained trunk\) [\d.]+%, after epoch 1 [\d.]+%; chance/ })).toBeVisible();
  await pretext.getByText('Save, load or share the jigsaw pretext model').click();
  await pretext.getByRole('button', { name: 'Save in this browser' }).click();
  await expect(pretext.getByText(/Saved in this browser: 1 epochs/)).toBeVisible();
  await pretext.screenshot({ path: `${SCREENSHOT_DIR}/panel-pretext-jigsaw.png` });

  // Its trunk, frozen under the digit head.
  const transfer = page.locator('#transfer');
  await transfer.getByRole('button', { name: 'Train the self-supervised head (jigsaw features)' }).click();
  await trained(page, 'transfer');

  // Inpainting: a grey square over the digit, the original as the target.
  await data.getByRole('radio', { name: /Inpainting/ }).check();
  await expect(pretext.getByRole('radio', { name: /Inpainting/ })).toBeChecked(); // one setting, both pickers
  const holes = data.getByRole('list', { name: 'Inpainting examples made from pretext image 3' });
  await expect(holes.getByRole('listitem')).toHaveCount(9);
  // Jigsaw's trained head is not inpainting's: the transfer panel waits for the inpainting model.
  await expect(transfer.getByText('Train the inpainting pretext model first: the self-supervised head reuses its convolutions.')).toBeVisible();
  await pretext.getByRole('button', { name: 'Train the inpainting pretext model' }).click();
  await trained(page, 'pretext');
  await expect(pretext.getByText(/Score \(hidden pixels right \(ink or paper\)\) on the inpainting examples made from the test images: \d+\.\d\d%/)).toBeVisible();
  // After training, the data panel shows what the model paints into each hole.
  await expect(holes.getByRole('listitem')).toHaveCount(13);
  await expect(holes.getByText('painted 1')).toBeVisible();
  await data.screenshot({ path: `${SCREENSHOT_DIR}/panel-data-inpainting.png` });
  await transfer.getByRole('button', { name: 'Train the self-supervised head (inpainting features)' }).click();
  await trained(page, 'transfer');
  const supervised = page.locator('#supervised');
  await supervised.getByRole('button', { name: 'Train the supervised model' }).click();
  await trained(page, 'supervised');

  // The comparison lists every trained digit classifier, each with its standard error.
  const compare = page.locator('#compare');
  await compare.getByRole('button', { name: 'Evaluate the models on the test set' }).click();
  const results = compare.getByRole('table', { name: /Test results/ });
  await expect(results).toAppear({ timeout: 60_000 });
  await expect(results.getByRole('row')).toHaveCount(4);
  await expect(results.getByRole('rowheader', { name: 'Self-supervised (jigsaw features, frozen)' })).toBeVisible();
  await expect(results.getByRole('rowheader', { name: 'Self-supervised (inpainting features, frozen)' })).toBeVisible();
  await expect(results.getByText(/^± \d+\.\d pts$/)).toHaveCount(3);
  await compare.screenshot({ path: `${SCREENSHOT_DIR}/panel-compare-tasks.png` });
  expect(errors).toEqual([]);
});

test('context prediction, colorization, super-resolution and denoising: the link picks a task, each shows inputs beside targets', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await page.goto('/?preset=smoke&task=context#rotation');
  await expect(page.getByText(/Training on/)).toAppear({ timeout: 60_000 });
  const data = page.locator('#rotation');
  await expect(data.getByRole('radio', { name: /Context prediction/ })).toBeChecked();
  const pairs = data.getByRole('list', { name: 'Context prediction examples made from pretext image 3' });
  await expect(pairs.getByRole('listitem')).toHaveCount(9); // the original, then four inputs beside their grids
  await expect(pairs.getByRole('img', { name: /^Example 1: the nine patches where they were cut/ })).toBeVisible();
  const before = await pairs.getByText(/^input 1: neighbour: /).innerText();
  // Reshuffling draws new neighbours and cuts; four examples make a repeat of all four labels unlikely.
  const labels = async () => (await pairs.getByText(/^input \d: neighbour: /).allInnerTexts()).join();
  const first = await labels();
  await data.getByRole('button', { name: 'Reshuffle the examples' }).click();
  await expect.poll(labels).not.toBe(first);
  expect(before).toMatch(/neighbour: (top|bottom|left|right)/);
  await data.screenshot({ path: `${SCREENSHOT_DIR}/panel-data-context.png` });

  await data.getByRole('radio', { name: /Colorization/ }).check();
  const colours = data.getByRole('list', { name: 'Colorization examples made from pretext image 3' });
  await expect(colours.getByRole('listitem')).toHaveCount(9);
  await expect(colours.getByRole('img', { name: /^Example 1: the target, the digit in (yellow|green|red|blue) ink/ })).toBeVisible();
  await expect(data.getByText(/easy without knowing anything about digits/)).toBeVisible();
  await data.screenshot({ path: `${SCREENSHOT_DIR}/panel-data-colorization.png` });

  await data.getByRole('radio', { name: /Super-resolution/ }).check();
  const blurs = data.getByRole('list', { name: 'Super-resolution examples made from pretext image 3' });
  await expect(blurs.getByRole('listitem')).toHaveCount(9);
  await expect(blurs.getByRole('img', { name: /^Example 1: the target, the sharp original of a (14x14|7x7) copy/ })).toBeVisible();
  await expect(page).toHaveURL(/task=superResolution/);
  await data.screenshot({ path: `${SCREENSHOT_DIR}/panel-data-superResolution.png` });

  // Denoising, the eighth task: registered in one line, it joins the picker and the data panel by itself.
  await data.getByRole('radio', { name: /Denoising/ }).check();
  const noisy = data.getByRole('list', { name: 'Denoising examples made from pretext image 3' });
  await expect(noisy.getByRole('listitem')).toHaveCount(9);
  await expect(noisy.getByRole('img', { name: /^Example 1: the target, the clean digit under the (Gaussian|salt-and-pepper|Gaussian and salt-and-pepper) noise/ })).toBeVisible();
  await expect(data.getByText(/Vincent, Larochelle, Bengio & Manzagol 2008/)).toBeVisible();
  await expect(page.locator('#pretext').getByText(/squared error over every pixel/)).toBeVisible();
  await data.screenshot({ path: `${SCREENSHOT_DIR}/panel-data-denoising.png` });
  expect(errors).toEqual([]);
});
