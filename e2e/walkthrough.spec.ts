/**
 * A student's whole path through the RotNet experiment, by role and label, with the Tiny preset:
 * rotations, pretext training (charts fill, the digit probe from epoch 0), transfer (frozen/trainable counts), supervised baseline,
 * comparison with two accuracies and two stem plots of the same test image. Screenshots of each panel. Before
 * all that, a bad setting is named inline and training refuses to start.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './shared-page';
import { collectPageErrors, SCREENSHOT_DIR } from './helpers';

async function shootPanel(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}`).screenshot({ path: `${SCREENSHOT_DIR}/panel-${id}.png` });
}

async function trainAndWait(page: Page, panelId: string, buttonName: string): Promise<void> {
  const panel = page.locator(`#${panelId}`);
  await panel.getByRole('button', { name: buttonName }).click();
  await expect(panel.getByText(/Trained for \d+ epochs?|Stopped early after/)).toAppear({ timeout: 180_000 });
}

test('walk through the experiment with the Tiny preset, after a bad setting is named and refused', async ({ page }) => {
  test.setTimeout(600_000);
  const errors = collectPageErrors(page);
  await page.goto('/');
  await expect(page.getByText(/Training on/)).toAppear({ timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });

  // First a mistake, on the same fresh page (a page of its own cost ~5 s more and proved no more): the student
  // then picks Tiny, which replaces every setting, and walks on.
  await test.step('a bad setting is named inline and training refuses to start', async () => {
    const field = page.getByRole('spinbutton', { name: 'Labelled images' });
    await field.fill('0');
    await expect(page.getByText(/splits\.labelledCount must be a whole number from 2 to/)).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await page.locator('#pretext').getByRole('button', { name: 'Train the rotation pretext model' }).click();
    await expect(page.getByRole('list', { name: 'Messages' }).getByText(/splits\.labelledCount/)).toBeVisible();
    await expect(page.locator('#pretext').getByRole('progressbar')).toHaveCount(0);
  });

  await page.getByRole('radio', { name: /Tiny/ }).check();
  await expect(page.getByRole('spinbutton', { name: 'Labelled images' })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('table', { name: 'How the images are used' }).getByRole('cell', { name: '2,000' })).toBeVisible();

  const rotation = page.locator('#rotation');
  await rotation.getByRole('button', { name: 'Generate the rotation dataset' }).click();
  await expect(rotation.getByText(/Made 8,000 labelled examples in/)).toBeVisible();
  await shootPanel(page, 'intro');
  await shootPanel(page, 'data');
  await shootPanel(page, 'rotation');

  const pretext = page.locator('#pretext');
  await expect(pretext.getByRole('table').getByText('23,988').first()).toBeVisible();
  await pretext.getByRole('button', { name: 'Train the rotation pretext model' }).click();
  await expect(pretext.getByRole('progressbar')).toBeVisible();
  await expect(pretext.getByText(/Trained for 1 epoch/)).toAppear({ timeout: 180_000 });
  // The live charts received points: a drawn line in each chart.
  await expect(pretext.locator('.recharts-line-curve').first()).toBeVisible();
  await expect(pretext.getByText(/Accuracy on the rotated test images: \d+\.\d\d%/)).toBeVisible();
  // The live digit probe: a reading of the untrained trunk (epoch 0) and one after the epoch, against chance.
  await expect(pretext.getByRole('img', { name: /^Digit accuracy of a linear probe on these features: epoch 0 \(the untrained trunk\) \d+\.\d%, after epoch 1 \d+\.\d%; chance is 10%\.$/ })).toBeVisible();
  await expect(pretext.getByText(/scores it on the lecture's 300 test digits/)).toBeVisible();
  await shootPanel(page, 'pretext');

  const transfer = page.locator('#transfer');
  const table = transfer.getByRole('table');
  await expect(table.getByText('2,890').first()).toBeVisible();
  await expect(table.getByText('19,104')).toBeVisible();
  await expect(table.getByText(/frozen/).first()).toBeVisible();
  await trainAndWait(page, 'transfer', 'Train the self-supervised head');
  await shootPanel(page, 'transfer');

  await trainAndWait(page, 'supervised', 'Train the supervised model');
  await expect(page.locator('#supervised').getByRole('table').getByText('21,994').first()).toBeVisible();
  await shootPanel(page, 'supervised');

  const compare = page.locator('#compare');
  await compare.getByRole('button', { name: 'Evaluate the models on the test set' }).click();
  const results = compare.getByRole('table', { name: 'Test results' });
  await expect(results).toAppear({ timeout: 60_000 });
  await expect(results.getByRole('row')).toHaveCount(3); // header + two models
  await expect(results.getByText(/^\d+\.\d\d%$/)).toHaveCount(2);
  // Two stem plots, one per model, for the same test image.
  const plots = compare.locator('figure').filter({ has: page.locator('svg[role="img"]') });
  await expect(plots).toHaveCount(2);
  const caption = await compare.getByText(/test #\d+ · true label \d/).innerText();
  await compare.getByRole('button', { name: 'Next' }).click();
  await expect(compare.getByText(/test #\d+ · true label \d/)).not.toHaveText(caption);
  // Where the two models disagree, the two stem plots name different digits (or, on Tiny, there may be none).
  await compare.getByRole('combobox', { name: /Show/ }).selectOption('disagree');
  const status = compare.getByText(/image 1 of \d+|no image matches this filter/);
  await expect(status).toBeVisible();
  if ((await status.innerText()).startsWith('image')) {
    const said = await compare.locator('svg[role="img"]').evaluateAll((svgs) => svgs.map((s) => /predicts (\d)/.exec(s.getAttribute('aria-label') ?? '')?.[1]));
    expect(said).toHaveLength(2);
    expect(said[0]).not.toBe(said[1]);
  }
  await shootPanel(page, 'compare');
  expect(errors).toEqual([]);
});
