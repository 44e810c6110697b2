/**
 * Adding tasks to a recorded pretext-length study, so a long recording can be made in pieces (two processes
 * side by side, one task each, on a 2-core machine). Only studies measured the same way may be joined. Page-safe.
 */
import { TASK_IDS } from '../tasks/registry';
import type { PretextLengthResult } from './pretext-length-types';
import { joinedRecording, joinRows, requireSame } from './recorded-file';

/** `base` with `added`'s tasks (replacing tasks of the same id), in registry order. Throws on a mismatch. */
export function mergePretextLength(base: PretextLengthResult, added: PretextLengthResult): PretextLengthResult {
  const fields = ['preset', 'head', 'seedList', 'epochs', 'labels', 'blocks', 'testCount', 'backend'] as const;
  for (const field of fields) requireSame('add these tasks', field, base[field], added[field]);
  return {
    ...base,
    tasks: joinRows(base.tasks, added.tasks, TASK_IDS),
    commands: [...base.commands, ...added.commands],
    ...joinedRecording([base, added]),
  };
}
