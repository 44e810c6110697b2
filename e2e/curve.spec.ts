/**
 * The label-efficiency lesson: the recorded curve is drawn at once with what it shows; a live sweep of the
 * shipped rotation trunk runs in the worker with progress and joins the chart; a label count the pool cannot
 * give is refused with its message; and the probes fill their table block by block. The next lesson, on the same
 * page, draws the pretext-length study: here a fixture of made-up numbers is served in place of the real file, so
 * the spec checks the drawing and the words whether or not a recording has landed.
 */
import { expect, test } from './shared-page';
import { readFile } from 'node:fs/promises';
import { collectPageErrors, SCREENSHOT_DIR } from './helpers';
import { pretextLengthFixture } from '../src/ml/testing/pretext-length-fixture';

interface Recorded { curves: { trunk: string }[]; seedList: number[]; testCount: number }

test('the recorded curve, a live sweep, a refused label count and the probes', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  const recorded = JSON.parse(await readFile('public/pretrained/curve.json', 'utf8')) as Recorded;
  await page.route('**/pretrained/pretext-length.json', (route) => route.fulfill({ json: pretextLengthFixture() }));
  await page.goto('/?preset=smoke#curve');
  const panel = page.locator('#curve');
  await expect(panel.getByRole('heading', { name: /How many labels\?/ })).toBeVisible();
  await expect(panel.getByRole('img', { name: /Test accuracy against labelled digits/ })).toAppear({ timeout: 30_000 });
  await expect(panel.getByText(/^Recorded$/)).toBeVisible();
  await expect(panel.getByText(new RegExp(`seeds? ${recorded.seedList.join(', ')}, on all ${recorded.testCount.toLocaleString('en-US')} test`))).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'What to look for, and what the data shows' })).toBeVisible();
  await expect(panel.locator('.curve-words li').first()).toBeVisible();
  // Read by the probe first; at 100 labels or fewer it was checked under one global scale too, and the words say how that went.
  await expect(panel.getByRole('radio', { name: /Linear probe/ })).toBeChecked();
  await expect(panel.locator('.curve-words li').filter({ hasText: /global scale/ }).first()).toBeVisible();
  await panel.locator('.curve-chart').scrollIntoViewIfNeeded();
  await panel.screenshot({ path: `${SCREENSHOT_DIR}/curve.png` });
  // The lecture's head's recording is one click away.
  await panel.getByRole('radio', { name: /The lecture's head/ }).check();
  await expect(panel.locator('.curve-words li').first()).toAppear();
  await panel.getByRole('radio', { name: /Linear probe/ }).check();

  // The shipped lecture models give the page a rotation trunk to sweep.
  await expect(page.getByTestId('backend-name')).not.toBeEmpty({ timeout: 60_000 });
  const tab = panel.getByRole('tabpanel', { name: 'Label-efficiency curve' });
  await tab.getByRole('button', { name: 'Load the pre-trained lecture models' }).click();
  const rotation = tab.getByRole('checkbox', { name: /Self-supervised \(rotation features, frozen\), seed 1/ });
  await expect(rotation).toAppear({ timeout: 60_000 });

  // Refused before anything runs: the setting named, with its allowed values.
  const labels = tab.getByLabel('Label counts');
  await labels.fill('10, 20000');
  await tab.getByRole('button', { name: 'Run the sweep' }).click();
  await expect(tab.getByRole('alert')).toHaveText("label counts must be 10-100 in steps of 10 (balanced per digit), or 101-10000 (the pool's first N), got 20000");
  await expect(labels).toHaveAttribute('aria-invalid', 'true');
  await labels.fill('10,,20');
  await tab.getByRole('button', { name: 'Run the sweep' }).click();
  await expect(tab.getByRole('alert')).toContainText('without empty items');

  // One frozen trunk, two small label counts, one seed.
  await labels.fill('10, 20');
  await tab.getByLabel('Seeds').fill('1');
  await tab.getByRole('checkbox', { name: 'Random trunk, frozen' }).uncheck();
  await rotation.check();
  await tab.getByRole('button', { name: 'Run the sweep' }).click();
  await expect(tab.getByRole('alert')).toHaveCount(0);
  await expect(tab.getByRole('status').filter({ hasText: /Sweep finished/ })).toAppear({ timeout: 90_000 });
  // The sweep reads frozen trunks with the instrument the panel shows (the probe, by default), so its dashed line is comparable.
  const results = tab.getByRole('table', { name: /Your sweep.*frozen trunks read by the linear probe/ });
  await expect(results.getByRole('row', { name: /rotation features, frozen/ })).toContainText(/\d+\.\d%.*\d+\.\d%/);
  await expect(panel.getByRole('img', { name: /Test accuracy against labelled digits.*yours: Self-supervised \(rotation features, frozen\), seed 1 \(linear probe\)/ })).toBeVisible();
  await tab.locator('.sweep-form').screenshot({ path: `${SCREENSHOT_DIR}/curve-sweep.png` });

  // The probes, in their own tab.
  await panel.getByRole('tab', { name: 'Probes, block by block' }).click();
  const probes = panel.getByRole('tabpanel', { name: 'Probes, block by block' });
  await probes.getByRole('button', { name: 'Run the probes' }).click();
  const table = probes.getByRole('table', { name: /Probe accuracy/ });
  // The rotation model is probed first (its three blocks, conv3 included); rows appear as they are measured.
  await expect(table.getByRole('rowheader', { name: /Rotation pretext model, seed 1/ })).toAppear({ timeout: 120_000 });
  await expect(table.getByRole('cell', { name: 'conv3' }).first()).toAppear({ timeout: 120_000 });
  await probes.screenshot({ path: `${SCREENSHOT_DIR}/curve-probes.png` });

  // Longer pretext training: the fixture's rotation line, every reading in a table, the findings in words.
  const length = page.locator('#pretext-length');
  await expect(length.getByRole('heading', { name: /Longer pretext training: better features\?/ })).toBeVisible();
  await expect(length.getByRole('img', { name: /^Rotation: digit accuracy of the linear probe \(1,000 labels, block 2\) against epochs of pretext training, mean ± std over seeds: epoch 0 88% ± 0\.4, epoch 1 90% ± 0\.4/ })).toAppear({ timeout: 30_000 });
  await expect(length.getByRole('table', { name: /^Every probe reading of rotation/ }).getByRole('row')).toHaveCount(6); // header, 2 counts x 2 blocks, score
  await expect(length.getByText(/^Rotation: after 50 epochs of pretext training the probe reads 87\.0%, 1\.0 points below/)).toBeVisible();
  await length.getByRole('radio', { name: 'Contrastive' }).check();
  await expect(length.getByRole('img', { name: /^Contrastive: digit accuracy/ })).toBeVisible();
  await length.locator('.length-chart').scrollIntoViewIfNeeded();
  await length.screenshot({ path: `${SCREENSHOT_DIR}/pretext-length-fixture.png` });
  expect(errors).toEqual([]);
});
