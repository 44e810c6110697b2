// @vitest-environment node
import * as tf from '#tf';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../train/random';
import { registerWasmTrainingKernels } from './wasm-kernels';
import { useSimdKernels } from './simd-kernels';
import { bitsOf as bits, bothWays } from '../../testing/simd-both-ways';

function seeded(shape: number[], seed: number, special = false): tf.Tensor {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  const odd = [NaN, -0, 0, Infinity, -Infinity, 1e-38];
  return tf.tensor(Float32Array.from({ length: size }, (_, i) => (special && i % 7 === 3 ? odd[i % odd.length] : (rng() - 0.5) * 8)), shape);
}

describe('element-wise SIMD kernels', () => {
  beforeAll(async () => {
    registerWasmTrainingKernels();
    await tf.setBackend('wasm');
    await tf.ready();
  });
  afterEach(() => useSimdKernels(true));

  it.each([
    ['the lecture first layer', [16, 14, 14, 64]],
    ['a width that is not a multiple of four', [3, 5, 7]],
    ['a matrix', [9, 10]],
  ])('adds a bias along the last axis to the bit: %s', async (_name, shape) => {
    const x = seeded(shape, 1, true);
    const bias = seeded([shape[shape.length - 1]], 2, true);
    const [simd, stock] = await bothWays(() => tf.add(x, bias));
    expect(simd).toEqual(stock);
    const [simdFlipped, stockFlipped] = await bothWays(() => tf.add(bias, x));
    expect(simdFlipped).toEqual(stockFlipped);
    expect(simdFlipped).toEqual(simd);
    tf.dispose([x, bias]);
  });

  it('leaves other additions to tfjs (same shapes, scalars, int32)', async () => {
    const a = seeded([4, 6], 3);
    const [same] = await bothWays(() => tf.add(a, a));
    expect(same).toEqual(await bits(tf.mul(a, 2)));
    expect(Array.from(await tf.add(tf.tensor([1, 2], [2], 'int32'), tf.tensor([3, 4], [2], 'int32')).data())).toEqual([4, 6]);
    a.dispose();
  });

  it.each([
    ['the lecture first layer', [16, 14, 14, 64]],
    ['odd sizes with NaN, infinities and signed zeros', [3, 5, 7]],
  ])('computes ReLU\'s gradient to the bit, in one kernel: %s', async (_name, shape) => {
    const x = seeded(shape, 4, true);
    const dy = seeded(shape, 5, true);
    const grad = () => tf.grad((v: tf.Tensor) => tf.relu(v).mul(dy).sum())(x);
    const [simd, stock] = await bothWays(grad);
    expect(simd).toEqual(stock);
    const kernels = (await tf.profile(() => grad())).kernels.map((k) => k.name);
    expect(kernels).toContain('PretextReluGrad');
    expect(kernels).not.toContain('Step');
    tf.dispose([x, dy]);
  });
});
