/**
 * The first convolution's filters, before and after training, and what they make of one image.
 *
 * The trunk's first layer holds 64 filters of 3x3 weights. Every run with seed s started from the same 64
 * (the trunk is initialised from the seed alone: see models/trunk.ts), so we can re-create the starting
 * filters exactly, without having saved them, and measure how far training moved each one. A filter that
 * barely moved is still essentially random: whatever the head learned, it learned on top of noise detectors.
 * The arithmetic that needs no model (reordering, distances, the verdict) is in filter-math.ts, page-safe.
 */
import * as tf from '#tf';
import { IMAGE_SIZE } from '../data/mnist';
import { makeBatch, range, type InputScaling } from '../train/batches';
import { trunkLayers } from '../models/trunk';
import { filterMajor, type FeatureMaps, type FilterBank } from './filter-math';

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
