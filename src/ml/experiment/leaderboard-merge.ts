/**
 * Adding rows to a recorded leaderboard: a task recorded later (a new plug-in, say) joins an existing table
 * instead of every task being trained again. This is only fair when both runs used the same protocol, so the
 * reference rows must agree seed by seed, exactly: the same seed gives the same numbers on the same backend, so
 * a difference means different code, settings or backend, and the merge is refused. Page-safe (no tfjs).
 */
import { TASK_IDS } from '../tasks/registry';
import type { LeaderboardResult } from './leaderboard-types';

/** `base` with `added`'s task rows (replacing rows of the same task), in registry order. Throws on a mismatch. */
export function mergeLeaderboards(base: LeaderboardResult, added: LeaderboardResult): LeaderboardResult {
  const same = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`cannot add these rows: ${what} differ (${JSON.stringify(a)} against ${JSON.stringify(b)})`);
  };
  same('instruments (heads)', base.head ?? 'lecture', added.head ?? 'lecture');
  same('presets', base.preset, added.preset);
  same('seeds', base.seeds, added.seeds);
  same('test sets', [base.test, base.testCount], [added.test, added.testCount]);
  same('labelled counts', base.labelledCount, added.labelledCount);
  same('backends', base.backend, added.backend);
  for (const ref of base.references) {
    const other = added.references.find((r) => r.id === ref.id);
    same(`the "${ref.id}" reference rows (the same seeds must give the same numbers)`, ref.perSeed, other?.perSeed);
  }
  const rows = new Map(base.tasks.map((t) => [t.id, t]));
  for (const t of added.tasks) rows.set(t.id, t);
  return {
    ...base,
    tasks: TASK_IDS.filter((id) => rows.has(id)).map((id) => rows.get(id) as LeaderboardResult['tasks'][number]),
    recordedAt: added.recordedAt > base.recordedAt ? added.recordedAt : base.recordedAt,
    elapsedMs: base.elapsedMs + added.elapsedMs,
  };
}
