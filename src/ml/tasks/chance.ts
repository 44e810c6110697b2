/**
 * What a task's score would be without learning anything, so a student can tell "above chance" from "it
 * learned something": guessing for a classifier (1 / classes), for a reconstruction the score of painting
 * every hidden pixel black, the background colour most of them really have, and for a per-pixel classifier
 * the best single class said everywhere. Page-safe (no tfjs).
 *
 * For contrastive learning, a view that knows nothing picks its partner among the b - 1 other views of its
 * batch: chance 1 / (b - 1). The evaluator compares a fixed number of rows at a time, but the last batch of a
 * set is usually smaller (40,000 test views in batches of 192 leave 64, where chance is 1/63, three times
 * higher), so the honest chance level is the average over views of 1 / (their batch's size - 1).
 */
import { IMAGE_PIXELS } from '../data/mnist';
import type { TaskSet } from '../train/task-set';
import type { PretextTask } from './types';

/** The chance-level score of `task` on `set` (its examples): 1 / classes, the all-black painting's, or the best constant class's. */
export function chanceScore(task: PretextTask, set: TaskSet): number {
  if (task.objective.kind === 'classify') return 1 / task.classNames.length;
  if (task.objective.kind === 'contrastive') return contrastiveChance(set.count, task.objective.evaluationRows);
  if (task.objective.kind === 'classifyPixels') return bestConstantClass(set, task.objective.classes);
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

/**
 * Chance of finding one's partner by guessing, averaged over `rows` views evaluated from the first row on in
 * batches of `batchRows` (the last one smaller): each view guesses among the other views of its batch.
 */
export function contrastiveChance(rows: number, batchRows: number): number {
  if (rows < 2) return NaN;
  let sum = 0;
  for (let start = 0; start < rows; start += batchRows) {
    const size = Math.min(batchRows, rows - start);
    sum += size / Math.max(1, size - 1);
  }
  return sum / rows;
}

/**
 * A per-pixel classifier's chance: the score of the best single class said for every pixel, i.e. the largest
 * mean over rows of the share of a row's mask pixels whose class it is. For colourization that is the most
 * common ink: painting everything paper scores 0, since only ink pixels count.
 */
function bestConstantClass(set: TaskSet, classes: number): number {
  const { targets, masks } = set;
  if (!targets || !masks || set.count === 0) return NaN;
  const sums = new Float64Array(classes);
  const counts = new Float64Array(classes);
  for (let row = 0; row < set.count; row++) {
    counts.fill(0);
    let inMask = 0;
    for (let p = row * IMAGE_PIXELS; p < (row + 1) * IMAGE_PIXELS; p++) {
      if (!masks[p]) continue;
      inMask++;
      counts[targets[p]]++;
    }
    if (inMask > 0) for (let k = 0; k < classes; k++) sums[k] += counts[k] / inMask;
  }
  return Math.max(...sums) / set.count;
}
