// @vitest-environment node
import * as tf from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './wasm-kernels';
import { simdKernels, useSimdKernels } from './simd-kernels';
import { bothWays } from '../../testing/simd-both-ways';
import { createRng } from '../../train/random';

/** Seeded values with ties and zeros, as ReLU outputs have. */
function values(n: number, seed: number, zeros = 0.3): Float32Array {
  const rand = createRng(seed);
  return Float32Array.from({ length: n }, () => (rand() < zeros ? 0 : Math.round(rand() * 40 - 10) / 4 + rand() * 1e-3));
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

describe('SIMD kernels on the WASM heap', () => {
  beforeAll(async () => {
    registerWasmTrainingKernels();
    await tf.setBackend('wasm');
    await tf.ready();
  });
  afterEach(() => useSimdKernels(true));

  it('instantiate on the backend heap, once per heap', () => {
    const backend = tf.backend() as BackendWasm;
    const kernels = simdKernels(backend);
    expect(kernels).not.toBeNull();
    expect(simdKernels(backend)).toBe(kernels);
    useSimdKernels(false);
    expect(simdKernels(backend)).toBeNull();
  });

  it.each([
    ['the lecture first layer (stride 2, same)', [6, 28, 28, 1], [3, 3, 1, 64], 2, 'same'],
    ['stride 1, valid, odd size', [3, 9, 7, 1], [3, 3, 1, 16], 1, 'valid'],
    ['stride 2, same, odd size', [2, 11, 13, 1], [3, 3, 1, 32], 2, 'same'],
    ['a 5-high kernel', [2, 10, 10, 1], [5, 3, 1, 16], 1, 'same'],
  ] as const)('compute the first layer filter gradient to the bit: %s', async (_name, xShape, wShape, stride, pad) => {
    const x = tf.tensor(values(size(xShape), 1, 0.5), [...xShape]);
    const w = tf.tensor(values(size(wShape), 2, 0), [...wShape]) as tf.Tensor4D;
    const y = tf.conv2d(x as tf.Tensor4D, w, stride, pad);
    const dy = tf.tensor(values(y.size, 3), y.shape);
    const [simd, xnnpack] = await bothWays(() => tf.grad((filter: tf.Tensor) => tf.conv2d(x as tf.Tensor4D, filter as tf.Tensor4D, stride, pad).mul(dy).sum())(w));
    expect(simd).toEqual(xnnpack);
    tf.dispose([x, w, y, dy]);
  });

  it.each([
    ['the lecture first pool', [4, 14, 14, 64]],
    ['odd sizes and channels', [2, 7, 9, 6]],
  ] as const)('compute the 2x2 max-pool gradient to the bit: %s', async (_name, shape) => {
    const x = tf.tensor(values(size(shape), 4, 0.6), [...shape]) as tf.Tensor4D;
    const dy = tf.tensor(values(tf.maxPool(x, 2, 2, 'valid').size, 5, 0), tf.maxPool(x, 2, 2, 'valid').shape);
    const [simd, js] = await bothWays(() => tf.grad((input: tf.Tensor) => tf.maxPool(input as tf.Tensor4D, 2, 2, 'valid').mul(dy).sum())(x));
    expect(simd).toEqual(js);
    tf.dispose([x, dy]);
  });

  it.each([
    ['the rotation head (stride 2, same, 3x3 input)', [6, 3, 3, 32], [3, 3, 32, 16], [2, 2], 'same'],
    ['stride 2, valid, odd size, 3 channels', [5, 7, 7, 3], [3, 3, 3, 4], [2, 2], 'valid'],
    ['mixed strides, a 5x5 kernel, 6 channels', [3, 10, 9, 6], [5, 5, 6, 3], [2, 1], 'same'],
    ['stride 3, 8 channels', [2, 10, 10, 8], [5, 5, 8, 2], [3, 3], 'same'],
  ] as const)('compute a strided convolution\'s input gradient to the bit: %s', async (_name, xShape, wShape, strides, pad) => {
    const x = tf.tensor(values(size(xShape), 7, 0.3), [...xShape]) as tf.Tensor4D;
    const w = tf.tensor(values(size(wShape), 8, 0), [...wShape]) as tf.Tensor4D;
    const y = tf.conv2d(x, w, [...strides], pad);
    const dy = tf.tensor(values(y.size, 9, 0.1), y.shape);
    const [simd, stock] = await bothWays(() => tf.grad((input: tf.Tensor) => tf.conv2d(input as tf.Tensor4D, w, [...strides], pad).mul(dy).sum())(x));
    expect(simd).toEqual(stock);
    tf.dispose([x, w, y, dy]);
  });

  it.each([
    ['the rotation head (stride 2, same, 3x3 input, 16 filters)', [6, 3, 3, 32], [3, 3, 32, 16], [2, 2], 'same'],
    ['stride 2, valid, odd size, 4 filters', [5, 7, 7, 3], [3, 3, 3, 4], [2, 2], 'valid'],
    ['mixed strides, a 5x5 kernel, cropped edge', [3, 6, 5, 6], [5, 5, 6, 8], [2, 1], 'valid'],
    ['stride 3, same, 12 filters', [2, 10, 10, 2], [3, 3, 2, 12], [3, 3], 'same'],
    // Larger maps go through XNNPACK, with the axes moved by our kernels instead of tfjs's Transpose.
    ['the lecture\'s second convolution', [4, 7, 7, 64], [3, 3, 64, 32], [1, 1], 'same'],
    ['odd channels, cropped edge', [3, 9, 8, 5], [3, 3, 5, 6], [2, 2], 'valid'],
  ] as const)('compute a convolution\'s filter gradient to the bit: %s', async (_name, xShape, wShape, strides, pad) => {
    const x = tf.tensor(values(size(xShape), 10, 0.3), [...xShape]) as tf.Tensor4D;
    const w = tf.tensor(values(size(wShape), 11, 0), [...wShape]) as tf.Tensor4D;
    const y = tf.conv2d(x, w, [...strides], pad);
    const dy = tf.tensor(values(y.size, 12, 0.1), y.shape);
    const [simd, xnnpack] = await bothWays(() => tf.grad((filter: tf.Tensor) => tf.conv2d(x, filter as tf.Tensor4D, [...strides], pad).mul(dy).sum())(w));
    expect(simd).toEqual(xnnpack);
    tf.dispose([x, w, y, dy]);
  });

  it('sums leading axes to the bit, with a tail that is not a multiple of four', async () => {
    for (const shape of [[192, 14, 14, 64], [5, 3, 7]] as const) {
      const x = tf.tensor(values(size(shape), 6, 0.2), [...shape]);
      const axes = shape.length === 4 ? [0, 1, 2] : [0, 1];
      const [simd, js] = await bothWays(() => tf.sum(x, axes));
      expect(simd).toEqual(js);
      x.dispose();
    }
  });
});
