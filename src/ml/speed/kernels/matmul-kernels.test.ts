// @vitest-environment node
import * as tf from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { matMulGeometry } from './matmul-kernels';
import { useSimdKernels } from './simd-kernels';
import { registerWasmTrainingKernels } from './wasm-kernels';
import { bothWays } from '../../testing/simd-both-ways';
import { createRng } from '../../train/random';

/** Seeded values with zeros, signs and a spread of magnitudes, so a changed summation order would show. */
function values(n: number, seed: number): Float32Array {
  const rand = createRng(seed);
  return Float32Array.from({ length: n }, () => (rand() < 0.2 ? 0 : (rand() - 0.5) * 10 ** Math.floor(rand() * 4 - 1)));
}

interface Case {
  readonly name: string;
  readonly a: number[];
  readonly b: number[];
  readonly transposeA: boolean;
  readonly transposeB: boolean;
}

const CASES: Case[] = [
  // A decoder Dense(288 -> 784)'s backward at batch 192: dW = x^T dy and dx = dy W^T.
  { name: 'dW of a 288 -> 784 Dense', a: [192, 288], b: [192, 784], transposeA: true, transposeB: false },
  { name: 'dx of a 288 -> 784 Dense', a: [192, 784], b: [288, 784], transposeA: false, transposeB: true },
  // The lecture's Dense(4) on 64 features: columns that are not a multiple of 16, nor of 4.
  { name: 'dW of a 64 -> 4 Dense', a: [192, 64], b: [192, 4], transposeA: true, transposeB: false },
  { name: 'dx of a 64 -> 4 Dense', a: [192, 4], b: [64, 4], transposeA: false, transposeB: true },
  { name: 'odd sizes, both transposed', a: [53, 7], b: [22, 53], transposeA: true, transposeB: true },
  { name: 'odd sizes, a row tail and a column tail', a: [5, 101], b: [37, 101], transposeA: false, transposeB: true },
  { name: 'a batch of matrices, untransposed', a: [3, 4, 50], b: [3, 50, 19], transposeA: false, transposeB: false },
  { name: 'one matrix against a batch, transposed', a: [50, 4], b: [2, 19, 50], transposeA: true, transposeB: true },
];

function product(c: Case, seed: number): tf.Tensor {
  return tf.tidy(() => tf.matMul(tf.tensor(values(tf.util.sizeFromShape(c.a), seed), [...c.a]),
    tf.tensor(values(tf.util.sizeFromShape(c.b), seed + 1), [...c.b]), c.transposeA, c.transposeB));
}

describe('wasm BatchMatMul with a transposed operand, on the SIMD kernels', () => {
  const reference = new Map<string, Float32Array>();

  beforeAll(async () => {
    await tf.setBackend('cpu');
    CASES.forEach((c, i) => reference.set(c.name, product(c, 7 * i + 1).dataSync() as Float32Array));
    registerWasmTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterEach(() => useSimdKernels(true));

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('gives the stock wasm kernel\'s numbers to the bit: %s', async (_name, c, i) => {
    const [simd, stock] = await bothWays(() => product(c, 7 * i + 1));
    expect(simd).toEqual(stock);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('agrees with the cpu backend to float rounding: %s', (_name, c, i) => {
    const got = product(c, 7 * i + 1);
    const want = reference.get(c.name)!;
    expect(got.shape).toEqual(tf.tensor(want).reshape(got.shape).shape);
    const values = got.dataSync();
    let scale = 0;
    want.forEach((v) => { scale = Math.max(scale, Math.abs(v)); });
    values.forEach((v, j) => expect(Math.abs(v - want[j])).toBeLessThanOrEqual(1e-5 * scale));
    got.dispose();
  });

  it('gives a Dense layer the same gradients as the stock kernel, bit for bit', async () => {
    const x = tf.tensor(values(192 * 288, 3), [192, 288]);
    const w = tf.tensor(values(288 * 784, 4), [288, 784]);
    const bias = tf.tensor(values(784, 5), [784]);
    const dy = tf.tensor(values(192 * 784, 6), [192, 784]);
    for (const which of [0, 1] as const) {
      const [simd, stock] = await bothWays(() => tf.grads((xi: tf.Tensor, wi: tf.Tensor) =>
        tf.fused.matMul({ a: xi as tf.Tensor2D, b: wi as tf.Tensor2D, bias }).mul(dy).sum())([x, w])[which]);
      expect(simd).toEqual(stock);
    }
    tf.dispose([x, w, bias, dy]);
  });

  it('leaves the untransposed single product to XNNPACK, and refuses shapes that do not multiply', () => {
    expect(matMulGeometry([192, 288], [288, 784], false, false)).toMatchObject({ m: 192, n: 784, depth: 288, batchA: 1, batchB: 1 });
    expect(matMulGeometry([192, 288], [192, 784], true, false)).toMatchObject({ m: 288, n: 784, depth: 192, outShape: [288, 784] });
    expect(matMulGeometry([2, 3, 4], [3, 4, 5], false, false)).toBeNull();
    expect(matMulGeometry([3, 4], [5, 6], false, false)).toBeNull();
  });

  it('leaks no tensors and no wasm buffers', () => {
    tf.dispose(product(CASES[1], 1));
    const tensors = tf.memory().numTensors;
    const ids = (tf.backend() as BackendWasm).numDataIds();
    CASES.forEach((c, i) => tf.dispose(product(c, i)));
    expect(tf.memory().numTensors).toBe(tensors);
    expect((tf.backend() as BackendWasm).numDataIds()).toBe(ids);
  });
});
