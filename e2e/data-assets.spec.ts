/**
 * The MNIST assets travel as gzip files: the page inflates them itself (DecompressionStream) when the host
 * sends them as plain files, and still names a missing or corrupt file. The routes below play a static host
 * that sets no Content-Encoding, whatever the dev server would do.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './shared-page';
import { collectPageErrors } from './helpers';

async function serveAsPlainFiles(page: Page, change: (file: string, bytes: Buffer) => Buffer | null = (_, b) => b): Promise<void> {
  await page.route('**/data/*.gz', async (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const bytes = change(file, await readFile(`public/data/${file}`));
    if (bytes === null) await route.fulfill({ status: 404, body: 'Not found' });
    else await route.fulfill({ status: 200, body: bytes, headers: { 'Content-Type': 'application/gzip' } });
  });
}

test('gzip files served without Content-Encoding are inflated by the page', async ({ page }) => {
  test.setTimeout(120_000);
  await serveAsPlainFiles(page);
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 90_000 });
  await expect(page.getByRole('img', { name: /digit \d/ }).first()).toBeVisible();
});

test('a corrupt asset is named', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  await serveAsPlainFiles(page, (file, bytes) => {
    if (file === 'test-images.idx.gz') bytes[bytes.length >> 1] ^= 0xff;
    return bytes;
  });
  await page.goto('/');
  await expect(page.locator('#data').getByRole('alert')).toContainText(/Could not load MNIST: MNIST asset "test-images\.idx\.gz" .*corrupt.*npm run data/, { timeout: 150_000 });
  expect(errors).toEqual([]);
});

test('a missing asset is named', async ({ page }) => {
  test.setTimeout(180_000);
  await serveAsPlainFiles(page, (file, bytes) => (file === 'train-labels.idx.gz' ? null : bytes));
  await page.goto('/');
  await expect(page.locator('#data').getByRole('alert')).toContainText(/MNIST asset "train-labels\.idx\.gz" could not be read \(HTTP 404/, { timeout: 150_000 });
});
