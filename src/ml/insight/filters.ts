/**
 * The first convolution's filters, before and after training, and what they make of one image.
 *
 * The trunk's first layer holds 64 filters of 3x3 weights. Every run with seed s started from the same 64
 * (the trunk is initialised from the seed alone: see models/trunk.ts), so we can re-create the starting
 * filters exactly, without having saved them, and measure how far training moved each one. A filter that
 * barely moved is still essentially random: whatever the head learned, it learned on top of noise detectors.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../data/mnist';
import { makeBatch, range, type InputScaling } from '../train/batches';
import { trunkLayers } from '../models/trunk';

/** A first-layer kernel as plain numbers, one filter after another (filter f's 3x3 weights at f*9 .. f*9+8). */
export interface FilterBank {
  readonly filters: number;
  /** Side of each square filter (3). */
  readonly size: number;
  /** filters x size x size, filter-major, each filter row-major. */
  readonly weights: Float32Array;
}

/**
 * Reorders a conv kernel from tfjs's layout ([height, width, inChannels=1, filters], filters fastest) to one
 * filter after another, so a filter's nine weights sit together for drawing and measuring.
 */
export function filterMajor(kernel: ArrayLike<number>, shape: readonly number[]): FilterBank {
  const [h, w, inChannels, filters] = shape;
  if (inChannels !== 1 || h !== w) throw new RangeError(`expected a square single-channel kernel, got [${shape.join(', ')}]`);
  const weights = new Float32Array(filters * h * w);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) for (let f = 0; f < filters; f++) weights[f * h * w + y * w + x] = kernel[(y * w + x) * filters + f];
  }
  return { filters, size: h, weights };
}

/** How far each filter moved: ||after - before|| / ||before||, one number per filter (0 = untouched). */
export function filterChanges(before: FilterBank, after: FilterBank): Float32Array {
  if (before.weights.length !== after.weights.length) throw new RangeError('the two filter banks differ in size');
  const n = before.size * before.size;
  const out = new Float32Array(before.filters);
  for (let f = 0; f < before.filters; f++) {
    let diff = 0;
    let norm = 0;
    for (let i = f * n; i < (f + 1) * n; i++) {
      const d = after.weights[i] - before.weights[i];
      diff += d * d;
      norm += before.weights[i] * before.weights[i];
    }
    out[f] = norm > 0 ? Math.sqrt(diff / norm) : Math.sqrt(diff);
  }
  return out;
}

/** How much a bank of filters moved, in the words the lesson uses. */
export type ChangeVerdict = 'untouched' | 'barely' | 'some' | 'much';

/** The median of a list of numbers (0 for an empty list). */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const sorted = Array.from(values).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A verdict on the median relative change: below 0.1% nothing moved (a frozen trunk), below 10% the filters
 * are almost their random start, below 50% they changed visibly, beyond that they were rewritten.
 */
export function changeVerdict(changes: ArrayLike<number>): ChangeVerdict {
  const m = median(changes);
  if (m < 1e-3) return 'untouched';
  if (m < 0.1) return 'barely';
  return m < 0.5 ? 'some' : 'much';
}

/** A model's first-layer filters (the model is only read). */
export async function firstLayerFilters(model: tf.LayersModel): Promise<FilterBank> {
  const kernel = model.layers[0].getWeights()[0];
  return filterMajor((await kernel.data()) as Float32Array, kernel.shape);
}

/**
 * The first-layer filters every run with this seed started from, re-created by building the same seeded
 * layer again (Glorot-uniform from the seed: the same numbers on every backend) and freeing it at once.
 */
export async function initialFilters(seed: number): Promise<FilterBank> {
  const [conv] = trunkLayers(seed, false);
  const model = tf.sequential({ layers: [conv] });
  try {
    return await firstLayerFilters(model);
  } finally {
    model.dispose();
  }
}

/** The first layer's outputs for one image: `channels` maps of size x size, channel-major. */
export interface FeatureMaps {
  readonly channels: number;
  readonly size: number;
  /** channels x size x size: map c is values[c*size*size ...]. */
  readonly values: Float32Array;
}

/**
 * What the first convolution (with its ReLU) makes of one 28x28 image (`pixels`, 784 bytes 0-255), fed in
 * the scaling the model was trained with: 64 maps of 14x14, since the layer steps 2 pixels at a time.
 */
export async function firstLayerMaps(model: tf.LayersModel, pixels: Uint8Array, scaling: InputScaling): Promise<FeatureMaps> {
  if (pixels.length !== IMAGE_SIZE * IMAGE_SIZE) throw new RangeError(`expected 784 pixels, got ${pixels.length}`);
  const { xs, ys } = makeBatch({ images: pixels, labels: new Uint8Array(1), count: 1 }, range(0, 1), scaling);
  try {
    // Channels first, so each map's pixels are contiguous for drawing.
    const maps = tf.tidy(() => tf.transpose((model.layers[0].apply(xs) as tf.Tensor4D).squeeze([0]), [2, 0, 1]));
    try {
      const [channels, size] = maps.shape;
      return { channels, size, values: (await maps.data()) as Float32Array };
    } finally {
      maps.dispose();
    }
  } finally {
    tf.dispose([xs, ys]);
  }
}
