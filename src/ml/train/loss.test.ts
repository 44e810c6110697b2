import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '#tf';
import { softmaxCrossEntropy } from './loss';
import { useCpuBackend } from '../testing/fixtures';

beforeAll(useCpuBackend);

describe('cross-entropy from logits (as tf.keras computes it)', () => {
  it('gives a confidently wrong example the gradient p - y', () => {
    // Logits that put almost all probability on class 0 while the label is class 2.
    const logits = tf.tensor2d([[60, 0, -5, 1]]);
    const labels = tf.tensor1d([2], 'int32');
    const grad = tf.grad((z: tf.Tensor) => softmaxCrossEntropy(labels, z as tf.Tensor2D))(logits);
    const p = tf.softmax(logits).dataSync();
    const expected = Array.from(p).map((v, i) => v - (i === 2 ? 1 : 0));
    const got = Array.from(grad.dataSync());
    got.forEach((g, i) => expect(g).toBeCloseTo(expected[i], 6));
    expect(got[2]).toBeCloseTo(-1, 6); // the full push towards the right class
    // The loss is finite and large: log-sum-exp, never log(0).
    expect(softmaxCrossEntropy(labels, logits).dataSync()[0]).toBeCloseTo(65, 3);
  });

  it("differs from tfjs's clipped categoricalCrossentropy, whose gradient vanishes there", () => {
    const logits = tf.tensor2d([[60, 0, -5, 1]]);
    const oneHot = tf.tensor2d([[0, 0, 1, 0]]);
    const clipped = tf.grad((z: tf.Tensor) => tf.metrics.categoricalCrossentropy(oneHot, tf.softmax(z)).mean())(logits);
    expect(Math.max(...Array.from(clipped.dataSync()).map(Math.abs))).toBeLessThan(1e-6);
  });

  it('matches the textbook value on an easy case', () => {
    const logits = tf.tensor2d([[1, 2, 3], [0, 0, 0]]);
    const labels = tf.tensor1d([2, 1], 'int32');
    const lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    const expected = ((lse - 3) + Math.log(3)) / 2;
    expect(softmaxCrossEntropy(labels, logits).dataSync()[0]).toBeCloseTo(expected, 5);
  });
});
