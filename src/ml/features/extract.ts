/**
 * A trunk's features of a set of images, computed once.
 *
 * A frozen trunk is a fixed function: the same image gives the same 288 numbers in every epoch of the head's
 * training. Running the convolutions once per image instead of once per image per epoch is what makes a
 * frozen head train in a fraction of a second (the 50 epochs of the lecture's head touch 800 images 50 times;
 * the trunk's forward pass is almost all of that work).
 */
import * as tf from '#tf';
import type { ImageSet } from '../data/mnist';
import { makeBatch, range, type InputScaling } from '../train/batches';
import type { FeatureMatrix, TaskSet } from '../train/task-set';
import { TRUNK_LAYERS } from '../models/trunk';

export type { FeatureMatrix } from '../train/task-set';

/** Options of a feature extraction. */
export interface ExtractOptions {
  readonly scaling: InputScaling;
  /** How many of the model's first layers to run (default the trunk's 4: conv, pool, conv, pool). */
  readonly depth?: number;
  /** Images per forward pass (default 256); the features do not depend on it. */
  readonly batchSize?: number;
}

/**
 * The outputs of `model`'s first `depth` layers for every image of `set`, flattened to one row per image.
 * `model` is any network whose first layers are the shared trunk: a pretext model or a digit classifier.
 * The model is only read; every tensor made here is freed.
 */
export async function extractFeatures(model: tf.LayersModel, set: ImageSet, options: ExtractOptions): Promise<FeatureMatrix> {
  const depth = options.depth ?? TRUNK_LAYERS;
  if (!Number.isInteger(depth) || depth < 1 || depth > model.layers.length) {
    throw new RangeError(`depth must be a whole number from 1 to ${model.layers.length}, got ${depth}`);
  }
  const layers = model.layers.slice(0, depth);
  const batchSize = options.batchSize ?? 256;
  let values: Float32Array | null = null;
  let width = 0;
  for (let start = 0; start < set.count; start += batchSize) {
    const rows = range(start, Math.min(set.count, start + batchSize));
    const { xs, ys } = makeBatch(set, rows, options.scaling);
    try {
      const flat = tf.tidy(() => {
        // layer.apply is exactly what Sequential.apply calls for each layer: the same kernels, the same numbers.
        let x: tf.Tensor = xs;
        for (const layer of layers) x = layer.apply(x) as tf.Tensor;
        return tf.reshape(x, [rows.length, -1]);
      });
      try {
        width = flat.shape[1] as number;
        values ??= new Float32Array(set.count * width);
        values.set((await flat.data()) as Float32Array, start * width);
      } finally {
        flat.dispose();
      }
    } finally {
      tf.dispose([xs, ys]);
    }
  }
  return { values: values ?? new Float32Array(0), width };
}

/** A labelled set whose batches are cached features (see TaskSet.features); its pixels are not kept. */
export function featureTaskSet(features: FeatureMatrix, labels: Uint8Array): TaskSet {
  const count = labels.length;
  if (features.values.length !== count * features.width) {
    throw new RangeError(`features hold ${features.values.length / Math.max(1, features.width)} rows, labels ${count}`);
  }
  return { images: new Uint8Array(0), labels, count, features };
}

