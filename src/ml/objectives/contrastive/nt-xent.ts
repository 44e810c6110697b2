/**
 * SimCLR's loss, NT-Xent ("normalised temperature-scaled cross-entropy"; Chen et al. 2020), and its score.
 *
 * A batch holds 2N projections: rows 2k and 2k+1 are two views of one image. Each projection is scaled to
 * length 1, so the dot product of two rows is their cosine similarity, between -1 and 1. For each row, the
 * similarities to every *other* row, divided by the temperature, are the logits of a softmax over "which row
 * is my partner?"; the loss is the cross-entropy with the true partner. A row's similarity to itself is
 * always 1, the largest possible, so it is masked out: otherwise every row would simply "find" itself.
 *
 * The temperature sets how sharp the softmax is: at 0.5, similarities 1 and 0 become logits 2 and 0, so a
 * view that is only slightly closer to its partner than to the others is already mostly right, and the
 * gradient concentrates on the negatives that are nearly as close as the partner (the hard ones).
 */
import * as tf from '#tf';
import { softmaxCrossEntropyPerExample } from '../../train/loss';

/** What is subtracted from a row's similarity to itself: enough that softmax gives it weight 0. */
const SELF_MASK = 1e9;

/** The position of each row's partner within a batch of `rows` rows: 1, 0, 3, 2, ... */
export function partnerPositions(rows: number): Int32Array {
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) out[i] = i ^ 1;
  return out;
}

/**
 * The logits of "which row is my partner?": cosine similarities of the L2-normalised rows of `projections`
 * [2N, d] divided by `temperature`, with each row's similarity to itself masked out. Shape [2N, 2N].
 */
export function similarityLogits(projections: tf.Tensor2D, temperature: number): tf.Tensor2D {
  return tf.tidy(() => {
    // The tiny constant keeps an all-zero projection (a dead ReLU layer) from dividing by zero.
    const length = tf.sqrt(tf.add(tf.sum(tf.square(projections), 1, true), 1e-12));
    const unit = tf.div(projections, length);
    const cosine = tf.matMul(unit, unit, false, true);
    const rows = projections.shape[0];
    return tf.sub(tf.div(cosine, temperature), tf.mul(tf.eye(rows), SELF_MASK)) as tf.Tensor2D;
  });
}

/** The NT-Xent loss of each row, shape [2N]: cross-entropy of its similarity softmax with its partner. */
export function ntXentPerRow(partners: tf.Tensor1D, projections: tf.Tensor2D, temperature: number): tf.Tensor1D {
  return tf.tidy(() => softmaxCrossEntropyPerExample(partners, similarityLogits(projections, temperature)));
}

/**
 * How many rows have their partner as their single most similar other row ("contrastive accuracy", top-1).
 * A tie counts as wrong: a network that maps everything to the same point finds nothing, rather than being
 * credited with whichever row argmax happens to pick first.
 */
export function partnersFound(partners: tf.Tensor1D, projections: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const rows = projections.shape[0];
    // Temperature does not change the order of similarities, so 1 will do.
    const logits = similarityLogits(projections, 1);
    const isPartner = tf.oneHot(tf.cast(partners, 'int32'), rows);
    const partnerSimilarity = tf.sum(tf.mul(logits, isPartner), 1);
    // With a single pair there is no other row: bestOther is -1e9 and the partner is found (chance is 1 too).
    const bestOther = tf.max(tf.sub(logits, tf.mul(isPartner, SELF_MASK)), 1);
    return tf.sum(tf.cast(tf.greater(partnerSimilarity, bestOther), 'float32')) as tf.Scalar;
  });
}
