/**
 * Which test images to page through in the stem plots: all of them, or only the interesting ones.
 */
import { argmax } from '../../components/prediction';
import type { ArmEvaluation } from '../../runtime/messages';

/** The filters a student can pick. */
export type ImageFilter = 'all' | 'disagree' | 'selfWrong' | 'supervisedWrong';

/** Labels for the filter menu. */
export const FILTER_LABELS: Record<ImageFilter, string> = {
  all: 'All test images',
  disagree: 'Where the two models disagree',
  selfWrong: 'Where the self-supervised model is wrong',
  supervisedWrong: 'Where the supervised model is wrong',
};

/** The predicted class of row `i`. */
export function predictedClass(arm: ArmEvaluation, i: number): number {
  return argmax(arm.probabilities.subarray(i * 10, i * 10 + 10));
}

/** The row indices that pass the filter. */
export function filterRows(filter: ImageFilter, labels: Uint8Array, self: ArmEvaluation, supervised: ArmEvaluation): number[] {
  const rows: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const a = predictedClass(self, i);
    const b = predictedClass(supervised, i);
    const keep = filter === 'all' || (filter === 'disagree' && a !== b) || (filter === 'selfWrong' && a !== labels[i]) || (filter === 'supervisedWrong' && b !== labels[i]);
    if (keep) rows.push(i);
  }
  return rows;
}
