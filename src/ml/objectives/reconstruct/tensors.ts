/**
 * The reconstruction objective as tensors: the network outputs [b, 28, 28, 1] values meant to be pixels on a
 * 0-1 scale; the loss is a weighted mean squared error per row (mask pixels weight 1, others
 * `outsideWeight`); the score is the fraction of the row's mask pixels on the right side of `inkThreshold`.
 */
import * as tf from '#tf';
import type { InputScaling } from '../../train/task-set';
import type { Objective } from '../tensor-types';
import { packPixelTargets, perRowMeasures } from '../pixel-tensors';
import type { ReconstructSpec } from './index';

/**
 * A reconstruction for a network fed pixels scaled as `scaling` says. One unit of its output means 1/255 on
 * the 0-1 pixel scale when it is fed raw 0-255 pixels (as the lecture does), so it answers in the same units
 * it is given: asking a network fed values in the hundreds to answer in fractions pushes its ReLUs to zero and
 * kills it.
 */
export function reconstruction(spec: ReconstructSpec, scaling: InputScaling): Objective {
  const { outsideWeight, inkThreshold } = spec;
  const outputScale = scaling === 'raw' ? 1 / 255 : 1;
  // Targets and masks travel together in one tensor [b, 28, 28, 2] (channel 0 target, channel 1 mask).
  const lossPerRow = (targets: tf.Tensor, raw: tf.Tensor) => {
    const [pixels, mask] = tf.split(targets as tf.Tensor4D, 2, 3);
    const output = outputScale === 1 ? raw : tf.mul(raw, outputScale);
    const weights = tf.add(tf.mul(mask, 1 - outsideWeight), outsideWeight);
    const squared = tf.square(tf.sub(output, pixels));
    return tf.div(tf.sum(tf.mul(squared, weights), [1, 2, 3]), tf.sum(weights, [1, 2, 3]));
  };
  const scorePerRow = (targets: tf.Tensor, raw: tf.Tensor) => {
    const [pixels, mask] = tf.split(targets as tf.Tensor4D, 2, 3);
    const output = outputScale === 1 ? raw : tf.mul(raw, outputScale);
    const close = tf.cast(tf.equal(tf.greater(output, inkThreshold), tf.greater(pixels, inkThreshold)), 'float32');
    const maskCount = tf.maximum(tf.sum(mask, [1, 2, 3]), 1);
    return tf.div(tf.sum(tf.mul(close, mask), [1, 2, 3]), maskCount);
  };
  return {
    targets: (set, rows) => packPixelTargets(set, rows, 255, 'A reconstruction task needs target pixels and masks.'),
    ...perRowMeasures(lossPerRow, scorePerRow),
  };
}
