/**
 * Small helpers shared by the end-to-end specs.
 */
import type { Page } from '@playwright/test';

/** Where specs save screenshots for a human to look at after a run. */
export const SCREENSHOT_DIR = 'test-results/screenshots';

/** Saves a full-page screenshot as `test-results/screenshots/<name>.png`. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Starts recording console errors and uncaught exceptions on a page. Call it
 * before `page.goto` so nothing logged during start-up is missed; the returned
 * array fills as the page runs.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Resource failures only say "404"; the URL is what makes them fixable.
    const { url } = message.location();
    errors.push(`console.error: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (error) => {
    errors.push(`uncaught: ${error.message}`);
  });
  return errors;
}
