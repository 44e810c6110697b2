/**
 * Cross-entropy as tf.keras computes it for a softmax classifier: from the logits.
 *
 * With p = softmax(z) and a one-hot y, the loss is -sum(y * log p) = logsumexp(z) - sum(y * z), and its
 * gradient with respect to the logits is simply p - y. Computed this way it never takes log(0), so a
 * confidently wrong prediction produces a large loss and a large, useful gradient. (tfjs's
 * categoricalCrossentropy works on probabilities clipped to [1e-7, 1 - 1e-7]; the clip has zero gradient,
 * so exactly those confidently wrong examples stop learning, which ruins training on raw 0-255 pixels.)
 */
import * as tf from '#tf';

/** Per-example cross-entropy of softmax(logits) against integer class labels, shape [batch]. */
export function softmaxCrossEntropyPerExample(labels: tf.Tensor1D, logits: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const oneHot = tf.oneHot(tf.cast(labels, 'int32'), logits.shape[1]);
    const logProbs = tf.logSoftmax(logits); // z - logsumexp(z), computed stably
    return tf.neg(tf.sum(tf.mul(oneHot, logProbs), 1)) as tf.Tensor1D;
  });
}

/** Mean cross-entropy over the batch (what Keras reports as `loss`). */
export function softmaxCrossEntropy(labels: tf.Tensor1D, logits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.mean(softmaxCrossEntropyPerExample(labels, logits)) as tf.Scalar);
}

/** Number of rows whose largest logit is at the label, as a float scalar. */
export function countCorrect(labels: tf.Tensor1D, logits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.cast(labels, 'int32')), 'float32')) as tf.Scalar);
}
