/**
 * The built app under a strict Content-Security-Policy: it starts, trains a Tiny step and answers a drawing,
 * and the browser reports no violation. The policy is the one a host should send (see README, "Hosting").
 */
import { test } from '@playwright/test';
import { expect } from './fast-expect';
import type { Server } from 'node:http';
import { PREVIEW_PORT, PREVIEW_URL, serveBuild } from './built-app';
import { chooseTiny, collectPageErrors } from './helpers';

/** The policy under test; every source beyond 'self' is explained in the README. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "style-src 'self'",
].join('; ');

let server: Server | null = null;
test.beforeAll(async () => {
  test.setTimeout(300_000);
  // A second server of the suite's build, sending the policy.
  server = await serveBuild(PREVIEW_PORT, { 'Content-Security-Policy': CSP });
});
test.afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

test('the built app trains and draws under a strict Content-Security-Policy', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = collectPageErrors(page);
  const violations: string[] = [];
  await page.exposeFunction('reportCsp', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCsp: (v: string) => void }).reportCsp(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  await page.goto(PREVIEW_URL);
  await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });
  // 200 pretext images (800 rotated) instead of Tiny's 2,000: the policy is tested by the worker, the threaded
  // WASM backend and the charts starting and running under it, which a shorter run does just the same.
  await chooseTiny(page, 200);
  const pretext = page.locator('#pretext');
  await pretext.getByRole('button', { name: 'Train the rotation pretext model' }).click();
  await expect(pretext.getByText(/Trained for \d+ epochs?/)).toAppear({ timeout: 180_000 });
  await expect(pretext.locator('.recharts-line-curve').first()).toBeVisible();
  const pad = page.locator('#draw').getByRole('img', { name: /Drawing area/ });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the pad has no box');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator('#draw').getByText(/The rotation head thinks your drawing is turned/)).toAppear({ timeout: 30_000 });
  // The threaded WASM build is the one that needs blob: workers; it must be what ran.
  await expect(page.locator('header')).toContainText(/WebAssembly|WASM/);
  console.log(await page.locator('header').innerText());
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});
