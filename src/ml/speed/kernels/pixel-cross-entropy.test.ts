// @vitest-environment node
import * as tf from '#tf';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../train/random';
import { pixelClassification } from '../../objectives/classifyPixels/tensors';
import { registerWasmTrainingKernels } from './wasm-kernels';
import { useSimdKernels } from './simd-kernels';
import { bitsOf, bothWays } from '../../testing/simd-both-ways';

const CLASSES = 5;

/** Bit patterns with every NaN as one: a row with no weight at all (outside weight 0, no mask) gives 0/0 both ways, and only the NaN's sign bit differs. */
const sameNaN = (bits: number[]): number[] => bits.map((b) => ((b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff) !== 0 ? 0x7fc00000 : b));

/** Float32 values from their bit patterns. */
const floats = (bits: number[]): Float32Array => new Float32Array(Uint32Array.from(bits).buffer);

/**
 * The gradient's check: the same zeros as the graph, NaN where it has NaN, and every other value within 64 units
 * of float32's last place. Ours takes the softmax as exps / sum, the graph as exp(log-softmax); a log-softmax of
 * -30 (these logits reach it) carries half a unit of its own last place, about 30 units of the exponential's,
 * so the graph is the less accurate of the two.
 */
function expectGradientClose(ours: number[], graph: number[]): void {
  const a = floats(ours);
  const b = floats(graph);
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(b[i])) { expect(a[i]).toBeNaN(); continue; }
    if (b[i] === 0) { expect(Object.is(a[i], b[i]), `value ${i}: ${a[i]} against ${b[i]}`).toBe(true); continue; }
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
  }
  expect(worst).toBeLessThan(64 * 2 ** -23);
}

/** Logits [rows, 28, 28, 5] (whole numbers when `ties`, so argMax meets equal maxima) and packed targets. */
function batch(rows: number, seed: number, ties = false): { logits: tf.Tensor4D; targets: tf.Tensor4D } {
  const rng = createRng(seed);
  const pixels = rows * 784;
  const logits = Float32Array.from({ length: pixels * CLASSES }, () => (ties ? Math.floor(rng() * 3) : (rng() - 0.5) * 30));
  const targets = new Float32Array(pixels * 2);
  for (let p = 0; p < pixels; p++) {
    // The last row has no mask pixel at all: its score divides by max(0, 1).
    const ink = p < (rows - 1) * 784 && rng() < 0.2;
    targets[2 * p] = ink ? 1 + Math.floor(rng() * 4) : 0;
    targets[2 * p + 1] = ink ? 1 : 0;
  }
  return { logits: tf.tensor4d(logits, [rows, 28, 28, CLASSES]), targets: tf.tensor4d(targets, [rows, 28, 28, 2]) };
}

describe('fused per-pixel cross-entropy', () => {
  beforeAll(async () => {
    registerWasmTrainingKernels();
    await tf.setBackend('wasm');
    await tf.ready();
  });
  afterEach(() => useSimdKernels(true));

  it.each([0.1, 0, 1, 0.37])('gives the tfjs graph\'s loss and score to the bit, and its gradient to float32\'s rounding (outside weight %s)', async (outsideWeight) => {
    const objective = pixelClassification({ kind: 'classifyPixels', classes: CLASSES, outsideWeight });
    const { logits, targets } = batch(3, 7);
    const [loss, stockLoss] = await bothWays(() => objective.lossSum(targets, logits));
    expect(sameNaN(loss)).toEqual(sameNaN(stockLoss));
    const [mean, stockMean] = await bothWays(() => objective.meanLoss(targets, logits));
    expect(sameNaN(mean)).toEqual(sameNaN(stockMean));
    // The gradient of the mean loss, as the optimiser sees it, times 1000 so it is not all tiny.
    const grad = tf.grad((x: tf.Tensor) => tf.mul(objective.meanLoss(targets, x), 1000));
    const [g, stockG] = await bothWays(() => grad(logits));
    expectGradientClose(g, stockG);
    expect(g.some((b) => b !== 0)).toBe(true);
    const [score, stockScore] = await bothWays(() => objective.scoreSum(targets, logits));
    expect(score).toEqual(stockScore);
    tf.dispose([logits, targets]);
  });

  it('scores equal largest logits as tfjs\'s ArgMax does (the first wins)', async () => {
    const objective = pixelClassification({ kind: 'classifyPixels', classes: CLASSES, outsideWeight: 0.1 });
    const { logits, targets } = batch(4, 11, true);
    const [score, stockScore] = await bothWays(() => objective.scoreSum(targets, logits));
    expect(score).toEqual(stockScore);
    const [g, stockG] = await bothWays(() => tf.grad((x: tf.Tensor) => objective.meanLoss(targets, x))(logits));
    expectGradientClose(g, stockG);
    tf.dispose([logits, targets]);
  });

  it('leaves no tensor behind in a training step', async () => {
    const objective = pixelClassification({ kind: 'classifyPixels', classes: CLASSES, outsideWeight: 0.1 });
    const { logits, targets } = batch(2, 3);
    const weights = tf.variable(logits);
    const before = tf.memory().numTensors;
    const optimizer = tf.train.sgd(0.1);
    const kept: { score?: tf.Scalar } = {};
    const loss = optimizer.minimize(() => {
      kept.score = tf.keep(objective.scoreSum(targets, weights));
      return objective.meanLoss(targets, weights);
    }, true, [weights]);
    expect(Number.isFinite((await bitsOf(loss as tf.Scalar))[0])).toBe(true);
    tf.dispose([loss as tf.Scalar, kept.score as tf.Scalar]);
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([logits, targets, weights]);
  });
});
