/**
 * The classifier's objective as tensors: class labels as targets, the Keras-equivalent cross-entropy from
 * logits (`train/loss.ts` says why from logits), and the number of rows whose largest logit is the label.
 */
import * as tf from '#tf';
import { countCorrect, softmaxCrossEntropyPerExample } from '../../train/loss';
import type { Objective } from '../tensor-types';

/** Classification with the Keras-equivalent cross-entropy from logits, scored by accuracy. */
export const CLASSIFY: Objective = {
  targets(set, rows) {
    const labels = new Int32Array(rows.length);
    for (let b = 0; b < rows.length; b++) labels[b] = set.labels[rows[b]];
    return tf.tensor1d(labels, 'int32');
  },
  meanLoss(targets, output) {
    return tf.tidy(() => tf.mean(softmaxCrossEntropyPerExample(targets as tf.Tensor1D, output as tf.Tensor2D)) as tf.Scalar);
  },
  lossSum(targets, output) {
    return tf.tidy(() => tf.sum(softmaxCrossEntropyPerExample(targets as tf.Tensor1D, output as tf.Tensor2D)) as tf.Scalar);
  },
  scoreSum(targets, output) {
    return countCorrect(targets as tf.Tensor1D, output as tf.Tensor2D);
  },
};
