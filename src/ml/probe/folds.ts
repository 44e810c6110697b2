/**
 * Stratified k-fold splits of a labelled set, seeded.
 *
 * To choose the probe's penalty without looking at the test set, the labelled rows are dealt into k folds; each
 * fold in turn is held out while the others train. "Stratified": each digit's rows are shuffled and dealt round
 * the folds one by one, so every fold holds nearly the same mix of digits and no fold is missing a digit that
 * the others have (which would make its held-out score meaningless).
 */
import { createRng, shuffledIndices } from '../train/random';

/** The fold (0..k-1) of every row. */
export function stratifiedFolds(labels: Uint8Array, folds: number, seed: number): Uint8Array {
  if (!Number.isInteger(folds) || folds < 2 || folds > 255) throw new RangeError(`folds must be a whole number from 2 to 255, got ${folds}`);
  const rng = createRng(seed);
  const assignment = new Uint8Array(labels.length);
  const byClass = new Map<number, number[]>();
  labels.forEach((label, row) => {
    const rows = byClass.get(label);
    if (rows) rows.push(row);
    else byClass.set(label, [row]);
  });
  // Continue the deal where the previous class left off, so small classes do not all land in fold 0.
  let next = 0;
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = byClass.get(label) as number[];
    const order = shuffledIndices(rows.length, rng);
    for (const k of order) {
      assignment[rows[k]] = next;
      next = (next + 1) % folds;
    }
  }
  return assignment;
}
