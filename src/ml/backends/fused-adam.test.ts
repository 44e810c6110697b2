// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../train/random';
import { registerWasmTrainingKernels } from './wasm-kernels';
import { FusedAdamOptimizer } from './fused-adam';
import { useSimdKernels } from './simd-kernels';

/** Seeded weights and gradients of a few awkward sizes (not multiples of four, a scalar, the lecture's conv). */
const SHAPES = [[3, 3, 64, 32], [7], [1], [5, 3]];

function seeded(shape: number[], seed: number, scale: number): tf.Tensor {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: size }, () => (rng() - 0.5) * scale), shape);
}

/** Runs `steps` Adam steps on fresh variables with the given optimiser; returns weights and both moments. */
async function run(optimizer: tf.AdamOptimizer, steps: number): Promise<Float32Array[]> {
  const vars = SHAPES.map((s, i) => tf.tidy(() => tf.variable(seeded(s, 10 + i, 2), true, `w${i}-${Math.random()}`)));
  for (let t = 0; t < steps; t++) {
    const grads = vars.map((v, i) => ({ name: v.name, tensor: seeded(v.shape, 100 * t + i, t === 1 ? 1e-6 : 3) }));
    optimizer.applyGradients(grads);
    tf.dispose(grads.map((g) => g.tensor));
  }
  // getWeights: the iteration count (a new scalar), then each weight's first and second moments.
  const [iterations, ...moments] = await optimizer.getWeights();
  const out = await Promise.all([...vars, ...moments.map((w) => w.tensor)].map(async (t) => await t.data() as Float32Array));
  tf.dispose([...vars, iterations.tensor]);
  optimizer.dispose();
  return out;
}

describe('FusedAdamOptimizer', () => {
  beforeAll(async () => {
    registerWasmTrainingKernels();
    await tf.setBackend('wasm');
    await tf.ready();
  });

  it('gives tfjs Adam\'s weights and moments to the bit on WASM, with one kernel per weight tensor', async () => {
    const stock = await run(tf.train.adam(0.001, 0.9, 0.999, 1e-7), 4);
    const fusedOpt = new FusedAdamOptimizer(0.001, 0.9, 0.999, 1e-7);
    const kernels = await tf.profile(() => {
      const v = tf.variable(tf.zeros([4]), true, `probe-${Math.random()}`);
      const g = tf.ones([4]);
      fusedOpt.applyGradients([{ name: v.name, tensor: g }]);
      tf.dispose([v, g]);
    });
    expect(kernels.kernels.filter((k) => k.name === 'PretextAdam')).toHaveLength(1);
    fusedOpt.dispose();
    const fused = await run(new FusedAdamOptimizer(0.001, 0.9, 0.999, 1e-7), 4);
    expect(fused.length).toBe(stock.length);
    fused.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(stock[i])));
  });

  it('is tfjs\'s own Adam where the SIMD kernels cannot run, and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    useSimdKernels(false);
    try {
      const fused = await run(new FusedAdamOptimizer(0.01, 0.9, 0.999, 1e-7), 2);
      useSimdKernels(true);
      const stock = await run(tf.train.adam(0.01, 0.9, 0.999, 1e-7), 2);
      fused.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(stock[i])));
    } finally {
      useSimdKernels(true);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
