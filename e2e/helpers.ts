/**
 * Small helpers shared by the end-to-end specs.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Where specs save screenshots for a human to look at after a run. */
export const SCREENSHOT_DIR = 'test-results/screenshots';

/** Saves a full-page screenshot as `test-results/screenshots/<name>.png`. */
export async function saveScreenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path, fullPage });
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

/**
 * Picks the Tiny preset, then sets how many unlabelled pretext images to use. The number field takes a preset's
 * value in an effect, a moment after the radio is checked (src/lessons/settings/SettingsPanel.tsx); a fill that
 * landed in that moment had Tiny's 2000 written in front of it ("2000300", which the lab rightly refused), so
 * the field must show Tiny's own 2000 before it is filled, and the wanted number after.
 */
export async function chooseTiny(page: Page, pretextImages: number): Promise<void> {
  await page.getByRole('radio', { name: /Tiny/ }).check();
  const field = page.getByRole('spinbutton', { name: 'Unlabelled pretext images' });
  await expect(field).toHaveValue('2000');
  await field.fill(String(pretextImages));
  await expect(field).toHaveValue(String(pretextImages));
}

/** What the fault hook installed by `?faults=on` offers (see src/state/fault-hook.ts). */
interface FaultWindow {
  pretextLabFaults?: { inject(name: string): boolean };
  /** Set by {@link injectFaultWhen}: what the hook answered, once the fault was caused. */
  e2eFaultInjected?: boolean;
}

/** Causes a fault through the page's test hook now; false if the hook refused it (or is not installed). */
export function injectFault(page: Page, fault: string): Promise<boolean> {
  return page.evaluate((name) => (window as unknown as FaultWindow).pretextLabFaults?.inject(name) ?? false, fault);
}

/**
 * Arms the page to cause `fault` the moment the text of `panel` first matches `when` (e.g. a run's progress
 * reaching epoch 3), and returns at once; {@link faultInjected} says when it has happened. Watching from inside
 * the page makes "mid-run" hold on any machine: a test that polled for a window of a few epochs and then
 * injected could miss it (a fast machine runs through four epochs of 200 images in three seconds, and a busy
 * one may not answer a poll in that time), and the run then ended with no fault to survive.
 */
export async function injectFaultWhen(page: Page, panel: string, when: RegExp, fault: string): Promise<void> {
  await page.evaluate(({ selector, source, flags, name }) => {
    const w = window as unknown as FaultWindow;
    const root = document.querySelector(selector);
    if (!root) throw new Error(`no ${selector} on the page`);
    const pattern = new RegExp(source, flags);
    delete w.e2eFaultInjected;
    const observer = new MutationObserver(() => {
      if (!pattern.test(root.textContent ?? '')) return;
      observer.disconnect();
      w.e2eFaultInjected = w.pretextLabFaults?.inject(name) ?? false;
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true });
  }, { selector: panel, source: when.source, flags: when.flags, name: fault });
}

/**
 * Arms the page to press the button named `name` in `panel` the moment the panel's text first matches `when` and
 * the button is enabled (e.g. Pause at a run's first batch), and returns at once. A Playwright click sent after
 * Train could arrive after the run had ended: a Tiny run of a few hundred images lasts about a second here, and
 * one test paused too late once the training got faster. Pressed from inside the page, it lands mid-run on any
 * machine. {@link pressed} says when it has happened.
 */
export async function pressWhen(page: Page, panel: string, when: RegExp, name: string): Promise<void> {
  await page.evaluate(({ selector, source, flags, label }) => {
    const root = document.querySelector(selector);
    if (!root) throw new Error(`no ${selector} on the page`);
    const pattern = new RegExp(source, flags);
    const w = window as unknown as PressWindow;
    w.e2ePressed = false;
    const observer = new MutationObserver(() => {
      if (!pattern.test(root.textContent ?? '')) return;
      const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === label && !b.disabled);
      if (!button) return;
      observer.disconnect();
      button.click();
      w.e2ePressed = true;
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['disabled'] });
  }, { selector: panel, source: when.source, flags: when.flags, label: name });
}

interface PressWindow {
  /** Set by {@link pressWhen}: false while armed, true once the button was pressed. */
  e2ePressed?: boolean;
}

/** Whether the button armed by {@link pressWhen} has been pressed. */
export function pressed(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as PressWindow).e2ePressed === true);
}

/** Whether the fault armed by {@link injectFaultWhen} has been caused: true (accepted), false (refused), or null (not yet). */
export function faultInjected(page: Page): Promise<boolean | null> {
  return page.evaluate(() => (window as unknown as FaultWindow).e2eFaultInjected ?? null);
}

/**
 * Runs a configured AxeBuilder and returns one line per failing element, so a report says what to fix without
 * opening the trace. It runs in legacy mode, in the page itself: otherwise AxeBuilder opens a new tab to merge
 * the results of each frame, a cold renderer (~3.5 CPU-seconds here) for a page that has no frames.
 */
export async function violationLines(builder: AxeBuilder): Promise<string[]> {
  const { violations: found } = await builder.setLegacyMode().analyze();
  return found.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}

/**
 * Every WCAG 2.0/2.1 A and AA rule, plus the label-in-name check that axe ships but leaves off by default.
 * (AxeBuilder's options() replaces the tag filter set by withTags, so in fact every rule axe runs by default is
 * run, its best practices included: stricter than the tags say, and what this suite has passed all along.)
 * Only violations are gathered in full: axe otherwise builds a selector for every passing node too, seconds on
 * this page, for results nobody reads.
 */
export function axeViolations(page: Page): Promise<string[]> {
  return violationLines(new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } }));
}
