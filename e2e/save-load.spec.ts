/**
 * Keeping models: save in the browser and find the model after a reload; download and upload the files;
 * a corrupt upload is refused with a clear message and the current model stays as it was.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './shared-page';
import { readFile, writeFile } from 'node:fs/promises';
import { chooseTiny } from './helpers';

async function trainTinyPretext(page: Page): Promise<void> {
  // probe=off: this spec is not about the live digit probe, which reads the trunk after every epoch and would only lengthen its runs.
  await page.goto('/?probe=off');
  await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });
  await chooseTiny(page, 500);
  const pretext = page.locator('#pretext');
  await pretext.getByRole('button', { name: 'Train the rotation pretext model' }).click();
  await expect(pretext.getByText(/Trained for 1 epoch/)).toAppear({ timeout: 120_000 });
}

/** The pretext model's rotation accuracy as shown, e.g. "41.67%". */
async function accuracyText(page: Page): Promise<string> {
  const text = await page.locator('#pretext').getByText(/Accuracy on the rotated test images: \d+\.\d\d%/).innerText();
  return /\d+\.\d\d%/.exec(text)?.[0] ?? 'missing';
}

/** Opens the step's "Save, load or share" section, unless it is open already (a click would close it). */
async function openModelFiles(page: Page): Promise<void> {
  const details = page.locator('#pretext details').filter({ hasText: 'Save, load or share the rotation pretext model' });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
}

// One trained model serves both ways of keeping it: training it costs a page load and a run (about 10 s on 2
// cores), and neither part needs a model fresh from training, only *a* trained one whose accuracy is known.
test('save in the browser and load back after a reload; download, upload, and refuse truncated, non-JSON, other-architecture and oversized uploads', async ({ page }) => {
  test.setTimeout(300_000);
  await trainTinyPretext(page);
  const pretext = page.locator('#pretext');
  const before = await accuracyText(page);

  await test.step('save in the browser, reload, and load the model back', async () => {
    await openModelFiles(page);
    await pretext.getByRole('button', { name: 'Save in this browser' }).click();
    await expect(pretext.getByText(/Saved in this browser: 1 epochs/)).toBeVisible();

    await page.reload();
    await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });
    await chooseTiny(page, 500);
    await openModelFiles(page);
    await pretext.getByRole('button', { name: 'Load the saved rotation pretext model' }).click();
    await expect(pretext.getByText('This is the model saved in this browser.')).toBeVisible();
    // The same weights give the same accuracy on the same test images.
    await expect(pretext.getByText(/Accuracy on the rotated test images/)).toContainText(before);
    await pretext.getByRole('button', { name: 'Delete it' }).click();
    await expect(pretext.getByText(/Saved in this browser:/)).toHaveCount(0);
  });

  // The model in the step is now the one loaded back from the browser, the same weights as trained.
  await test.step('download, upload, and refuse bad uploads without touching the model', async () => {
    await openModelFiles(page);
    const downloads: string[] = [];
    page.on('download', async (d) => downloads.push(await d.path()));
    const first = page.waitForEvent('download');
    await pretext.getByRole('button', { name: 'Download the rotation pretext model' }).click();
    await first;
    await expect.poll(() => downloads.length).toBe(2);
    const files = await Promise.all(downloads.map(async (p) => ({ path: p, text: (await readFile(p)).length })));
    const jsonFile = (await Promise.all(files.map(async (f) => ({ ...f, isJson: (await readFile(f.path, 'utf8')).startsWith('{') })))).find((f) => f.isJson);
    const binFile = files.find((f) => f.path !== jsonFile?.path);
    if (!jsonFile || !binFile) throw new Error('expected a json and a bin download');
    expect(binFile.text).toBe(23_988 * 4);

    const upload = pretext.getByLabel('Upload a model…');
    // A weights file cut short: refused, and the model (and its accuracy) stays.
    const json = await readFile(jsonFile.path);
    await upload.setInputFiles([
      { name: 'model.json', mimeType: 'application/json', buffer: json },
      { name: 'model.weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(1000) },
    ]);
    await expect(page.getByRole('list', { name: 'Messages' }).getByText(/truncated|promises/)).toBeVisible();
    expect(await accuracyText(page)).toBe(before);
    // Not JSON at all.
    await upload.setInputFiles([
      { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('this is not json') },
      { name: 'model.weights.bin', mimeType: 'application/octet-stream', buffer: await readFile(binFile.path) },
    ]);
    await expect(page.getByRole('list', { name: 'Messages' }).getByText(/could not be read as a TensorFlow\.js model: it is not valid JSON/)).toBeVisible();
    expect(await accuracyText(page)).toBe(before);
    // A model of another architecture (the shipped supervised digit classifier, not a rotation pretext model).
    await upload.setInputFiles([
      { name: 'supervised.json', mimeType: 'application/json', buffer: await readFile('public/pretrained/supervised.json') },
      { name: 'supervised.weights.bin', mimeType: 'application/octet-stream', buffer: await readFile('public/pretrained/supervised.weights.bin') },
    ]);
    await expect(page.getByRole('list', { name: 'Messages' }).getByText(/This is not a model for this step: /)).toBeVisible();
    expect(await accuracyText(page)).toBe(before);
    // Oversized: refused before it is even read. Given as files on disk, which the browser reads itself: a 7 MB
    // buffer went through the DevTools protocol as base64, 3-5 s on 2 cores.
    const big = { json: test.info().outputPath('model.json'), bin: test.info().outputPath('model.weights.bin') };
    await writeFile(big.json, json);
    await writeFile(big.bin, Buffer.alloc(7 * 1024 * 1024));
    await upload.setInputFiles([big.json, big.bin]);
    await expect(page.getByRole('list', { name: 'Messages' }).getByText(/larger than any Pretext Lab model \(at most 6 MB\)/)).toBeVisible();
    expect(await accuracyText(page)).toBe(before);
    // The real files load, labelled as coming from a file.
    await upload.setInputFiles([
      { name: 'model.json', mimeType: 'application/json', buffer: json },
      { name: 'model.weights.bin', mimeType: 'application/octet-stream', buffer: await readFile(binFile.path) },
    ]);
    await expect(pretext.getByText('This is a model from your file.')).toBeVisible();
    expect(await accuracyText(page)).toBe(before);
  });
});

