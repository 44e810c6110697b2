/**
 * A stock Firefox (Debian's firefox-esr, or any release build) driven over WebDriver BiDi by puppeteer-core.
 *
 * Why puppeteer-core here and not Playwright: Playwright's own Firefox is a patched build it downloads, and its
 * BiDi mode for a stock Firefox (`channel: 'moz-firefox'`) follows Firefox Nightly; with ESR 153 its first
 * `newPage()` failed on a command ESR lacks (`emulation.setMediaFeaturesOverride: unknown command`).
 * puppeteer-core talks BiDi to Firefox by itself, with no geckodriver (which would have to be downloaded), and is
 * tested by its maintainers against Firefox's release channel.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mouseStroke, pageScript, type Driver, type InPage, type Point, type PointerKind } from './driver';

/** Preferences that send every download to `dir` without asking, as a student who clicked "Save" would. */
function downloadPrefs(dir: string): Record<string, unknown> {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.manager.showWhenStarting': false,
    'browser.helperApps.neverAsk.saveToDisk': 'application/json,application/octet-stream',
  };
}

/** Starts Firefox headless at `executablePath` with one tab of `viewport` size, downloads going to `downloads`. */
export async function launchFirefox(executablePath: string, viewport: { width: number; height: number }, downloads: string): Promise<Driver> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox', executablePath, headless: true, defaultViewport: viewport, extraPrefsFirefox: downloadPrefs(downloads),
  });
  const page: Page = (await browser.pages())[0] ?? (await browser.newPage());
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
  return {
    version: await browser.version(),
    canTouch: true,
    async goto(url) { await page.goto(url, { waitUntil: 'load' }); },
    async reload() { await page.reload({ waitUntil: 'load' }); },
    async evaluate<A, R>(fn: InPage<A, R>, arg: A): Promise<R> { return (await page.evaluate(pageScript(fn, arg))) as R; },
    async click({ x, y }: Point) { await page.mouse.click(x, y); },
    async stroke(kind: PointerKind, points: readonly Point[]) {
      if (kind === 'mouse') return mouseStroke(page.mouse, points);
      const [first, ...rest] = points;
      await page.touchscreen.touchStart(first.x, first.y);
      for (const p of rest) await page.touchscreen.touchMove(p.x, p.y);
      await page.touchscreen.touchEnd();
    },
    async type(text) { await page.keyboard.type(text); },
    async screenshot(path) { await page.screenshot({ path: path as `${string}.png` }); },
    async consoleErrors() { return [...errors]; },
    async close() { await browser.close(); },
  };
}
