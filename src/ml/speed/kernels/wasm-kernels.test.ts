// @vitest-environment node
import * as tf from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ownsWasmFilterGradient, registerWasmTrainingKernels } from './wasm-kernels';

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];
interface Case {
  name: string;
  x: [number, number, number, number]; // [B, H, W, Ci]
  k: [number, number]; // [KH, KW]
  co: number;
  strides: number | [number, number];
  pad: Pad;
}

const CASES: Case[] = [
  { name: 'stride 1 same, batch 1, Ci=Co=1', x: [1, 5, 5, 1], k: [3, 3], co: 1, strides: 1, pad: 'same' },
  { name: 'stride 1 valid, non-square input and kernel', x: [2, 6, 5, 3], k: [3, 2], co: 3, strides: 1, pad: 'valid' },
  { name: 'stride 2 same, odd 7x7, batch 5', x: [5, 7, 7, 3], k: [3, 3], co: 4, strides: 2, pad: 'same' },
  { name: 'stride 2 valid, odd 7x7', x: [5, 7, 7, 3], k: [3, 3], co: 1, strides: 2, pad: 'valid' },
  { name: 'stride 2 valid, 8x8 (last row/col unused)', x: [2, 8, 8, 3], k: [3, 3], co: 2, strides: 2, pad: 'valid' },
  { name: 'stride 2 same, even 28x28, Ci=1 Co=64', x: [2, 28, 28, 1], k: [3, 3], co: 64, strides: 2, pad: 'same' },
  { name: 'stride 1 same, Ci=64 Co=32, batch 5', x: [5, 7, 7, 64], k: [3, 3], co: 32, strides: 1, pad: 'same' },
  { name: 'stride 2 same, Ci=32 Co=16, 3x3 input', x: [5, 3, 3, 32], k: [3, 3], co: 16, strides: 2, pad: 'same' },
  { name: 'mixed strides [2,1], 5x5 kernel', x: [3, 10, 9, 2], k: [5, 5], co: 3, strides: [2, 1], pad: 'same' },
  { name: 'stride 3 same, 5x5 kernel', x: [2, 10, 10, 2], k: [5, 5], co: 2, strides: 3, pad: 'same' },
  { name: 'kernel larger than input, same', x: [2, 3, 3, 2], k: [5, 5], co: 3, strides: 1, pad: 'same' },
  { name: '1x1 kernel, stride 2 valid', x: [2, 4, 5, 3], k: [1, 1], co: 2, strides: 2, pad: 'valid' },
  { name: 'numeric pad 1', x: [2, 6, 6, 2], k: [3, 3], co: 2, strides: 1, pad: 1 },
  { name: 'explicit asymmetric pad', x: [2, 6, 7, 2], k: [3, 3], co: 2, strides: 1, pad: [[0, 0], [1, 2], [2, 0], [0, 0]] },
];

/** Deterministic values in [-1, 1), identical on every backend. */
function pseudoRandom(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

interface Grads {
  dx: Float32Array;
  dw: Float32Array;
}

function convGrads(c: Case, seed: number): Grads {
  const [kh, kw] = c.k;
  const wShape: [number, number, number, number] = [kh, kw, c.x[3], c.co];
  return tf.tidy(() => {
    const x = tf.tensor4d(pseudoRandom(tf.util.sizeFromShape(c.x), seed), c.x);
    const w = tf.tensor4d(pseudoRandom(tf.util.sizeFromShape(wShape), seed + 1), wShape);
    const y = tf.conv2d(x, w, c.strides, c.pad);
    const dy = tf.tensor4d(pseudoRandom(y.size, seed + 2), y.shape);
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad))([x, w], dy);
    return { dx: dx.dataSync() as Float32Array, dw: dw.dataSync() as Float32Array };
  });
}

function relativeError(got: Float32Array, want: Float32Array): number {
  expect(got.length).toBe(want.length);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < want.length; i++) {
    diff = Math.max(diff, Math.abs(got[i] - want[i]));
    scale = Math.max(scale, Math.abs(want[i]));
  }
  return diff / Math.max(scale, 1e-6);
}

/** Buffers alive in the wasm heap (counts intermediates that never became Tensors). */
function wasmDataIds(): number {
  return (tf.backend() as BackendWasm).numDataIds();
}

