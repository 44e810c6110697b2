/**
 * Tensor helpers shared by the objectives that judge every pixel (reconstruction, per-pixel classification):
 * targets and masks packed into one tensor, and loss and score sums built from one per-row computation.
 */
import * as tf from '#tf';
import { IMAGE_PIXELS, IMAGE_SIZE } from '../data/mnist';
import type { TaskSet } from '../train/task-set';
import type { Objective } from './tensor-types';

/**
 * The targets of pixel rows with their masks in one tensor [b, 28, 28, 2] (channel 0 the target divided by
 * `divisor`, channel 1 the mask), so the Objective interface needs only one target tensor.
 */
export function packPixelTargets(set: TaskSet, rows: ArrayLike<number>, divisor: number, missing: string): tf.Tensor4D {
  if (!set.targets || !set.masks) throw new Error(missing);
  const out = new Float32Array(rows.length * IMAGE_PIXELS * 2);
  for (let b = 0; b < rows.length; b++) {
    const src = rows[b] * IMAGE_PIXELS;
    const dst = b * IMAGE_PIXELS * 2;
    for (let p = 0; p < IMAGE_PIXELS; p++) {
      out[dst + 2 * p] = set.targets[src + p] / divisor;
      out[dst + 2 * p + 1] = set.masks[src + p] ? 1 : 0;
    }
  }
  return tf.tensor4d(out, [rows.length, IMAGE_SIZE, IMAGE_SIZE, 2]);
}

/**
 * The loss and score sums of an objective whose loss and score are computed row by row. They are two
 * functions, not one returning both, because the trainer asks for each once a step: computing the score
 * with the loss (and the loss with the score) did every per-pixel pass twice.
 */
export function perRowMeasures(
  lossPerRow: (targets: tf.Tensor, output: tf.Tensor) => tf.Tensor,
  scorePerRow: (targets: tf.Tensor, output: tf.Tensor) => tf.Tensor,
): Pick<Objective, 'meanLoss' | 'lossSum' | 'scoreSum'> {
  return {
    meanLoss: (targets, output) => tf.tidy(() => tf.mean(lossPerRow(targets, output)) as tf.Scalar),
    lossSum: (targets, output) => tf.tidy(() => tf.sum(lossPerRow(targets, output)) as tf.Scalar),
    scoreSum: (targets, output) => tf.tidy(() => tf.sum(scorePerRow(targets, output)) as tf.Scalar),
  };
}
