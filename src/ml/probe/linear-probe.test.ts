import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '#tf';
import { loadMnistFromDisk } from '../data/node-assets';
import { sliceSet } from '../data/mnist';
import { buildDigitClassifier } from '../models/architecture';
import { useCpuBackend, useWasmBackend } from '../testing/fixtures';
import { extractFeatures, type FeatureMatrix } from '../features/extract';
import { createRng } from '../train/random';
import { stratifiedFolds } from './folds';
import { minimize } from './lbfgs';
import { fitProbe, probeAccuracy, type LabelledFeatures } from './linear-probe';
import { applyScaler, fitScaler } from './normalise';
import { lossAndGradient, parameterCount, type ProbeData } from './softmax-regression';
import { probeKernels, useProbeKernels } from './wasm-pass';

function randomData(rows: number, width: number, classes: number, seed: number): ProbeData {
  const rng = createRng(seed);
  return {
    x: Float64Array.from({ length: rows * width }, () => rng() * 2 - 1),
    labels: Uint8Array.from({ length: rows }, () => Math.floor(rng() * classes)),
    rows, width, classes,
  };
}

function randomParams(width: number, classes: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: parameterCount(width, classes) }, () => rng() - 0.5);
}

// Real features for the last test: 300 labelled digits and 500 test digits through a random frozen trunk.
let real: { train: LabelledFeatures; test: LabelledFeatures };
beforeAll(async () => {
  await useWasmBackend();
  const mnist = await loadMnistFromDisk();
  const labelled = sliceSet(mnist.train, 10_000, 300);
  const test = sliceSet(mnist.test, 0, 500);
  const trunk = buildDigitClassifier('random', 1);
  const [a, b]: FeatureMatrix[] = [await extractFeatures(trunk, labelled, { scaling: 'raw' }), await extractFeatures(trunk, test, { scaling: 'raw' })];
  trunk.dispose();
  real = { train: { features: a, labels: labelled.labels }, test: { features: b, labels: test.labels } };
});

afterAll(async () => {
  await useWasmBackend();
});

describe('the softmax regression objective', () => {
  it('has the gradient its finite differences say, for ten classes and for three', () => {
    for (const classes of [10, 3]) {
      const data = randomData(40, 7, classes, classes);
      const params = randomParams(7, classes, 5);
      const gradient = new Float64Array(params.length);
      const lambda = 0.03;
      lossAndGradient(params, data, lambda, gradient);
      const h = 1e-6;
      const scratch = new Float64Array(params.length);
      for (let k = 0; k < params.length; k++) {
        const plus = Float64Array.from(params);
        const minus = Float64Array.from(params);
        plus[k] += h;
        minus[k] -= h;
        const numeric = (lossAndGradient(plus, data, lambda, scratch) - lossAndGradient(minus, data, lambda, scratch)) / (2 * h);
        expect(gradient[k]).toBeCloseTo(numeric, 7);
      }
    }
  });

  it('gives the same numbers to the bit with its WebAssembly SIMD products as with the JavaScript loops', () => {
    for (const [rows, width] of [[41, 13], [300, 288]]) {
      const data = randomData(rows, width, 10, rows);
      const params = randomParams(width, 10, width);
      expect(probeKernels(data.x, rows, width)).not.toBeNull();
      const simd = new Float64Array(params.length);
      const simdLoss = lossAndGradient(params, { ...data, x: Float64Array.from(data.x) }, 0.01, simd);
      useProbeKernels(false);
      try {
        const js = new Float64Array(params.length);
        const jsLoss = lossAndGradient(params, data, 0.01, js);
        expect(simdLoss).toBe(jsLoss);
        expect(Buffer.from(simd.buffer).equals(Buffer.from(js.buffer))).toBe(true);
      } finally {
        useProbeKernels(true);
      }
    }
  });

  it('is log(10) with every weight at 0: each digit equally likely', () => {
    const data = randomData(25, 4, 10, 1);
    expect(lossAndGradient(new Float64Array(parameterCount(4, 10)), data, 1, new Float64Array(parameterCount(4, 10)))).toBeCloseTo(Math.log(10), 12);
  });
});

describe('L-BFGS', () => {
  it('finds the minimum of a badly scaled quadratic', () => {
    const scales = [1, 10, 100, 1000];
    const result = minimize((x, g) => {
      let f = 0;
      scales.forEach((s, i) => {
        f += 0.5 * s * (x[i] - i) ** 2;
        g[i] = s * (x[i] - i);
      });
      return f;
    }, new Float64Array(4), { gradientTolerance: 1e-9, maxIterations: 200 });
    expect(result.converged).toBe(true);
    Array.from(result.x).forEach((v, i) => expect(v).toBeCloseTo(i, 8));
  });
});

