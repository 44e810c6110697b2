/**
 * The shared trunk every pretext task trains: the lecture's first four layers,
 *   Conv2D(64, 3x3, stride 2, relu, same) -> MaxPool(2) -> Conv2D(32, 3x3, stride 1, relu, same) -> MaxPool(2),
 * taking a 28x28x1 image to 3x3x32 = 288 features. Because every task puts its own head on *this* trunk, any
 * task's trunk can be frozen under the same Dense(10) digit head and compared fairly with any other's.
 *
 * Also the layer makers the heads use, with seeded Glorot initialisers like Keras's defaults.
 */
import * as tf from '#tf';
import { deriveSeed } from '../train/random';

/** Layers in the trunk (conv, pool, conv, pool): a task's head starts at this index. */
export const TRUNK_LAYERS = 4;
/** The trunk's layers that hold weights (the two convolutions), copied on transfer. */
export const TRUNK_WEIGHT_LAYERS: readonly number[] = [0, 2];
/** The trunk's output: 3x3 positions x 32 channels. */
export const TRUNK_OUTPUT_SHAPE = [3, 3, 32] as const;

/** A 3x3 'same' convolution with ReLU, seeded. */
export function convLayer(filters: number, stride: number, seed: number, trainable = true, inputShape?: number[]): tf.layers.Layer {
  return tf.layers.conv2d({
    filters,
    kernelSize: 3,
    strides: stride,
    padding: 'same',
    activation: 'relu',
    kernelInitializer: tf.initializers.glorotUniform({ seed }),
    biasInitializer: 'zeros',
    trainable,
    ...(inputShape ? { inputShape } : {}),
  });
}

/** The lecture's 2x2 max-pooling. */
export function poolLayer(): tf.layers.Layer {
  return tf.layers.maxPooling2d({ poolSize: 2, strides: 2 });
}

/** A Dense layer with a linear output (softmax, where there is one, lives in the loss), seeded. */
export function denseLayer(units: number, seed: number, activation: 'linear' | 'relu' = 'linear'): tf.layers.Layer {
  return tf.layers.dense({
    units,
    activation,
    kernelInitializer: tf.initializers.glorotUniform({ seed }),
    biasInitializer: 'zeros',
  });
}

/**
 * A linear transposed convolution without bias, seeded like the others: each input position paints a size x size
 * patch of the output (Keras's Conv2DTranspose, 'valid' padding). No bias, because in the one head that uses it a
 * Dense layer with a bias comes just before, and a bias here would add nothing that one cannot already give.
 */
export function convTransposeLayer(filters: number, size: number, stride: number, seed: number): tf.layers.Layer {
  return tf.layers.conv2dTranspose({
    filters,
    kernelSize: size,
    strides: stride,
    padding: 'valid',
    useBias: false,
    kernelInitializer: tf.initializers.glorotUniform({ seed }),
  });
}

/** One trunk layer as data: a seeded 3x3 'same' convolution with ReLU, or the 2x2 max-pooling. */
export type TrunkLayerSpec =
  | { readonly kind: 'conv'; readonly filters: number; readonly stride: number; readonly seedSalt: number }
  | { readonly kind: 'pool' };

/** The trunk as data: {@link trunkLayers} builds it, and models/plan.ts describes it without building it. */
export const TRUNK_SPEC: readonly TrunkLayerSpec[] = [
  { kind: 'conv', filters: 64, stride: 2, seedSalt: 0 },
  { kind: 'pool' },
  { kind: 'conv', filters: 32, stride: 1, seedSalt: 2 },
  { kind: 'pool' },
];

/** The trunk's input: one 28x28 grey image. */
export const TRUNK_INPUT_SHAPE = [28, 28, 1] as const;

/**
 * The trunk's four layers, initialised from `seed`. The same seed gives the same starting trunk to every
 * task, so the random-frozen control is literally "any task's trunk before it learned anything".
 */
export function trunkLayers(seed: number, trainable: boolean): tf.layers.Layer[] {
  return TRUNK_SPEC.map((layer, index) => (layer.kind === 'pool'
    ? poolLayer()
    : convLayer(layer.filters, layer.stride, deriveSeed(seed, layer.seedSalt), trainable, index === 0 ? [...TRUNK_INPUT_SHAPE] : undefined)));
}
