/**
 * The cross-browser walk's eyes: functions that run inside the page, the same source in every engine, so that
 * "the button named Train" means the same thing in Firefox and in WebKit whatever drives them. Each is sent as
 * source text (e2e/browsers/driver.ts), so it may use only its argument and the page's own globals.
 */

/** A regular expression in a form that survives JSON: its source and flags. */
export interface Pattern {
  readonly source: string;
  readonly flags: string;
}

/** Turns a RegExp into a {@link Pattern} for the page. */
export function pattern(re: RegExp): Pattern {
  return { source: re.source, flags: re.flags };
}

/** The kinds of control a student presses or fills, by their ARIA role. */
export type Role = 'button' | 'radio' | 'spinbutton' | 'summary';

/** Which control: its role, its accessible name, and the part of the page (a CSS selector) it is in. */
export interface ControlQuery {
  readonly role: Role;
  readonly name: Pattern;
  readonly within: string;
}

/** Where to press a control (the middle of its box, in viewport pixels), or why it cannot be pressed yet. */
export type Located = { readonly x: number; readonly y: number } | { readonly problem: string };

/**
 * Finds the one enabled control of a role whose accessible name matches, scrolls it to the middle of the
 * window and answers where its middle is, provided nothing covers it there (a notice, say): a student's
 * finger lands on whatever is on top. The name is worked out as a screen reader would for these few roles:
 * aria-label, else the text of an aria-labelledby element, else an input's label, else the element's own text.
 */
export function locateControl(query: ControlQuery): Located {
  const selectors: Record<Role, string> = {
    button: 'button, [role="button"]', radio: 'input[type="radio"]', spinbutton: 'input[type="number"]', summary: 'summary',
  };
  const root = document.querySelector(query.within);
  if (!root) return { problem: `nothing on the page matches ${query.within}` };
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label;
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return [...labels].map((l) => l.textContent ?? '').join(' ');
    return el.textContent ?? '';
  };
  const re = new RegExp(query.name.source, query.name.flags);
  const found = [...root.querySelectorAll(selectors[query.role])].filter((el) => re.test(nameOf(el).replace(/\s+/g, ' ').trim()));
  if (found.length !== 1) return { problem: `${found.length} ${query.role}s named /${query.name.source}/ in ${query.within}` };
  const el = found[0] as HTMLElement;
  if ((el as HTMLButtonElement).disabled) return { problem: `the ${query.role} "${nameOf(el).trim()}" is disabled` };
  el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return { problem: `the ${query.role} "${nameOf(el).trim()}" is not shown` };
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const top = document.elementFromPoint(x, y);
  // A radio's or field's label is part of it: pressing the label presses the control.
  const own = top !== null && (el.contains(top) || ((el as HTMLInputElement).labels ? [...((el as HTMLInputElement).labels ?? [])].some((l) => l.contains(top)) : false));
  if (!own) return { problem: `the ${query.role} "${nameOf(el).trim()}" is covered by ${top ? top.tagName.toLowerCase() + (top.className ? '.' + String(top.className).split(' ')[0] : '') : 'nothing'}` };
  return { x, y };
}

/** Whether the visible text of the part of the page `within` selects matches `text`. */
export function showsText({ within, text }: { within: string; text: Pattern }): boolean {
  const root = document.querySelector<HTMLElement>(within);
  return root !== null && new RegExp(text.source, text.flags).test(root.innerText);
}

/** The visible text of a part of the page, shortened for a failure message. */
export function visibleText(within: string): string {
  const text = document.querySelector<HTMLElement>(within)?.innerText ?? `(nothing matches ${within})`;
  return text.length > 1500 ? `${text.slice(0, 1500)}…` : text;
}

/** The first line of the visible text of every element a selector finds (a figure's caption, say). */
export function captionsOf(selector: string): string[] {
  return [...document.querySelectorAll<HTMLElement>(selector)].map((el) => el.innerText.trim().split('\n')[0] ?? '');
}

/** Scrolls the part of the page `within` selects into view and counts the elements `selector` finds in it. */
export function drawnIn({ within, selector }: { within: string; selector: string }): number {
  const root = document.querySelector(within);
  root?.scrollIntoView({ block: 'center', behavior: 'instant' });
  return root ? root.querySelectorAll(selector).length : 0;
}

/** Scrolls an element to the middle of the window and answers its box, in viewport pixels (null if absent). */
export function boxOf(selector: string): { x: number; y: number; width: number; height: number } | null {
  const el = document.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: 'center', behavior: 'instant' });
  const { x, y, width, height } = el.getBoundingClientRect();
  return { x, y, width, height };
}

/**
 * The value of the field labelled by the query's name in `within` (null if there is none); with `select`, the
 * field also takes the focus with its whole value selected, so what is typed next replaces it.
 */
export function field({ query, select }: { query: ControlQuery; select: boolean }): string | null {
  const root = document.querySelector(query.within);
  const re = new RegExp(query.name.source, query.name.flags);
  const input = [...(root?.querySelectorAll<HTMLInputElement>('input') ?? [])].find((el) => re.test([...(el.labels ?? [])].map((l) => l.textContent ?? '').join(' ')));
  if (!input) return null;
  if (select) { input.focus(); input.select(); }
  return input.value;
}

/** Starts noting the pointerType of the next stroke that begins on the element `selector` finds. */
export function watchPointer(selector: string): void {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  delete el.dataset.e2ePointer;
  el.addEventListener('pointerdown', (e) => { el.dataset.e2ePointer = e.pointerType; }, { once: true });
}

/** The pointerType noted by {@link watchPointer}, or null if no stroke began there. */
export function pointerSeen(selector: string): string | null {
  return document.querySelector<HTMLElement>(selector)?.dataset.e2ePointer ?? null;
}
