/**
 * Turning a few rows of a Uint8Array image set into a batch tensor, on demand.
 *
 * The data stays in compact typed arrays (40,000 rotated images are 31 MB as bytes, 125 MB as floats); only
 * the batch being trained becomes a tensor, and it is disposed right after the step.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_PIXELS, IMAGE_SIZE, type ImageSet } from '../data/mnist';

/**
 * How pixels reach the network: `raw` 0-255 as the lecture feeds them (it never rescales), or `unit`,
 * divided by 255, as most code does.
 */
export type InputScaling = 'raw' | 'unit';

/** Fills `out` with the given rows' pixels, scaled. */
export function gatherPixels(set: ImageSet, rows: ArrayLike<number>, scaling: InputScaling, out: Float32Array): void {
  const scale = scaling === 'unit' ? 1 / 255 : 1;
  for (let b = 0; b < rows.length; b++) {
    const src = rows[b] * IMAGE_PIXELS;
    const dst = b * IMAGE_PIXELS;
    for (let p = 0; p < IMAGE_PIXELS; p++) out[dst + p] = set.images[src + p] * scale;
  }
}

/** A batch as tensors: images [b, 28, 28, 1] and integer labels [b]. The caller disposes both. */
export interface Batch {
  readonly xs: tf.Tensor4D;
  readonly ys: tf.Tensor1D;
}

/** Makes the tensors for the given rows of `set`. */
export function makeBatch(set: ImageSet, rows: ArrayLike<number>, scaling: InputScaling): Batch {
  const pixels = new Float32Array(rows.length * IMAGE_PIXELS);
  gatherPixels(set, rows, scaling, pixels);
  const labels = new Int32Array(rows.length);
  for (let b = 0; b < rows.length; b++) labels[b] = set.labels[rows[b]];
  return {
    xs: tf.tensor4d(pixels, [rows.length, IMAGE_SIZE, IMAGE_SIZE, 1]),
    ys: tf.tensor1d(labels, 'int32'),
  };
}

/** The rows [start, end) as an index array. */
export function range(start: number, end: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, end - start));
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}
