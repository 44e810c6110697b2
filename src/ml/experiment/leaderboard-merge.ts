/**
 * Adding rows to a recorded leaderboard: a task recorded later (a new plug-in, say) joins an existing table
 * instead of every task being trained again. This is only fair when both runs used the same protocol, so the
 * reference rows must agree seed by seed, exactly: the same seed gives the same numbers on the same backend, so
 * a difference means different code, settings or backend, and the merge is refused. Page-safe (no tfjs).
 */
import { TASK_IDS } from '../tasks/registry';
import type { LeaderboardResult } from './leaderboard-types';
import { joinedRecording, joinRows, requireSame } from './recorded-file';

/** `base` with `added`'s task rows (replacing rows of the same task), in registry order. Throws on a mismatch. */
export function mergeLeaderboards(base: LeaderboardResult, added: LeaderboardResult): LeaderboardResult {
  const same = (what: string, a: unknown, b: unknown) => requireSame('add these rows', what, a, b);
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
  return { ...base, tasks: joinRows(base.tasks, added.tasks, TASK_IDS), ...joinedRecording([base, added]) };
}
