/**
 * What a task's score would be without learning anything, so a student can tell "above chance" from "it
 * learned something": guessing for a classifier (1 / classes), and for a reconstruction the score of painting
 * every hidden pixel black, the background colour most of them really have. Page-safe (no tfjs).
 */
import { IMAGE_PIXELS } from '../data/mnist';
import type { TaskSet } from '../train/task-set';
import type { PretextTask } from './types';

/** The chance-level score of `task` on `set` (its examples): 1 / classes, or the all-black painting's score. */
export function chanceScore(task: PretextTask, set: TaskSet): number {
  if (task.objective.kind === 'classify') return 1 / task.classNames.length;
  const { targets, masks } = set;
  if (!targets || !masks) return NaN;
  // The objective's score: per row, the fraction of mask pixels painted the right colour; then the mean.
  const limit = task.objective.inkThreshold * 255;
  let sum = 0;
  for (let row = 0; row < set.count; row++) {
    let inMask = 0;
    let close = 0;
    for (let p = row * IMAGE_PIXELS; p < (row + 1) * IMAGE_PIXELS; p++) {
      if (!masks[p]) continue;
      inMask++;
      if (!(targets[p] > limit)) close++;
    }
    sum += inMask > 0 ? close / inMask : 0;
  }
  return set.count > 0 ? sum / set.count : NaN;
}
