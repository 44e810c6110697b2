// @vitest-environment node
import * as tf from '#tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../train/random';
import { registerWasmTrainingKernels } from './wasm-kernels';
import { FusedAdamOptimizer, FusedMomentumOptimizer } from './fused-optimizers';
import { useSimdKernels } from './simd-kernels';

/** Seeded weights and gradients of a few awkward sizes (not multiples of four, a scalar, the lecture's conv). */
const SHAPES = [[3, 3, 64, 32], [7], [1], [5, 3]];

function seeded(shape: number[], seed: number, scale: number): tf.Tensor {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: size }, () => (rng() - 0.5) * scale), shape);
}

/** Runs `steps` updates on fresh variables with the given optimiser; returns the weights and its slots. */
async function run(optimizer: tf.Optimizer, steps: number): Promise<Float32Array[]> {
  const vars = SHAPES.map((s, i) => tf.tidy(() => tf.variable(seeded(s, 10 + i, 2), true, `w${i}-${Math.random()}`)));
  for (let t = 0; t < steps; t++) {
    // Tiny gradients in one step: Adam's epsilon and momentum's decay both matter there.
    const grads = vars.map((v, i) => ({ name: v.name, tensor: seeded(v.shape, 100 * t + i, t === 1 ? 1e-6 : 3) }));
    optimizer.applyGradients(grads);
    tf.dispose(grads.map((g) => g.tensor));
  }
  // getWeights: the iteration count (a new scalar), then each weight's slots (moments, or momentum).
  const [iterations, ...slots] = await optimizer.getWeights();
  const out = await Promise.all([...vars, ...slots.map((w) => w.tensor)].map(async (t) => await t.data() as Float32Array));
  tf.dispose([...vars, iterations.tensor]);
  return out;
}

/** How many times kernel `name` runs in one update of a 4-element weight. */
async function kernelRuns(optimizer: tf.Optimizer, name: string): Promise<number> {
  const info = await tf.profile(() => {
    const v = tf.variable(tf.zeros([4]), true, `probe-${Math.random()}`);
    const g = tf.ones([4]);
    optimizer.applyGradients([{ name: v.name, tensor: g }]);
    tf.dispose([v, g]);
  });
  return info.kernels.filter((k) => k.name === name).length;
}

const OPTIMIZERS = [
  ['Adam', 'PretextAdam', () => tf.train.adam(0.001, 0.9, 0.999, 1e-7), () => new FusedAdamOptimizer(0.001, 0.9, 0.999, 1e-7)],
  ['momentum', 'PretextMomentum', () => tf.train.momentum(0.01, 0.9), () => new FusedMomentumOptimizer(0.01, 0.9)],
] as const;

describe('fused optimisers', () => {
  beforeAll(async () => {
    registerWasmTrainingKernels();
    await tf.setBackend('wasm');
    await tf.ready();
  });

  it.each(OPTIMIZERS)('%s gives tfjs\'s weights and slots to the bit on WASM, one kernel per weight tensor', async (_name, kernel, stock, fused) => {
    const probe = fused();
    expect(await kernelRuns(probe, kernel)).toBe(1);
    probe.dispose();
    const stockOptimizer = stock();
    const want = await run(stockOptimizer, 4);
    stockOptimizer.dispose();
    const before = tf.memory().numTensors;
    const fusedOptimizer = fused();
    const got = await run(fusedOptimizer, 4);
    expect(got.length).toBe(want.length);
    got.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(want[i])));
    fusedOptimizer.dispose();
    // Nothing left but what tfjs's own MomentumOptimizer.dispose forgets (its learning-rate scalar).
    expect(tf.memory().numTensors - before).toBe(_name === 'momentum' ? 1 : 0);
  });

  it('momentum follows a changed learning rate, as tfjs does', async () => {
    const [stock, fused] = [tf.train.momentum(0.01, 0.9), new FusedMomentumOptimizer(0.01, 0.9)];
    stock.setLearningRate(0.5);
    fused.setLearningRate(0.5);
    const [want, got] = [await run(stock, 2), await run(fused, 2)];
    got.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(want[i])));
    stock.dispose();
    fused.dispose();
  });

  it.each(OPTIMIZERS)('%s is tfjs\'s own where the SIMD kernels cannot run, and leaks no tensors', async (_name, kernel, stock, fused) => {
    useSimdKernels(false);
    let before = 0;
    try {
      const probe = fused();
      expect(await kernelRuns(probe, kernel)).toBe(0);
      probe.dispose();
      before = tf.memory().numTensors;
      const fusedOptimizer = fused();
      const got = await run(fusedOptimizer, 2);
      useSimdKernels(true);
      const stockOptimizer = stock();
      const want = await run(stockOptimizer, 2);
      got.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(want[i])));
      fusedOptimizer.dispose();
      stockOptimizer.dispose();
    } finally {
      useSimdKernels(true);
    }
    // (tfjs's MomentumOptimizer.dispose forgets its learning-rate scalar, one per optimiser, fused or not:
    // src/ml/train/optimizers.ts frees it in the app.)
    expect(tf.memory().numTensors - before).toBe(_name === 'momentum' ? 2 : 0);
  });
});
