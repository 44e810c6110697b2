// @vitest-environment node
import * as tf from '#tf';
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
}

const CASES: PoolCase[] = [
  { name: 'lecture pool 1: 14x14x64 -> 7x7', x: [4, 14, 14, 64], size: 2, stride: 2, pad: 'valid' },
  { name: 'lecture pool 2: odd 7x7x32 -> 3x3', x: [4, 7, 7, 32], size: 2, stride: 2, pad: 'valid' },
  { name: 'odd width only, batch 1', x: [1, 6, 5, 3], size: 2, stride: 2, pad: 'valid' },
  { name: "'same' on an even input is the same pool", x: [2, 8, 6, 4], size: 2, stride: 2, pad: 'same' },
];


function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const v = s / 2 ** 31 - 1;
    out[i] = v;
  }
  return out;
}

function poolGrad(c: PoolCase, seed: number): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(values(tf.util.sizeFromShape(c.x), seed), c.x);
    const pool = (t: tf.Tensor): tf.Tensor => tf.maxPool(t as tf.Tensor4D, c.size, c.stride, c.pad);
    const dy = tf.tensor(values(pool(x).size, seed + 1), pool(x).shape);
    return tf.grad(pool)(x, dy).dataSync() as Float32Array;
  });
}

let stockKernel: tf.KernelFunc | null = null;

describe('wasm MaxPoolGrad for the 2x2 stride-2 pool', () => {
  const reference = new Map<string, Float32Array>();

  beforeAll(async () => {
    await tf.setBackend('cpu');
    CASES.forEach((c, i) => reference.set(c.name, poolGrad(c, 10 * i + 3)));
    stockKernel = tf.getKernel('MaxPoolGrad', 'wasm')?.kernelFunc ?? null;
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

  it('sends a tied maximum to the last of the tied taps, as the stock wasm kernel does (cpu: the first)', () => {
    const windows = [[1, 1, 1, 1], [2, 2, 0, 0], [0, 2, 2, 0], [5, 0, 5, 5], [0, 0, 0, 0], [3, 1, 2, 1]];
    const x = tf.tensor4d(windows.flat(), [windows.length, 2, 2, 1]);
    const dx = tf.grad((t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'))(x, tf.ones([windows.length, 1, 1, 1]));
    expect(Array.from(dx.dataSync())).toEqual([0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0]);
    tf.dispose([x, dx]);
  });

  it('routes exactly as the stock wasm kernel wherever the input is positive (after a ReLU, with ties)', () => {
    const shape: [number, number, number, number] = [8, 14, 14, 16];
    const x = tf.tidy(() => tf.relu(tf.round(tf.randomNormal(shape, 0.3, 1, 'float32', 3))));
    const dy = tf.randomNormal([8, 7, 7, 16], 0, 1, 'float32', 4);
    const attrs = { filterSize: 2, strides: 2, pad: 'valid' };
    const want = (stockKernel!({ inputs: { dy, input: x, output: x }, backend: tf.backend(), attrs }) as tf.TensorInfo);
    const wantValues = tf.engine().makeTensorFromTensorInfo(want).dataSync();
    const got = tf.grad((t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'))(x, dy).dataSync();
    const xs = x.dataSync();
    // Where the input is 0 the stock kernel and this one may pick different zero taps; a ReLU's gradient
    // is 0 there, so that never reaches the weights.
    xs.forEach((v, i) => { if (v > 0) expect(got[i]).toBe(wantValues[i]); });
    tf.dispose([x, dy]);
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
