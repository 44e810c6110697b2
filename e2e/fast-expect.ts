/**
 * The suite's `expect`: Playwright's own, plus `toAppear`, a `toBeVisible` for long waits that notices its
 * element within a tenth of a second. Specs import `expect` from here (or from ./shared-page, which passes it on).
 *
 * Why: while an assertion waits, Playwright re-checks it at growing intervals that settle at one check every
 * 500 ms. A wait of seconds (a training run to finish, a page to load, a worker to restart) therefore ends on
 * average a quarter of a second after the thing it waited for, and the suite has about a hundred such waits:
 * half a minute of a run spent looking away. `toAppear` asks "is it visible?" every 100 ms instead (one cheap
 * query each; Playwright has no setting for this), then makes the real `toBeVisible` assertion, so a failure
 * reads exactly as Playwright's own. Short waits keep `toBeVisible`.
 */
import { expect as playwrightExpect, type Locator } from '@playwright/test';

/** How often `toAppear` looks, in ms. */
const LOOK_EVERY_MS = 100;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Playwright's `expect` with {@link toAppear}. */
export const expect = playwrightExpect.extend({
  /** Like `toBeVisible`, for a wait of seconds: looks every 100 ms until the element is visible or time is up. */
  async toAppear(locator: Locator, options: { readonly timeout?: number } = {}) {
    if (this.isNot) throw new Error('expect(...).not.toAppear() is not supported: use not.toBeVisible()');
    const deadline = Date.now() + (options.timeout ?? this.timeout);
    // A query that throws (the page is navigating, the locator matches two elements) counts as "not yet"; the
    // assertion below reports what is wrong if it still is at the deadline.
    while (Date.now() < deadline && !(await locator.isVisible().catch(() => false))) await pause(LOOK_EVERY_MS);
    try {
      await playwrightExpect(locator).toBeVisible({ timeout: Math.max(1, deadline - Date.now()) });
      return { pass: true, name: 'toAppear', message: () => `${String(locator)} is visible` };
    } catch (err) {
      return { pass: false, name: 'toAppear', message: () => (err instanceof Error ? err.message : String(err)) };
    }
  },
});

/** Intervals for `expect.poll` on a wait of seconds (its default settles at one look a second). */
export const POLL_FAST: { readonly intervals: number[] } = { intervals: [LOOK_EVERY_MS] };
