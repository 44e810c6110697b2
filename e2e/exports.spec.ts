/**
 * Figures out (issue 23, item 4): a figure's Download control gives the figure as drawn (a PNG at twice its
 * on-screen size, an SVG with the plotted paths) and the numbers behind it (a CSV with a header row), and is used
 * by keyboard. Only figures that exist without training are used: the shipped leaderboard, label-efficiency curve
 * and pretext-length recordings; the live training charts use the same control and the same capture.
 */
import type { Download, Locator, Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from './shared-page';
import { collectPageErrors, SCREENSHOT_DIR } from './helpers';

/** What one downloaded file holds, with its suggested name. */
interface Saved {
  readonly name: string;
  readonly bytes: Buffer;
}

async function save(download: Download): Promise<Saved> {
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

/** Opens a figure's control and downloads one format. */
async function downloadAs(page: Page, figure: Locator, control: string, format: 'PNG' | 'SVG' | 'CSV'): Promise<Saved> {
  const toggle = figure.getByRole('button', { name: control });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('group', { name: `${control} as` }).getByRole('button', { name: new RegExp(`^${format}`) }).click(),
  ]);
  return save(download);
}

/** A PNG's width and height, from its IHDR chunk (bytes 16-23, big-endian). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The figure's on-screen size at 2x, as the PNG should have it. */
async function twiceTheBox(figure: Locator): Promise<{ width: number; height: number }> {
  const box = await figure.boundingBox();
  if (!box) throw new Error('the figure has no box');
  return { width: Math.round(box.width * 2), height: Math.round(box.height * 2) };
}

/** Parses an SVG file in the page's own XML parser: its path data, or the parser's complaint. */
async function svgPaths(page: Page, text: string): Promise<{ error: string | null; paths: string[]; texts: string[] }> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? (doc.documentElement.localName === 'svg' ? null : 'not an svg');
    return {
      error,
      paths: Array.from(doc.querySelectorAll('path'), (p) => (p.getAttribute('d') ?? '').replace(/\s+/g, ' ').trim()),
      texts: Array.from(doc.querySelectorAll('text'), (t) => t.textContent ?? ''),
    };
  }, text);
}

/** A CSV's rows as arrays of cells (the files here quote only cells with commas, which they do not split on). */
function csvRows(bytes: Buffer): string[][] {
  const lines = bytes.toString('utf8').trimEnd().split('\r\n');
  return lines.map((line) => Array.from(line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g), (m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1));
}

