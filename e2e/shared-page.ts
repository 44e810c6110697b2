/**
 * One browser tab per Playwright worker (so, with the suite's one worker, one for every spec that opts in),
 * cleaned between tests: `import { test } from './shared-page'` instead of from '@playwright/test', and each
 * test's `page` is that tab, as if new.
 *
 * Why: on this 2-core machine a test's new tab cost ~3.5 CPU-seconds before the app even started (Chromium
 * starts a renderer process per tab), and the app then loaded into a cold process: about 11 CPU-seconds and
 * 5 s of wall time per test. Navigating a tab that already ran the app costs about half that (measured with
 * the same build: 6 loads in new tabs 66 CPU-s, in one tab 35 CPU-s). The suite opens the app ~40 times.
 *
 * What "as if new" means here, and how it is made true before every test:
 * - the app is gone: the tab is sent to an empty page of the same origin (same headers, so the tab keeps its
 *   cross-origin-isolated process), which ends the app and its worker;
 * - nothing is remembered: the origin's storage (IndexedDB, where runs and models are kept; Cache Storage;
 *   local and session storage) is deleted;
 * - nothing of the last test's is attached: its listeners (console, errors, dialogs, downloads) and routes are
 *   removed, the viewport is the configured one again, and tabs it opened are closed.
 * A test that needs a tab set up in ways a reset cannot undo (init scripts, a storage quota, service workers, its
 * own server) uses {@link testInOwnTab} or Playwright's own `test`. After any failure Playwright starts a new worker, so a broken tab is never reused.
 */
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { BLANK_PATH } from './built-app';

/** The page events a test may listen to; their listeners are removed before the next test. */
const TEST_EVENTS = ['console', 'pageerror', 'dialog', 'download', 'request', 'response', 'requestfailed', 'popup'] as const;

/** Deletes every kind of storage the app (or a test) can have written on this origin, from a page of that origin. */
async function clearOriginStorage(page: Page): Promise<void> {
  await page.evaluate(async () => {
    localStorage.clear();
    sessionStorage.clear();
    if ('caches' in globalThis) for (const key of await caches.keys()) await caches.delete(key);
    for (const { name } of await indexedDB.databases()) {
      if (name === undefined) continue;
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
      });
    }
  });
}

/** Makes the shared tab as good as new (see the file comment). */
async function reset(page: Page, viewport: { width: number; height: number } | null): Promise<void> {
  for (const event of TEST_EVENTS) page.removeAllListeners(event);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  for (const other of page.context().pages()) if (other !== page) await other.close();
  await page.goto(BLANK_PATH);
  await clearOriginStorage(page);
  if (viewport) await page.setViewportSize(viewport);
}

/** Playwright's `test`, with `page` (and its `context`) shared by the tests of one worker and reset before each. */
export const test = base.extend<{ context: BrowserContext; page: Page }, { sharedTab: Page }>({
  sharedTab: [
    async ({ browser }, use) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ sharedTab }, use) => {
    await use(sharedTab.context());
  },
  page: async ({ sharedTab, viewport }, use) => {
    await reset(sharedTab, viewport);
    await use(sharedTab);
  },
});

/**
 * Playwright's own `test`, a new context and tab for each test: for the few a reset cannot make new, such as a
 * storage quota set through the DevTools protocol before the app first opens. (A test that wants a second tab of
 * the lab opens one beside the shared tab; the next reset closes it.)
 */
export const testInOwnTab = base;

export { expect } from './fast-expect';
