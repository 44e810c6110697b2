/**
 * Per-pixel classification as tensors (colorization): the network outputs [b, 28, 28, classes] logits; the
 * loss is the cross-entropy of every pixel, weighted (mask pixels 1, others `outsideWeight`) and averaged per
 * row; the score is the fraction of the row's mask pixels whose largest logit is the right class. Logits need
 * no rescaling, so unlike a reconstruction it does not care how the input was scaled.
 *
 * On WASM the per-pixel work runs on the lab's own kernels (`fusedPixelCrossEntropy`, `fusedPixelScore`),
 * which give the same numbers as the tfjs graph below in a few passes instead of some twenty kernels over
 * [b * 784, classes]; elsewhere the graph runs as written.
 */
import * as tf from '#tf';
import { IMAGE_PIXELS } from '../../data/mnist';
import { softmaxCrossEntropyPerExample } from '../../train/loss';
import { fusedPixelCrossEntropy, fusedPixelScore } from '../../speed/kernels';
import type { Objective } from '../tensor-types';
import { packPixelTargets, perRowMeasures } from '../pixel-tensors';
import type { ClassifyPixelsSpec } from './index';

/** Class indices [b, 784] and masks [b, 784] from targets packed as [b, 28, 28, 2]. */
function unpack(targets: tf.Tensor): [tf.Tensor2D, tf.Tensor2D] {
  const rows = targets.shape[0];
  const [labels, mask] = tf.split(targets as tf.Tensor4D, 2, 3).map((t) => tf.reshape(t, [rows, IMAGE_PIXELS]) as tf.Tensor2D);
  return [labels, mask];
}

/** The per-pixel classification `spec` describes. */
export function pixelClassification(spec: ClassifyPixelsSpec): Objective {
  const { classes, outsideWeight } = spec;
  // Class indices and masks travel together in one tensor [b, 28, 28, 2], as a reconstruction's do.
  const lossPerRow = (targets: tf.Tensor, output: tf.Tensor) => {
    const logits = tf.reshape(output, [-1, classes]) as tf.Tensor2D;
    const fused = fusedPixelCrossEntropy(logits, targets, outsideWeight);
    if (fused) return tf.div(tf.sum(fused.weighted, 1), tf.sum(fused.weights, 1));
    const rows = targets.shape[0];
    const [labels, mask] = unpack(targets);
    const crossEntropy = tf.reshape(softmaxCrossEntropyPerExample(tf.reshape(labels, [-1]) as tf.Tensor1D, logits), [rows, IMAGE_PIXELS]);
    const weights = tf.add(tf.mul(mask, 1 - outsideWeight), outsideWeight);
    return tf.div(tf.sum(tf.mul(crossEntropy, weights), 1), tf.sum(weights, 1));
  };
  const scorePerRow = (targets: tf.Tensor, output: tf.Tensor) => {
    const logits = tf.reshape(output, [-1, classes]) as tf.Tensor2D;
    const fused = fusedPixelScore(logits, targets);
    if (fused) return fused;
    const rows = targets.shape[0];
    const [labels, mask] = unpack(targets);
    const right = tf.reshape(tf.cast(tf.equal(tf.argMax(logits, 1), tf.cast(tf.reshape(labels, [-1]), 'int32')), 'float32'), [rows, IMAGE_PIXELS]);
    return tf.div(tf.sum(tf.mul(right, mask), 1), tf.maximum(tf.sum(mask, 1), 1));
  };
  return {
    targets: (set, rows) => packPixelTargets(set, rows, 1, 'A per-pixel classification task needs class targets and masks.'),
    ...perRowMeasures(lossPerRow, scorePerRow),
  };
}
