// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPool2x2 } from './pool-kernels';
import { registerWasmTrainingKernels } from './wasm-kernels';

interface PoolCase {
  name: string;
  x: [number, number, number, number];
  size: number;
  stride: number;
  pad: 'valid' | 'same';
  /** Round the inputs to whole numbers in [-2, 2], so windows hold ties (as after a ReLU). */
  ties?: boolean;
}

const CASES: PoolCase[] = [
  { name: 'lecture pool 1: 14x14x64 -> 7x7', x: [4, 14, 14, 64], size: 2, stride: 2, pad: 'valid' },
  { name: 'lecture pool 2: odd 7x7x32 -> 3x3', x: [4, 7, 7, 32], size: 2, stride: 2, pad: 'valid' },
  { name: 'odd width only, batch 1', x: [1, 6, 5, 3], size: 2, stride: 2, pad: 'valid' },
  { name: 'ties everywhere (first maximum wins)', x: [3, 8, 8, 5], size: 2, stride: 2, pad: 'valid', ties: true },
  { name: "'same' on an even input is the same pool", x: [2, 8, 6, 4], size: 2, stride: 2, pad: 'same' },
];


function values(n: number, seed: number, ties: boolean): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const v = s / 2 ** 31 - 1;
    out[i] = ties ? Math.max(0, Math.round(2 * v)) : v;
  }
  return out;
}

function poolGrad(c: PoolCase, seed: number): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(values(tf.util.sizeFromShape(c.x), seed, c.ties === true), c.x);
    const pool = (t: tf.Tensor): tf.Tensor => tf.maxPool(t as tf.Tensor4D, c.size, c.stride, c.pad);
    const dy = tf.tensor(values(pool(x).size, seed + 1, false), pool(x).shape);
    return tf.grad(pool)(x, dy).dataSync() as Float32Array;
  });
}

describe('wasm MaxPoolGrad for the 2x2 stride-2 pool', () => {
  const reference = new Map<string, Float32Array>();

  beforeAll(async () => {
    await tf.setBackend('cpu');
    CASES.forEach((c, i) => reference.set(c.name, poolGrad(c, 10 * i + 3)));
    registerWasmTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('matches the cpu backend exactly: %s', (_name, c, i) => {
    expect(Array.from(poolGrad(c, 10 * i + 3))).toEqual(Array.from(reference.get(c.name)!));
  });

  it('sends every other pool to the stock kernel', () => {
    const x = { dataId: {}, shape: [2, 7, 7, 4], dtype: 'float32' as const };
    const attrs = (filterSize: number, strides: number, pad: 'valid' | 'same'): tf.MaxPoolGradAttrs => ({ filterSize, strides, pad });
    expect(isPool2x2(x, attrs(2, 2, 'valid'))).toBe(true);
    expect(isPool2x2(x, attrs(2, 2, 'same'))).toBe(false); // pads the odd edge
    expect(isPool2x2(x, attrs(2, 1, 'valid'))).toBe(false);
    expect(isPool2x2(x, attrs(3, 2, 'valid'))).toBe(false);
    expect(isPool2x2({ ...x, dtype: 'int32' }, attrs(2, 2, 'valid'))).toBe(false);
  });

  it('passes no gradient through a window of NaNs, like the cpu backend', () => {
    const x = tf.tensor4d([NaN, NaN, NaN, NaN, 1, 2, 3, 4], [2, 2, 2, 1]);
    const dx = tf.grad((t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'))(x, tf.ones([2, 1, 1, 1]));
    expect(Array.from(dx.dataSync())).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    tf.dispose([x, dx]);
  });

  it('leaks no tensors and no wasm buffers', () => {
    poolGrad(CASES[0], 1);
    const tensors = tf.memory().numTensors;
    const ids = (tf.backend() as BackendWasm).numDataIds();
    CASES.forEach((c, i) => poolGrad(c, i));
    expect(tf.memory().numTensors).toBe(tensors);
    expect((tf.backend() as BackendWasm).numDataIds()).toBe(ids);
  });
});
