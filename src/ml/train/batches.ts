/**
 * Turning a few rows of a Uint8Array image set into a batch tensor, on demand.
 *
 * The data stays in compact typed arrays (40,000 rotated images are 31 MB as bytes, 125 MB as floats); only
 * the batch being trained becomes a tensor, and it is disposed right after the step.
 */
import * as tf from '#tf';
import { IMAGE_PIXELS, IMAGE_SIZE, type ImageSet } from '../data/mnist';
import { CLASSIFY, type Objective } from './objective';
import type { InputScaling, TaskSet } from './task-set';

export type { InputScaling } from './task-set';

/** Fills `out` with the given rows' pixels, scaled. */
export function gatherPixels(set: ImageSet, rows: ArrayLike<number>, scaling: InputScaling, out: Float32Array): void {
  const scale = scaling === 'unit' ? 1 / 255 : 1;
  for (let b = 0; b < rows.length; b++) {
    const src = rows[b] * IMAGE_PIXELS;
    const dst = b * IMAGE_PIXELS;
    for (let p = 0; p < IMAGE_PIXELS; p++) out[dst + p] = set.images[src + p] * scale;
  }
}

/**
 * A batch as tensors: images [b, 28, 28, 1] (or cached features [b, width]) and the objective's targets
 * (class labels [b] by default).
 */
export interface Batch {
  readonly xs: tf.Tensor4D | tf.Tensor2D;
  readonly ys: tf.Tensor;
}

/** Makes the tensors for the given rows of `set`; the caller disposes both. */
export function makeBatch(set: TaskSet, rows: ArrayLike<number>, scaling: InputScaling, objective: Objective = CLASSIFY): Batch {
  if (set.features) {
    // Features were computed from pixels already scaled as the run says; they need no scaling of their own.
    const { values, width } = set.features;
    const out = new Float32Array(rows.length * width);
    for (let b = 0; b < rows.length; b++) out.set(values.subarray(rows[b] * width, (rows[b] + 1) * width), b * width);
    return { xs: tf.tensor2d(out, [rows.length, width]), ys: objective.targets(set, rows) };
  }
  const pixels = new Float32Array(rows.length * IMAGE_PIXELS);
  gatherPixels(set, rows, scaling, pixels);
  return {
    xs: tf.tensor4d(pixels, [rows.length, IMAGE_SIZE, IMAGE_SIZE, 1]),
    ys: objective.targets(set, rows),
  };
}

/** The rows [start, end) as an index array. */
export function range(start: number, end: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, end - start));
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}
