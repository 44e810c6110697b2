/**
 * A student at the keyboard of any {@link Driver}: presses controls by role and name, types into labelled
 * fields, draws on the pad and waits to see a sentence, looking ten times a second (a wait ends within 100 ms of
 * what it waits for, as `toAppear` does in the Chromium suite). A wait that runs out throws with what the page
 * showed instead, so a failure in an engine nobody watched still says what went wrong.
 */
import type { Driver, Point, PointerKind } from './driver';
import { boxOf, field, locateControl, pattern, showsText, visibleText, type ControlQuery, type Role } from './in-page';

const LOOK_EVERY_MS = 100;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Where on the page to look: a CSS selector for a panel (e.g. '#pretext'), or the whole page. */
export interface Within {
  readonly within?: string;
  readonly timeout?: number;
}

/** The driver, with the patience and the vocabulary of a student. */
export class Student {
  readonly driver: Driver;

  constructor(driver: Driver) {
    this.driver = driver;
  }

  /** Polls `check` until it answers true (or a point), or throws `what` with the last answer after `timeout`. */
  async until<T>(what: string, check: () => Promise<T | false | string>, timeout = 10_000): Promise<T> {
    const deadline = Date.now() + timeout;
    let last: unknown = 'never answered';
    for (;;) {
      try {
        const answer = await check();
        if (answer !== false && typeof answer !== 'string') return answer;
        last = answer;
      } catch (err) {
        last = err instanceof Error ? err.message : String(err); // e.g. the page was navigating
      }
      if (Date.now() > deadline) throw new Error(`${what}: not within ${timeout / 1000} s (last: ${String(last)})`);
      await pause(LOOK_EVERY_MS);
    }
  }

  /** Waits until the visible text of `within` (default: the page) matches `text`. */
  async see(text: RegExp, { within = 'body', timeout = 10_000 }: Within = {}): Promise<void> {
    try {
      await this.until(`see ${text} in ${within}`, async () => (await this.driver.evaluate(showsText, { within, text: pattern(text) })) || false, timeout);
    } catch (err) {
      const shown = await this.driver.evaluate(visibleText, within).catch(() => '(the page did not answer)');
      throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- ${within} showed:\n${shown}`);
    }
  }

  /** Presses the control of `role` named `name` with the mouse, once it is enabled and nothing covers it. */
  async press(role: Role, name: RegExp, { within = 'body', timeout = 10_000 }: Within = {}): Promise<void> {
    const query: ControlQuery = { role, name: pattern(name), within };
    const at = await this.until(`press the ${role} ${name} in ${within}`, async () => {
      const found = await this.driver.evaluate(locateControl, query);
      return 'problem' in found ? found.problem : found;
    }, timeout);
    await this.driver.click(at);
  }

  /** Replaces the value of the number field labelled `name` by typing, and checks the field took it. */
  async fill(name: RegExp, value: string, { within = 'body' }: Within = {}): Promise<void> {
    const query: ControlQuery = { role: 'spinbutton', name: pattern(name), within };
    await this.press('spinbutton', name, { within });
    if ((await this.driver.evaluate(field, { query, select: true })) === null) throw new Error(`no field labelled ${name}`);
    await this.driver.type(value);
    await this.until(`the field ${name} to read ${value}`, async () => (await this.driver.evaluate(field, { query, select: false })) === value);
  }

  /** Draws through points given as fractions (0-1) of the box of `selector`, with a mouse or a finger. */
  async draw(selector: string, kind: PointerKind, fractions: readonly (readonly [number, number])[]): Promise<void> {
    const box = await this.driver.evaluate(boxOf, selector);
    if (!box) throw new Error(`nothing to draw on: ${selector}`);
    const points: Point[] = fractions.map(([fx, fy]) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height }));
    await this.driver.stroke(kind, points);
  }
}
