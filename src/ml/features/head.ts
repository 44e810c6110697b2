/**
 * The digit head of a frozen-trunk classifier, trained on cached trunk features.
 *
 * The lecture's downstream model is conv, pool, conv, pool (frozen), Flatten, Dense(10). With the trunk frozen,
 * only the Dense layer learns, and what it learns depends only on the 288 numbers the trunk hands it. So we
 * build that Dense layer on its own, with the same seed (hence the same initial weights), and train it with the
 * same algorithm, options and shuffles on the cached features: the same arithmetic, minus the convolutions
 * repeated every epoch. The head trains in plain JavaScript on typed arrays (speed/head/js-fit.ts), following tfjs's CPU
 * backend operation by operation, so on the CPU backend it gives the through-the-trunk weights and accuracy to
 * the last digit (features.test.ts). On WASM it agrees to float rounding only (the WASM kernels add in another
 * order; js-fit.test.ts bounds it), and the lecture's raw-pixel head training is chaotic enough to turn that
 * rounding into a different final accuracy, as a different seed would. So the protocol, whose published numbers
 * must not move, still trains frozen heads through the trunk with tfjs; the curve and the sweep use this path.
 */
import * as tf from '#tf';
import type { ImageSet } from '../data/mnist';
import { DIGIT_CLASSES } from '../models/architecture';
import { denseLayer } from '../models/trunk';
import { deriveSeed } from '../train/random';
import type { TrainOptions } from '../train/trainer';
import { fitHeadInJs } from '../speed/head';
import type { TrainCallbacks, TrainResult } from '../train/events';
import { evaluate, type Evaluation } from '../eval/evaluate';
import { extractFeatures, featureTaskSet, type FeatureMatrix } from './extract';

/** The index of the Dense layer in a digit classifier (conv, pool, conv, pool, flatten, dense). */
export const DIGIT_HEAD_LAYER = 5;

/**
 * The Dense(10) head alone, on `width` features, initialised exactly as buildDigitClassifier's head for the
 * same seed (the same seeded Glorot draw of a [width, 10] kernel).
 */
export function buildFeatureHead(seed: number, width: number): tf.Sequential {
  return tf.sequential({
    name: 'feature_head',
    layers: [tf.layers.inputLayer({ inputShape: [width] }), denseLayer(DIGIT_CLASSES, deriveSeed(seed, 16))],
  });
}

/** Copies a trained feature head into a digit classifier's Dense layer, making the whole network usable. */
export function installHead(classifier: tf.LayersModel, head: tf.LayersModel): void {
  classifier.layers[DIGIT_HEAD_LAYER].setWeights(head.layers[head.layers.length - 1].getWeights());
}

/** A head trained on cached features, and its score on the test features. */
export interface FeatureHeadResult {
  readonly train: TrainResult;
  readonly test: Evaluation;
}

/**
 * Trains a fresh head (seeded by `seed`, the classifier's model seed) on `trainFeatures` with `labels`, using
 * `options` exactly as a TrainingRun of the whole classifier would (`options.seed` drives the shuffles; see
 * js-fit.ts), then evaluates it on the test features (with tfjs, on the trained weights written back). Only `onEpochEnd` is called: there are no per-batch events. `keep` sees the trained head before it is disposed (e.g. to install it).
 */
export async function trainFeatureHead(
  seed: number,
  trainSet: { readonly features: FeatureMatrix; readonly labels: Uint8Array },
  testSet: { readonly features: FeatureMatrix; readonly labels: Uint8Array },
  options: TrainOptions,
  callbacks: TrainCallbacks = {},
  keep?: (head: tf.LayersModel, result: FeatureHeadResult) => void | Promise<void>,
): Promise<FeatureHeadResult> {
  const head = buildFeatureHead(seed, trainSet.features.width);
  try {
    const train = await fitHeadInJs(head, trainSet.features, trainSet.labels, options, callbacks.onEpochEnd);
    const test = await evaluate(head, featureTaskSet(testSet.features, testSet.labels), { scaling: options.scaling, batchSize: 64 });
    await keep?.(head, { train, test });
    return { train, test };
  } finally {
    head.dispose();
  }
}

/**
 * The whole fast path for one frozen trunk: features of the labelled and test images from `trunk` (any model
 * whose first four layers are the trunk), then a head trained on them. For repeated heads on the same trunk,
 * call extractFeatures once and trainFeatureHead many times instead.
 */
export async function trainHeadOnTrunk(
  trunk: tf.LayersModel, seed: number, labelled: ImageSet, test: ImageSet, options: TrainOptions,
): Promise<FeatureHeadResult> {
  const trainFeatures = await extractFeatures(trunk, labelled, { scaling: options.scaling });
  const testFeatures = await extractFeatures(trunk, test, { scaling: options.scaling });
  return trainFeatureHead(seed, { features: trainFeatures, labels: labelled.labels }, { features: testFeatures, labels: test.labels }, options);
}