function tinyCnn(): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ inputShape: [12, 12, 1], filters: 6, kernelSize: 3, strides: 2, activation: 'relu', padding: 'same', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
  m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  m.add(tf.layers.conv2d({ filters: 4, kernelSize: 3, strides: 1, activation: 'relu', padding: 'same', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: 4, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
  return m;
}

/** 16 noisy 12x12 images; class c lights up quadrant c, so the task is learnable in a few steps. */
function tinyBatch(): { xs: tf.Tensor4D; ys: tf.Tensor2D } {
  const n = 16;
  const noise = pseudoRandom(n * 144, 7);
  const pixels = noise.map((v, i) => {
    const [label, row, col] = [Math.floor(i / 144) % 4, Math.floor((i % 144) / 12), i % 12];
    const quadrant = (row < 6 ? 0 : 2) + (col < 6 ? 0 : 1);
    return 0.3 * v + (quadrant === label ? 1 : 0);
  });
  const xs = tf.tensor4d(pixels, [n, 12, 12, 1]);
  const ys = tf.oneHot(tf.tensor1d(Array.from({ length: n }, (_, i) => i % 4), 'int32'), 4).toFloat() as tf.Tensor2D;
  return { xs, ys };
}

const TRAIN_STEPS = 15;

function makeOptimizer(name: 'adam' | 'momentum'): tf.Optimizer {
  return name === 'adam' ? tf.train.adam(0.01) : tf.train.momentum(0.05, 0.9);
}

function trainLosses(optimizer: tf.Optimizer, steps: number): number[] {
  const model = tinyCnn();
  const { xs, ys } = tinyBatch();
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    const loss = optimizer.minimize(
      () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as tf.Tensor) as tf.Scalar,
      true,
    );
    losses.push(loss!.dataSync()[0]);
    loss!.dispose();
  }
  tf.dispose([xs, ys]);
  model.dispose();
  optimizer.dispose();
  return losses;
}

describe('wasm training kernels', () => {
  const reference = new Map<string, Grads>();
  const cpuLosses = new Map<string, number[]>();
  let stockHasKernel = true;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    CASES.forEach((c, i) => reference.set(c.name, convGrads(c, 100 * i + 1)));
    for (const name of ['adam', 'momentum'] as const) cpuLosses.set(name, trainLosses(makeOptimizer(name), TRAIN_STEPS));
    expect(await tf.setBackend('wasm')).toBe(true);
    // (Another test file in the same worker may have registered ours already: Vitest shares modules between files.)
    stockHasKernel = tf.getKernel('Conv2DBackpropFilter', 'wasm') !== undefined && !ownsWasmFilterGradient();
    registerWasmTrainingKernels();
  }, 60_000); // cpu reference runs: slow on a busy machine

  it('is missing from stock tfjs-backend-wasm and gets registered (idempotently)', () => {
    // If this fails, tfjs now ships the kernel and this shim can be deleted.
    expect(stockHasKernel).toBe(false);
    const kernel = tf.getKernel('Conv2DBackpropFilter', 'wasm');
    expect(kernel).toBeDefined();
    registerWasmTrainingKernels();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')?.kernelFunc).toBe(kernel?.kernelFunc);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('conv2d gradients match the cpu backend: %s', (_name, c, i) => {
    const want = reference.get(c.name)!;
    const got = convGrads(c, 100 * i + 1);
    expect(relativeError(got.dw, want.dw)).toBeLessThan(1e-4);
    expect(relativeError(got.dx, want.dx)).toBeLessThan(1e-4);
  });

  it('rejects NCHW with a clear error', () => {
    const x = tf.zeros([1, 2, 5, 5]);
    const dy = tf.zeros([1, 2, 5, 5]);
    const attrs = { strides: 1, pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 2, 2] };
    expect(() => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs)).toThrow(/NHWC/);
    tf.dispose([x, dy]);
  });

  it('leaks no tensors and no wasm buffers', () => {
    convGrads(CASES[0], 1); // warm up
    const tensors = tf.memory().numTensors;
    const ids = wasmDataIds();
    CASES.forEach((c, i) => convGrads(c, i)); // every path: stride 1/2, padded, cropped
    expect(tf.memory().numTensors).toBe(tensors);
    expect(wasmDataIds()).toBe(ids);
  });

  it.each(['adam', 'momentum'] as const)('trains a small CNN with %s exactly like the cpu backend', (name) => {
    const losses = trainLosses(makeOptimizer(name), TRAIN_STEPS);
    const want = cpuLosses.get(name)!;
    expect(losses[TRAIN_STEPS - 1]).toBeLessThan(losses[0] * 0.7);
    for (let i = 0; i < TRAIN_STEPS; i++) expect(losses[i]).toBeCloseTo(want[i], 3);
  });

  it('lets a clone and a same-type cast share data, kept alive until the last one is disposed', async () => {
    const ids = wasmDataIds();
    const x = tf.tensor([1.5, -2, 3]);
    const clone = tf.clone(x);
    const same = tf.cast(x, 'float32');
    expect(wasmDataIds()).toBe(ids + 1); // one buffer, three tensors
    const ints = tf.cast(x, 'int32'); // a real conversion still converts
    expect(Array.from(await ints.data())).toEqual([1, -2, 3]);
    x.dispose();
    clone.dispose();
    expect(Array.from(await same.data())).toEqual([1.5, -2, 3]);
    tf.dispose([same, ints]);
    expect(wasmDataIds()).toBe(ids);
  });

  it('supports model.fit, and a training step does not grow memory', async () => {
    const model = tinyCnn();
    model.add(tf.layers.softmax());
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const { xs, ys } = tinyBatch();
    await model.fit(xs, ys, { epochs: 1, batchSize: 8, verbose: 0 }); // creates optimizer slots
    const tensors = tf.memory().numTensors;
    const ids = wasmDataIds();
    const history = await model.fit(xs, ys, { epochs: 2, batchSize: 8, verbose: 0 });
    expect(history.history.loss.every((v) => Number.isFinite(v as number))).toBe(true);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(wasmDataIds()).toBe(ids);
    tf.dispose([xs, ys]);
    model.dispose();
  });
});
