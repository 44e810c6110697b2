/**
 * A lesson embedded in someone else's page: a course page from another origin (127.0.0.1 on another port, from a
 * tiny server the spec starts) holds `?embed=pretext` in an iframe, and the lesson trains the Tiny preset there,
 * cut to 200 pretext images by its link, in its own worker. The host sends no isolation headers, as Google
 * Slides and most course pages do not, so the lesson must say it trains on one WebAssembly thread and why. A
 * second iframe names a lesson that does not exist and must get the list of those that do. axe checks the
 * page with both frames; a screenshot is saved for a human to look at.
 */
import { createServer, type Server } from 'node:http';
import { expect, test } from './shared-page';
import { axeViolations, collectPageErrors, saveScreenshot } from './helpers';
import { PORT } from './built-app';

/**
 * Another origin than the app's: another host name and port. A real server, not a Playwright route: Chromium
 * counts a routed page as public, and a public page may not frame a server on this machine (Local Network Access).
 */
const HOST_PORT = PORT + 3;
const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;
const APP = `http://localhost:${PORT}/`;
const LESSON = `${APP}?embed=pretext&preset=smoke&splits.pretextCount=200&probe=off`;

const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A course page</title></head>
<body style="margin:1rem;font-family:sans-serif"><main>
<h1>Week 3: self-supervised learning</h1>
<iframe title="Pretext Lab: pretext training" src="${LESSON}" width="1100" height="720" style="border:1px solid #888"></iframe>
<iframe title="Pretext Lab: a lesson that does not exist" src="${APP}?embed=rotnet" width="1100" height="180" style="border:1px solid #888"></iframe>
</main></body></html>`;

let host: Server | null = null;
test.beforeAll(async () => {
  host = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(HOST_PAGE));
  await new Promise<void>((resolve) => host?.listen(HOST_PORT, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve())));

test('a lesson embedded in a page of another origin trains the Tiny preset in its own worker', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1180, height: 1000 });
  const errors = collectPageErrors(page);
  // What the app sends with the embedded document: nothing that forbids a frame on another origin.
  const response = page.waitForResponse((r) => r.url() === LESSON, { timeout: 30_000 });
  await page.goto(`${HOST_ORIGIN}/host.html`);
  const headers = (await response).headers();
  expect(headers['x-frame-options']).toBeUndefined();
  expect(headers['content-security-policy'] ?? '').not.toContain('frame-ancestors');
  // An isolated host (COEP: require-corp) frames another origin's page only if that page agrees to it.
  expect(headers['cross-origin-resource-policy']).toBe('cross-origin');

  const lesson = page.frameLocator('iframe[title="Pretext Lab: pretext training"]');
  await expect(lesson.getByRole('heading', { level: 2 })).toContainText('Pretext training');
  // The lesson alone: no app header, no other lesson, no lecture controls.
  await expect(lesson.getByRole('heading', { name: 'Pretext Lab' })).toHaveCount(0);
  await expect(lesson.locator('#transfer, #settings')).toHaveCount(0);
  await expect(lesson.getByRole('navigation', { name: 'Lecture controls' })).toHaveCount(0);

  // Not isolated inside this host, so WebAssembly runs on one thread, and the lesson says so.
  const frame = page.frames().find((f) => f.url() === LESSON);
  expect(await frame?.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
  await expect(lesson.getByRole('status').filter({ hasText: 'Training on' })).toContainText('1 thread', { timeout: 60_000 });
  await expect(lesson.getByText('The page around this lesson is not cross-origin isolated, so training runs on one WebAssembly thread')).toBeVisible();

  const train = lesson.getByRole('button', { name: 'Train the rotation pretext model' });
  await expect(train).toBeEnabled({ timeout: 60_000 });
  await expect(page.frameLocator('iframe[title="Pretext Lab: a lesson that does not exist"]').getByRole('alert')).toBeVisible();
  // axe before training: what is new here is the embed around the panel (the charts a run adds are checked on
  // the study page by shipped-models.spec.ts), and the untrained panel is a third of the page for axe to read.
  expect(await axeViolations(page)).toEqual([]);
  await saveScreenshot(page, 'embedded-lesson-ready');
  await train.click();
  await expect(lesson.getByText(/Trained for 1 epoch/)).toAppear({ timeout: 60_000 });
  const curve = lesson.locator('.recharts-line-curve').first();
  await expect(curve).toBeVisible();
  // The photograph shows the curves and, under them, the lesson's word on its single thread.
  await lesson.locator('.embed-note').scrollIntoViewIfNeeded();

  const unknown = page.frameLocator('iframe[title="Pretext Lab: a lesson that does not exist"]');
  await expect(unknown.getByRole('alert')).toContainText('“rotnet”');
  await expect(unknown.getByRole('alert')).toContainText('intro, data, settings, rotation, pretext');

  await saveScreenshot(page, 'embedded-lesson-trained', { fullPage: false });
  expect(errors).toEqual([]);
});