test('an interrupted training continues after a reload from its last epoch', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/?probe=off');
  await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });
  await chooseTiny(page, 300);
  await page.getByText('Training settings per step').click();
  await page.getByRole('spinbutton', { name: 'Pretext epochs' }).fill('40');
  const pretext = page.locator('#pretext');
  await pretext.getByRole('button', { name: 'Train the rotation pretext model' }).click();
  await expect(pretext.getByText(/epoch ([4-9]|\d\d)\/40/)).toAppear({ timeout: 120_000 });
  await page.reload(); // the tab "closes" mid-run

  await expect(pretext.getByText(/An interrupted training of the rotation pretext model was found: \d+ of 40 epochs/)).toAppear({ timeout: 60_000 });
  const found = await pretext.getByText(/An interrupted training/).innerText();
  const kept = Number(/found: (\d+) of 40/.exec(found)?.[1]);
  expect(kept).toBeGreaterThanOrEqual(1); // saving may trail the display by an epoch or two
  await pretext.getByRole('button', { name: `Continue from epoch ${kept}` }).click();
  // It picks up at the next epoch, not at the first, with the run's own settings restored.
  await expect(pretext.getByText(new RegExp(`epoch (${kept + 1}|${kept + 2})/40`))).toAppear({ timeout: 60_000 });
  await expect(pretext.getByText(/batch 192, 40 epochs/)).toBeVisible();
  await pretext.getByRole('button', { name: 'Stop' }).click();
  await expect(pretext.getByText(/Stopped by you after \d+ full epochs/)).toAppear({ timeout: 60_000 });
  // A run that ended leaves nothing to continue.
  await page.reload();
  await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });
  await expect(pretext.getByText(/An interrupted training/)).toHaveCount(0);
});
