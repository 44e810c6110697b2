/**
 * Adding tasks to a recorded pretext-length study, so a long recording can be made in pieces (two processes
 * side by side, one task each, on a 2-core machine). Only studies measured the same way may be joined. Page-safe.
 */
import { TASK_IDS } from '../tasks/registry';
import type { PretextLengthResult } from './pretext-length-types';

/** `base` with `added`'s tasks (replacing tasks of the same id), in registry order. Throws on a mismatch. */
export function mergePretextLength(base: PretextLengthResult, added: PretextLengthResult): PretextLengthResult {
  const fields = ['preset', 'head', 'seedList', 'epochs', 'labels', 'blocks', 'testCount', 'backend'] as const;
  for (const field of fields) {
    if (JSON.stringify(base[field]) !== JSON.stringify(added[field])) {
      throw new Error(`cannot add these tasks: ${field} differ (${JSON.stringify(base[field])} against ${JSON.stringify(added[field])})`);
    }
  }
  const tasks = new Map(base.tasks.map((t) => [t.id, t]));
  for (const t of added.tasks) tasks.set(t.id, t);
  return {
    ...base,
    tasks: TASK_IDS.filter((id) => tasks.has(id)).map((id) => tasks.get(id) as PretextLengthResult['tasks'][number]),
    recordedAt: added.recordedAt > base.recordedAt ? added.recordedAt : base.recordedAt,
    commands: [...base.commands, ...added.commands],
    elapsedMs: base.elapsedMs + added.elapsedMs,
  };
}
