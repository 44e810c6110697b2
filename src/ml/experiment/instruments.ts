/**
 * Two instruments on the same trunks: the linear probe and the lecture's head. Page-safe (no tfjs).
 *
 * Both read the digit off the same frozen features; they differ in how they train. The probe standardises the
 * features, picks its penalty by cross-validation and trains to convergence, so it measures what the features
 * allow. The lecture's head trains raw-scale features (the trunk's outputs for 0-255 pixels) with one small SGD
 * learning rate and stops on training accuracy, so it measures what that recipe reaches, and raw features of
 * very different scales make the recipe fragile. Where their verdicts differ, the head is the likelier cause.
 */
import type { Verdict } from './gain';
import type { LeaderboardResult } from './leaderboard-types';

/** One row read by both instruments. */
export interface InstrumentRow {
  readonly id: string;
  readonly title: string;
  readonly probe: { readonly mean: number; readonly std: number; readonly verdict: Verdict | null };
  readonly lecture: { readonly mean: number; readonly std: number; readonly verdict: Verdict | null; readonly failedFits: number };
}

/** The rows both files hold (tasks, then the random and upper references), side by side. */
export function instrumentRows(probe: LeaderboardResult, lecture: LeaderboardResult): InstrumentRow[] {
  const rows: InstrumentRow[] = [];
  for (const t of probe.tasks) {
    const l = lecture.tasks.find((x) => x.id === t.id);
    if (!l) continue;
    rows.push({
      id: t.id, title: t.title,
      probe: { ...t.digitAccuracy, verdict: t.gainOverRandom.verdict },
      lecture: { ...l.digitAccuracy, verdict: l.gainOverRandom.verdict, failedFits: l.perSeed.filter((s) => s.failedFit).length },
    });
  }
  for (const r of probe.references) {
    const l = lecture.references.find((x) => x.id === r.id);
    if (!l || r.id === 'scratch') continue; // scratch trains every layer itself: the same run under both
    // The two files' labelled trunks are trained differently (to convergence for the probe), so the row says so.
    const title = r.id === 'upper' ? 'Trunk trained on the digit labels (converged under the probe; the pretext budget under the lecture\'s head)' : r.title;
    rows.push({
      id: r.id, title,
      probe: { ...r.digitAccuracy, verdict: null },
      lecture: { ...l.digitAccuracy, verdict: null, failedFits: l.perSeed.filter((s) => s.failedFit).length },
    });
  }
  return rows;
}

const VERDICT_PHRASE: Record<Verdict, string> = {
  better: 'beats the random trunk', worse: 'trails the random trunk', tie: 'ties with the random trunk', unknown: 'cannot be judged (one seed)',
};

const pts = (v: number) => `${(100 * v).toFixed(1)}`;

/** Sentences computed from both files: where the verdicts differ, and how noisy each instrument is. */
export function instrumentFindings(probe: LeaderboardResult, lecture: LeaderboardResult): string[] {
  const rows = instrumentRows(probe, lecture);
  const out: string[] = [];
  for (const r of rows) {
    if (r.probe.verdict && r.lecture.verdict && r.probe.verdict !== r.lecture.verdict) {
      out.push(`${r.title}: under the probe it ${VERDICT_PHRASE[r.probe.verdict]} (${pts(r.probe.mean)}% ± ${pts(r.probe.std)}); ` +
        `under the lecture's head it ${VERDICT_PHRASE[r.lecture.verdict]} (${pts(r.lecture.mean)}% ± ${pts(r.lecture.std)}).`);
    }
    if (r.lecture.failedFits > 0) out.push(`${r.title}: the lecture's head failed to fit on ${r.lecture.failedFits} seed${r.lecture.failedFits === 1 ? '' : 's'}, so its number there is about the recipe, not the trunk.`);
  }
  const spread = (pick: (r: InstrumentRow) => number) => Math.max(0, ...rows.map(pick));
  out.push(`The largest spread between seeds of one row is ${pts(spread((r) => r.probe.std))} points under the probe and ` +
    `${pts(spread((r) => r.lecture.std))} under the lecture's head: the smaller it is, the smaller a difference the instrument can tell from noise.`);
  return out;
}

/** The reference rows a task row scores above (a "bound" a row beats is no bound, and must not be called one). */
export function rowsAboveUpper(result: LeaderboardResult): string[] {
  const upper = result.references.find((r) => r.id === 'upper')?.digitAccuracy.mean;
  return upper === undefined ? [] : result.tasks.filter((t) => t.digitAccuracy.mean > upper).map((t) => t.title);
}
