/**
 * The lecture's networks, layer for layer.
 *
 * Pretext (23,988 parameters):
 *   Conv2D(64, 3x3, stride 2, relu, same) -> MaxPool(2) -> Conv2D(32, 3x3, stride 1, relu, same)
 *   -> MaxPool(2) -> Conv2D(16, 3x3, stride 2, relu, same) -> Flatten -> Dense(4, softmax)
 * Downstream and supervised (21,994 parameters): the first four layers, then Flatten -> Dense(10, softmax).
 *
 * One deliberate difference from Keras: the last Dense layer outputs *logits* and the softmax is applied in
 * the loss and at prediction time. tf.keras does the same thing behind the scenes (its cross-entropy
 * reaches back to the logits of a softmax layer), and it matters: tfjs's own categoricalCrossentropy on
 * probabilities clips them, the clip has no gradient, and a confidently wrong example stops learning.
 * The parameter counts, shapes and maths are the lecture's.
 */
import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../train/random';
import { ROTATION_CLASSES } from '../pretext/rotation';

/** Number of digit classes. */
export const DIGIT_CLASSES = 10;

/** How the convolutional features of a 10-digit classifier come about. */
export type FeatureSource =
  /** Copied from the trained pretext model and frozen (the lecture's self-supervised model). */
  | 'transfer'
  /** Freshly initialised and trained with the head (the lecture's supervised baseline). */
  | 'scratch'
  /** Freshly initialised and frozen: the control the lecture lacks. */
  | 'random';

function convLayer(filters: number, stride: number, seed: number, trainable: boolean, inputShape?: number[]): tf.layers.Layer {
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

function poolLayer(): tf.layers.Layer {
  return tf.layers.maxPooling2d({ poolSize: 2, strides: 2 });
}

function headLayer(units: number, seed: number): tf.layers.Layer {
  return tf.layers.dense({
    units,
    activation: 'linear', // softmax lives in the loss; see the file comment
    kernelInitializer: tf.initializers.glorotUniform({ seed }),
    biasInitializer: 'zeros',
  });
}

/** The feature layers shared by every model: conv, pool, conv, pool (layers 0-3 of the lecture). */
function featureLayers(seed: number, trainable: boolean): tf.layers.Layer[] {
  return [
    convLayer(64, 2, deriveSeed(seed, 0), trainable, [28, 28, 1]),
    poolLayer(),
    convLayer(32, 1, deriveSeed(seed, 2), trainable),
    poolLayer(),
  ];
}

/** The rotation-prediction network of the lecture (23,988 parameters, 4 outputs). */
export function buildPretextModel(seed: number): tf.Sequential {
  return tf.sequential({
    name: 'pretext',
    layers: [
      ...featureLayers(seed, true),
      convLayer(16, 2, deriveSeed(seed, 4), true),
      tf.layers.flatten(),
      headLayer(ROTATION_CLASSES, deriveSeed(seed, 6)),
    ],
  });
}

/**
 * A 10-digit classifier: conv, pool, conv, pool, Flatten, Dense(10) (21,994 parameters).
 * With `transfer`, `pretext` must be given: its layers 0 and 2 (the convolutions) are copied in and frozen,
 * exactly the lecture's `model_pretext.get_layer(index = 0..3)` with `trainable = False`.
 */
export function buildDigitClassifier(features: FeatureSource, seed: number, pretext?: tf.LayersModel): tf.Sequential {
  const frozen = features !== 'scratch';
  // Same seed, same initial convolutions as the pretext model had before it trained: so the random control
  // is literally "the transferred layers minus what rotation prediction taught them".
  const layers = featureLayers(seed, !frozen);
  const model = tf.sequential({
    name: features === 'transfer' ? 'downstream' : features === 'random' ? 'random_frozen' : 'supervised',
    layers: [...layers, tf.layers.flatten(), headLayer(DIGIT_CLASSES, deriveSeed(seed, 16))],
  });
  if (features === 'transfer') {
    if (!pretext) throw new Error('buildDigitClassifier("transfer") needs the trained pretext model');
    for (const index of [0, 2]) {
      // setWeights copies values into this model's own variables: later pretext training cannot leak in.
      const weights = pretext.layers[index].getWeights();
      model.layers[index].setWeights(weights);
    }
  }
  return model;
}

/** The variables the optimiser may change: trainable layers only, so frozen layers stay bit-identical. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}