describe('stratified folds', () => {
  it('deal every digit evenly round the folds, the same way for the same seed', () => {
    const labels = Uint8Array.from({ length: 100 }, (_, i) => i % 10);
    const folds = stratifiedFolds(labels, 5, 3);
    expect(Array.from(stratifiedFolds(labels, 5, 3))).toEqual(Array.from(folds));
    for (let fold = 0; fold < 5; fold++) {
      for (let digit = 0; digit < 10; digit++) {
        expect(labels.filter((l, r) => l === digit && folds[r] === fold).length).toBe(2);
      }
    }
    expect(() => stratifiedFolds(labels, 1, 3)).toThrow(/folds must be a whole number from 2 to 255, got 1/);
  });
});

describe('the linear probe', () => {
  it('scores 100% on separable data, and says which penalty it chose and that it converged', async () => {
    // Ten well-separated clusters: the class's own feature is 3, every feature carries a little noise.
    const rng = createRng(9);
    const rows = 200;
    const values = new Float32Array(rows * 10);
    const labels = Uint8Array.from({ length: rows }, (_, i) => i % 10);
    for (let i = 0; i < rows; i++) for (let j = 0; j < 10; j++) values[i * 10 + j] = (j === labels[i] ? 3 : 0) + (rng() - 0.5) * 0.6;
    const data: LabelledFeatures = { features: { values, width: 10 }, labels };
    const probe = await fitProbe(data, { seed: 1, grid: [0.01, 0.0001], maxIterations: 2000 });
    expect(probe.converged).toBe(true);
    expect(probe.endLoss).toBeLessThan(probe.startLoss);
    expect(probe.validation.map((v) => v.lambda)).toEqual([0.01, 0.0001]);
    expect(probeAccuracy(probe, data)).toBe(1);
  });

  it('is deterministic for a seed, and beats chance by far on real digit features', async () => {
    const a = await fitProbe(real.train, { seed: 4 });
    const b = await fitProbe(real.train, { seed: 4 });
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    expect(a.converged).toBe(true);
    expect(probeAccuracy(a, real.test)).toBeGreaterThan(0.7);
  });

  it('refuses what it cannot fit, naming the problem', async () => {
    await expect(fitProbe({ features: { values: new Float32Array(3), width: 3 }, labels: Uint8Array.of(1) }, { seed: 1 })).rejects.toThrow(/at least 2 labelled rows, got 1/);
    await expect(fitProbe(real.train, { seed: 1, grid: [] })).rejects.toThrow(/penalty grid/);
  });

  it('reaches the minimum an independent optimiser reaches: tfjs on the CPU backend, Adam run to convergence', async () => {
    // 100 of the real rows keep tfjs's side to a few seconds; a penalty of 0.05 makes the minimum sharp.
    const lambda = 0.05;
    const { width } = real.train.features;
    const rows = 100;
    const sample = { values: real.train.features.values.subarray(0, rows * width), width };
    const labels = real.train.labels.subarray(0, rows);
    const x = applyScaler(fitScaler(sample, 'per-feature'), sample);
    const data: ProbeData = { x, labels, rows, width, classes: 10 };
    const ours = minimize((p, g) => lossAndGradient(p, data, lambda, g), new Float64Array(parameterCount(width, 10)), { gradientTolerance: 1e-7, maxIterations: 2000 });
    expect(ours.converged).toBe(true);

    await useCpuBackend();
    const xs = tf.tensor2d(Float32Array.from(x), [rows, width]);
    const ys = tf.oneHot(tf.tensor1d(Int32Array.from(labels), 'int32'), 10);
    const kernel = tf.variable(tf.zeros([width, 10]));
    const bias = tf.variable(tf.zeros([10]));
    const objective = () => tf.add(
      tf.losses.softmaxCrossEntropy(ys, tf.add(tf.matMul(xs, kernel), bias)),
      tf.mul(lambda / 2, tf.sum(tf.square(kernel))),
    ) as tf.Scalar;
    const optimizer = tf.train.adam(0.02);
    for (let step = 0; step < 600; step++) tf.tidy(() => { optimizer.minimize(objective, false, [kernel, bias]); });
    const theirs = tf.tidy(() => objective().dataSync()[0]);
    const theirKernel = await kernel.data();
    optimizer.dispose();
    tf.dispose([xs, ys, kernel, bias]);
    await useWasmBackend();

    // One convex objective has one minimum: both optimisers must land on it (float32 limits tfjs's side).
    expect(Math.abs(theirs - ours.value)).toBeLessThan(1e-4);
    let largest = 0;
    for (let k = 0; k < width * 10; k++) largest = Math.max(largest, Math.abs(theirKernel[k] - ours.x[k]));
    expect(largest).toBeLessThan(0.01);
  });
});
