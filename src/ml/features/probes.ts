/**
 * Probes: how much of the digit is readable from a trunk's features at a given depth.
 *
 * A *linear probe* (probe/linear-probe.ts) trains only a softmax layer on the features until it has converged:
 * it asks "is the digit linearly decodable here?". A *k-nearest-neighbour probe* trains nothing: a test digit gets the majority label of the
 * k training digits whose features are closest. Run after each block of the trunk, they show where the useful
 * features live; Gidaris et al. (2018, section 3.1) found that the last block of a RotNet specialises in the
 * rotation task, so the best digit features sit one block lower.
 */
import * as tf from '#tf';
import { DIGIT_CLASSES } from '../models/architecture';
import { TRUNK_LAYERS } from '../models/trunk';
import type { FeatureMatrix } from './extract';

/** Features with their labels. */
export interface LabelledFeatures {
  readonly features: FeatureMatrix;
  readonly labels: Uint8Array;
}

/** The depths (numbers of layers run) that end a block: conv1+pool, conv2+pool, and one more conv if the model has one. */
export function blockDepths(model: tf.LayersModel): number[] {
  const depths = [2, TRUNK_LAYERS];
  const next = model.layers[TRUNK_LAYERS];
  if (next && next.getClassName() === 'Conv2D') depths.push(TRUNK_LAYERS + 1);
  return depths;
}

/**
 * Standardises both sets with the training set's per-feature mean and standard deviation (features that never
 * vary, such as a dead ReLU's, are left at 0 rather than divided by 0).
 */
export function standardize(train: FeatureMatrix, test: FeatureMatrix): [FeatureMatrix, FeatureMatrix] {
  const { width } = train;
  const rows = train.values.length / width;
  const mean = new Float64Array(width);
  const sq = new Float64Array(width);
  for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) mean[j] += train.values[r * width + j];
  for (let j = 0; j < width; j++) mean[j] /= rows;
  for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) sq[j] += (train.values[r * width + j] - mean[j]) ** 2;
  const scale = Array.from(sq, (s) => (s > 0 ? 1 / Math.sqrt(s / rows) : 0));
  const apply = (m: FeatureMatrix): FeatureMatrix => {
    const out = new Float32Array(m.values.length);
    for (let i = 0; i < out.length; i++) out[i] = (m.values[i] - mean[i % width]) * scale[i % width];
    return { values: out, width };
  };
  return [apply(train), apply(test)];
}

/**
 * Test accuracy (0-1) of a k-nearest-neighbour vote on standardised features (Euclidean distance; a tie goes
 * to the label of the nearest of the tied neighbours). Distances are computed in chunks of test rows, so
 * memory stays at chunk x training rows.
 */
export async function knnProbe(train: LabelledFeatures, test: LabelledFeatures, k = 5, chunk = 256): Promise<number> {
  const [trainX, testX] = standardize(train.features, test.features);
  const { width } = trainX;
  const count = train.labels.length;
  if (!Number.isInteger(k) || k < 1 || k > count) throw new RangeError(`k must be a whole number from 1 to ${count}, got ${k}`);
  const x = tf.tensor2d(trainX.values, [count, width]);
  const norms = tf.tidy(() => tf.sum(tf.square(x), 1));
  let correct = 0;
  try {
    const testCount = test.labels.length;
    for (let start = 0; start < testCount; start += chunk) {
      const end = Math.min(testCount, start + chunk);
      const { indices, values } = tf.tidy(() => {
        const q = tf.tensor2d(testX.values.subarray(start * width, end * width), [end - start, width]);
        // |q - x|^2 = |q|^2 + |x|^2 - 2 q.x; |q|^2 is the same for every candidate, so it can be left out.
        const d = tf.sub(norms, tf.mul(tf.matMul(q, x, false, true), 2));
        return tf.topk(tf.neg(d), k);
      });
      const nearest = (await indices.data()) as Int32Array;
      tf.dispose([indices, values]);
      for (let r = 0; r < end - start; r++) {
        const votes = new Array<number>(DIGIT_CLASSES).fill(0);
        for (let j = 0; j < k; j++) votes[train.labels[nearest[r * k + j]]] += 1;
        const top = Math.max(...votes);
        let label = -1;
        for (let j = 0; j < k && label < 0; j++) if (votes[train.labels[nearest[r * k + j]]] === top) label = train.labels[nearest[r * k + j]];
        if (label === test.labels[start + r]) correct += 1;
      }
    }
  } finally {
    tf.dispose([x, norms]);
  }
  return correct / test.labels.length;
}
