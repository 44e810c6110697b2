/**
 * Per-pixel classification as tensors (colorization): the network outputs [b, 28, 28, classes] logits; the
 * loss is the cross-entropy of every pixel, weighted (mask pixels 1, others `outsideWeight`) and averaged per
 * row; the score is the fraction of the row's mask pixels whose largest logit is the right class. Logits need
 * no rescaling, so unlike a reconstruction it does not care how the input was scaled.
 */
import * as tf from '#tf';
import { IMAGE_PIXELS } from '../../data/mnist';
import { softmaxCrossEntropyPerExample } from '../../train/loss';
import type { Objective } from '../tensor-types';
import { packPixelTargets, perRowMeasures } from '../pixel-tensors';
import type { ClassifyPixelsSpec } from './index';

/** The per-pixel classification `spec` describes. */
export function pixelClassification(spec: ClassifyPixelsSpec): Objective {
  const { classes, outsideWeight } = spec;
  // Class indices and masks travel together in one tensor [b, 28, 28, 2], as a reconstruction's do.
  const perRow = (targets: tf.Tensor, output: tf.Tensor) => {
    const rows = targets.shape[0];
    const [labels, mask] = tf.split(targets as tf.Tensor4D, 2, 3).map((t) => tf.reshape(t, [rows, IMAGE_PIXELS]));
    const flatLabels = tf.reshape(labels, [-1]) as tf.Tensor1D;
    const logits = tf.reshape(output, [-1, classes]) as tf.Tensor2D;
    const crossEntropy = tf.reshape(softmaxCrossEntropyPerExample(flatLabels, logits), [rows, IMAGE_PIXELS]);
    const weights = tf.add(tf.mul(mask, 1 - outsideWeight), outsideWeight);
    const loss = tf.div(tf.sum(tf.mul(crossEntropy, weights), 1), tf.sum(weights, 1));
    const right = tf.reshape(tf.cast(tf.equal(tf.argMax(logits, 1), tf.cast(flatLabels, 'int32')), 'float32'), [rows, IMAGE_PIXELS]);
    const score = tf.div(tf.sum(tf.mul(right, mask), 1), tf.maximum(tf.sum(mask, 1), 1));
    return { loss, score };
  };
  return {
    targets: (set, rows) => packPixelTargets(set, rows, 1, 'A per-pixel classification task needs class targets and masks.'),
    ...perRowMeasures(perRow),
  };
}
