/**
 * What every recorded experiment file has in common. The leaderboard, the curve and the pretext-length study
 * are three kinds of one thing: a JSON file a CLI writes after measuring trunks over several seeds, shipped
 * under `public/pretrained/`, checked field by field before the page draws it (a truncated or hand-edited file
 * is refused with a sentence naming the first thing wrong, never drawn as a chart of NaNs), and joined with a
 * later recording of the same kind only when both were measured the same way. This module holds the parts they
 * share: the JSON guards, the checks of the fields that say how a file was recorded, and the merge's rules.
 * Each kind's own file (`leaderboard-file.ts`, `curve-file.ts`, `pretext-length-file.ts`) checks the rest;
 * `recorded.ts` lists the kinds for the page. Page-safe: no tfjs.
 */
import { isTaskId } from '../tasks/registry';

/** A JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A finite number from 0 to 1: an accuracy or a score. */
export const isFraction = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
/** A whole number, zero or more. */
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** `{ mean, std }` with a mean from 0 to 1 and a std of zero or more. */
export function isMeanStd(v: unknown): v is Record<string, unknown> & { mean: number; std: number } {
  return isObject(v) && isFraction(v.mean) && typeof v.std === 'number' && v.std >= 0;
}

/** The instruments a recording can be read with; files from before the choice name none (the lecture's head). */
const HEADS: readonly unknown[] = ['probe', 'lecture'];

/**
 * The fields that say how a file was recorded, checked with the kind's own words (`what`, e.g. "the curve
 * file"): a valid recording date, and an instrument that is `probe` or `lecture` (or, when `head` is
 * `optional`, none: files recorded before there was a choice).
 */
export function checkRecording(json: Record<string, unknown>, what: string, head: 'optional' | 'probe'): void {
  if (typeof json.recordedAt !== 'string' || Number.isNaN(Date.parse(json.recordedAt))) throw new Error(`${what} has no valid recording date`);
  if (head === 'probe' && json.head !== 'probe') throw new Error(`${what} must measure with the linear probe (head "probe")`);
  if (json.head !== undefined && !HEADS.includes(json.head)) throw new Error(`${what} names an unknown head (probe or lecture expected)`);
}

/**
 * The rows of tasks this copy of the app knows. A file from a newer version may hold tasks this one has never
 * heard of: they are dropped, not refused, so an old page still shows what it can.
 */
export function knownTaskRows<Row>(rows: readonly Row[]): Row[] {
  return rows.filter((row) => isObject(row) && isTaskId(row.id));
}

/**
 * Refuses to join two recordings whose `what` differs: the same seed gives the same numbers on the same
 * backend, so any difference in how they were measured makes the two incomparable. `action` says what was
 * refused ("add these rows").
 */
export function requireSame(action: string, what: string, a: unknown, b: unknown): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`cannot ${action}: ${what} differ (${JSON.stringify(a)} against ${JSON.stringify(b)})`);
}

/** `base`'s rows with `added`'s (replacing rows of the same id), in the order of `order` (the task registry's). */
export function joinRows<Row extends { readonly id: string }>(base: readonly Row[], added: readonly Row[], order: readonly string[]): Row[] {
  const rows = new Map(base.map((r) => [r.id, r]));
  for (const r of added) rows.set(r.id, r);
  return order.filter((id) => rows.has(id)).map((id) => rows.get(id) as Row);
}

/** What a joined recording says of when and how long: the later date, and the two recordings' time together. */
export function joinedRecording(parts: readonly { readonly recordedAt: string; readonly elapsedMs: number }[]): { recordedAt: string; elapsedMs: number } {
  return {
    recordedAt: parts.map((p) => p.recordedAt).sort().at(-1) ?? '',
    elapsedMs: parts.reduce((sum, p) => sum + p.elapsedMs, 0),
  };
}
