/**
 * What the cross-browser walk (e2e/browsers/walk.ts) needs from a browser, and nothing more: open an address,
 * run a function in the page, move a real mouse or finger, press keys, take a picture, and say what the console
 * reported. Three libraries stand behind it (e2e/browsers/engines.ts says which runs where): Playwright for its
 * own browser builds, puppeteer-core for a stock Firefox over WebDriver BiDi, and WebdriverIO's `webdriver` for
 * WebKitGTK over classic WebDriver. Everything else (finding a button by its name, waiting for a sentence) is done
 * by code that runs inside the page (e2e/browsers/in-page.ts), so it is the same in every engine.
 */

/** A point in CSS pixels of the viewport, where a real pointer goes. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** What kind of pointer draws a stroke: a mouse, or a finger on a touch screen. */
export type PointerKind = 'mouse' | 'touch';

/** A function that is sent to the page as source text: it may use only its argument and the page's globals. */
export type InPage<A, R> = (arg: A) => R | Promise<R>;

/** One browser tab, driven as a student would use it. */
export interface Driver {
  /** The engine and its version as the browser reports them, e.g. "firefox/153.8.0". */
  readonly version: string;
  /** Whether {@link stroke} can draw with a finger (real touch input, pointerType "touch") in this browser. */
  readonly canTouch: boolean;
  /** Navigates and waits for the page's load event. */
  goto(url: string): Promise<void>;
  /** Reloads the page and waits for its load event. */
  reload(): Promise<void>;
  /** Runs `fn(arg)` in the page and returns its (JSON-serialisable) result. */
  evaluate<A, R>(fn: InPage<A, R>, arg: A): Promise<R>;
  /** Presses and releases the mouse's main button at a point. */
  click(at: Point): Promise<void>;
  /** Draws a stroke through `points` with the pen down the whole way. */
  stroke(kind: PointerKind, points: readonly Point[]): Promise<void>;
  /** Types text with the keyboard into whatever has focus. */
  type(text: string): Promise<void>;
  /** Saves a PNG of the viewport. */
  screenshot(path: string): Promise<void>;
  /** Errors the page logged to its console or threw, since the session began. */
  consoleErrors(): Promise<readonly string[]>;
  /** Ends the browser and whatever was started for it. */
  close(): Promise<void>;
}

/** Wraps a function's source so it runs in a page: tsx names functions with a `__name` helper pages lack. */
export function pageScript(fn: (arg: never) => unknown, arg: unknown): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}

/** What Playwright's and Puppeteer's mouse have in common, which is all a stroke needs. */
export interface MouseLike {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
}

/** Draws a stroke through `points` with a library's mouse, the button held down the whole way. */
export async function mouseStroke(mouse: MouseLike, points: readonly Point[]): Promise<void> {
  const [first, ...rest] = points;
  await mouse.move(first.x, first.y);
  await mouse.down();
  for (const p of rest) await mouse.move(p.x, p.y, { steps: 2 });
  await mouse.up();
}