test('a figure downloads as a PNG at twice its size, an SVG with its plotted paths and a CSV of the numbers shown, by mouse and by keyboard', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?probe=off#leaderboard');
  const panel = page.locator('#leaderboard');
  const table = panel.getByRole('table', { name: /Digit accuracy read by the linear probe from each frozen trunk/ });
  await expect(table).toAppear({ timeout: 60_000 });

  await test.step('the scatter: PNG at 2x, SVG with every point, CSV with the accuracies the table shows', async () => {
    const scatter = panel.getByRole('img', { name: /Pretext score against digit accuracy/ });
    await scatter.scrollIntoViewIfNeeded();
    await expect(scatter.locator('.recharts-wrapper')).toBeVisible();
    const figure = panel.getByRole('figure', { name: /^Pretext task solved/ });
    const control = 'Export the pretext-score scatter';
    await figure.screenshot({ path: `${SCREENSHOT_DIR}/export-scatter-closed.png` });
    await figure.getByRole('button', { name: control }).click();
    await expect(figure.getByRole('group', { name: `${control} as` })).toBeVisible();
    await figure.screenshot({ path: `${SCREENSHOT_DIR}/export-scatter-open.png` });

    const png = await downloadAs(page, figure, control, 'PNG');
    expect(png.name).toMatch(/^pretext-leaderboard-scatter-probe-\d{4}-\d\d-\d\d\.png$/);
    expect(pngSize(png.bytes)).toEqual(await twiceTheBox(figure));
    await writeFile(`${SCREENSHOT_DIR}/export-scatter-downloaded.png`, png.bytes);
    // The list closes after a download, focus back on its button.
    await expect(figure.getByRole('group', { name: `${control} as` })).toBeHidden();
    await expect(figure.getByRole('button', { name: control })).toBeFocused();

    const svg = await svgPaths(page, (await downloadAs(page, figure, control, 'SVG')).bytes.toString('utf8'));
    expect(svg.error).toBeNull();
    const symbols = await scatter.locator('path.recharts-symbols').evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') ?? '').replace(/\s+/g, ' ').trim()));
    expect(symbols.length).toBeGreaterThan(3);
    for (const d of symbols) expect(svg.paths).toContain(d);
    expect(svg.texts).toContain('random trunk');

    const csv = csvRows((await downloadAs(page, figure, control, 'CSV')).bytes);
    expect(csv[0]).toContain('digit accuracy, mean over seeds (%)');
    const accuracy = csv[0].indexOf('digit accuracy, mean over seeds (%)');
    for (const row of csv.slice(1).filter((r) => r[6] === 'point')) {
      // The table rounds to two decimals; the CSV keeps them all.
      const cell = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row[0], exact: true }) }).getByRole('cell').nth(1);
      await expect(cell).toContainText(`${Number(row[accuracy]).toFixed(2)}%`);
    }
  });

  await test.step('the leaderboard table: PNG at 2x with its words, CSV with the accuracies it shows', async () => {
    await table.scrollIntoViewIfNeeded();
    const host = table.locator('xpath=..');
    const control = 'Export the leaderboard table';
    const png = await downloadAs(page, host, control, 'PNG');
    expect(png.name).toMatch(/^pretext-leaderboard-probe-\d{4}-\d\d-\d\d\.png$/);
    // A table that scrolls sideways on this screen is taken whole: its box, widened by the columns scrolled out of it.
    const hidden = await host.evaluate((e) => e.scrollWidth - e.clientWidth);
    const box = await twiceTheBox(host);
    expect(pngSize(png.bytes)).toEqual({ width: Math.round(box.width + 2 * hidden), height: box.height });
    await writeFile(`${SCREENSHOT_DIR}/export-leaderboard-downloaded.png`, png.bytes);
    await host.screenshot({ path: `${SCREENSHOT_DIR}/export-leaderboard-closed.png` });
    const svg = await svgPaths(page, (await downloadAs(page, host, control, 'SVG')).bytes.toString('utf8'));
    expect(svg.error).toBeNull();
    expect(svg.texts).toContain('Rotation');
    const csv = csvRows((await downloadAs(page, host, control, 'CSV')).bytes);
    const accuracy = csv[0].indexOf('digit accuracy, mean over seeds (%)');
    expect(accuracy).toBeGreaterThan(0);
    expect(csv.length).toBeGreaterThan(5);
    for (const row of csv.slice(1)) {
      const cell = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row[0], exact: true }) }).getByRole('cell').nth(1);
      await expect(cell).toContainText(`${Number(row[accuracy]).toFixed(2)}%`);
    }
  });

  await test.step('by keyboard: Tab reaches the control, Enter opens it, Escape closes it', async () => {
    const figure = panel.getByRole('figure', { name: /^Pretext task solved/ });
    const toggle = figure.getByRole('button', { name: 'Export the pretext-score scatter' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const group = figure.getByRole('group', { name: 'Export the pretext-score scatter as' });
    await expect(group).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(group.getByRole('button', { name: /^PNG/ })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(group).toBeHidden();
    await expect(toggle).toBeFocused();
  });

  await test.step('the label-efficiency curve: PNG at 2x, SVG with every line, CSV with the points in its name', async () => {
    // The same page: every lesson is on it, so no second load.
    const curvePanel = page.locator('#curve');
    const chart = curvePanel.getByRole('img', { name: /^Test accuracy against labelled digits, log axis/ });
    await expect(chart).toAppear({ timeout: 30_000 });
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('.recharts-line-curve').first()).toBeVisible();
    const figure = curvePanel.getByRole('figure', { name: /^Test accuracy against labelled digits \(mean over seeds/ });
    const control = 'Export the label-efficiency curve';
    const png = await downloadAs(page, figure, control, 'PNG');
    expect(png.name).toMatch(/^pretext-label-efficiency-curve-(probe|lecture)-\d{4}-\d\d-\d\d\.png$/);
    expect(pngSize(png.bytes)).toEqual(await twiceTheBox(figure));
    const svgFile = await downloadAs(page, figure, control, 'SVG');
    await writeFile(`${SCREENSHOT_DIR}/export-curve-downloaded.svg`, svgFile.bytes);
    await writeFile(`${SCREENSHOT_DIR}/export-curve-downloaded.png`, png.bytes);
    const svg = await svgPaths(page, svgFile.bytes.toString('utf8'));
    expect(svg.error).toBeNull();
    const lines = await chart.locator('path.recharts-line-curve').evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') ?? '').replace(/\s+/g, ' ').trim()));
    expect(lines.length).toBeGreaterThan(1);
    for (const d of lines) expect(svg.paths).toContain(d);
    // The chart's accessible name lists every point ("Rotation, frozen: 10 labels 45.2%, ..."): the CSV holds them.
    const name = (await chart.getAttribute('aria-label')) ?? '';
    const csv = csvRows((await downloadAs(page, figure, control, 'CSV')).bytes);
    expect(csv[0].slice(0, 3)).toEqual(['trunk', 'labelled digits', 'test accuracy, mean over seeds (%)']);
    for (const [trunk, labels, mean] of csv.slice(1)) {
      expect(name).toContain(`${trunk}: `);
      expect(name).toContain(`${Number(labels)} labels ${Math.round(Number(mean) * 10) / 10}%`);
    }
    await page.mouse.move(0, 0); // no hover tooltip in the picture
    await figure.screenshot({ path: `${SCREENSHOT_DIR}/export-curve.png` });
  });
  expect(errors).toEqual([]);
});
