/**
 * A browser Playwright can drive itself: its own Firefox or WebKit build where a developer has installed it
 * (`npx playwright install firefox webkit`), or Chromium (Playwright's or Debian's, as the main suite finds it).
 * Touch strokes go through the DevTools protocol, which only Chromium speaks; Playwright offers no touch stroke
 * for its Firefox and WebKit (only a tap), so there the walk leaves the finger out and its report says so.
 */
import type { BrowserType, LaunchOptions } from '@playwright/test';
import { join } from 'node:path';
import { mouseStroke, pageScript, type Driver, type InPage, type Point, type PointerKind } from './driver';

/** Launches `type` with `options`, in a tab of `viewport` size; downloads are saved into `downloads`. */
export async function launchPlaywright(type: BrowserType, options: LaunchOptions, viewport: { width: number; height: number }, downloads: string): Promise<Driver> {
  const browser = await type.launch(options);
  const context = await browser.newContext({ viewport, hasTouch: true, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console.error: ${message.text()}`); });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('download', (download) => { void download.saveAs(join(downloads, download.suggestedFilename())); });
  const cdp = type.name() === 'chromium' ? await context.newCDPSession(page) : null;
  return {
    version: `${type.name()}/${browser.version()}`,
    canTouch: cdp !== null,
    async goto(url) { await page.goto(url); },
    async reload() { await page.reload(); },
    async evaluate<A, R>(fn: InPage<A, R>, arg: A): Promise<R> { return (await page.evaluate(pageScript(fn, arg))) as R; },
    async click({ x, y }: Point) { await page.mouse.click(x, y); },
    async stroke(kind: PointerKind, points: readonly Point[]) {
      const [first, ...rest] = points;
      if (kind === 'mouse') {
        await mouseStroke(page.mouse, points);
      } else if (cdp) {
        const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', p: Point) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [p] });
        await touch('touchStart', first);
        for (const p of rest) await touch('touchMove', p);
        await touch('touchEnd', first);
      } else {
        throw new Error(`Playwright cannot draw a touch stroke in ${type.name()}`);
      }
    },
    async type(text) { await page.keyboard.type(text); },
    async screenshot(path) { await page.screenshot({ path }); },
    async consoleErrors() { return [...errors]; },
    async close() { await browser.close(); },
  };
}
