/**
 * The engine's view of an objective, the interface every objective's `tensors.ts` implements and
 * `train/objective.ts` hands out. Types only: importing it loads no tfjs.
 */
import type * as tf from '#tf';
import type { TaskSet } from '../train/task-set';

/** How a network's output is judged. Every tensor returned is the caller's to dispose. */
export interface Objective {
  /** The targets of the given rows: int32 class labels [b], or float pixels [b, 28, 28, 1] in 0-1. */
  targets(set: TaskSet, rows: ArrayLike<number>): tf.Tensor;
  /** The mean loss over the batch: what the optimiser minimises. */
  meanLoss(targets: tf.Tensor, output: tf.Tensor): tf.Scalar;
  /** The per-row loss summed over the batch (evaluation divides by the row count). */
  lossSum(targets: tf.Tensor, output: tf.Tensor): tf.Scalar;
  /** The per-row score (1 right, 0 wrong, or a fraction between) summed over the batch. */
  scoreSum(targets: tf.Tensor, output: tf.Tensor): tf.Scalar;
}
