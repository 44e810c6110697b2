// @vitest-environment node
import * as tf from '#tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { leadingAxes } from './sum-kernel';
import { registerWasmTrainingKernels } from './wasm-kernels';

interface SumCase {
  name: string;
  shape: number[];
  axis: number | number[];
  keepDims: boolean;
}

const CASES: SumCase[] = [
  { name: "first layer's bias gradient", shape: [192, 14, 14, 64], axis: [0, 1, 2], keepDims: false },
  { name: 'dense bias gradient', shape: [192, 4], axis: 0, keepDims: false },
  { name: 'negative, unsorted axes, keepDims', shape: [3, 4, 5], axis: [-2, 0], keepDims: true },
  { name: 'inner axis: stock kernel', shape: [3, 4, 5], axis: [1], keepDims: false },
  { name: 'all axes: stock kernel', shape: [3, 4], axis: [0, 1], keepDims: false },
];

function sum(c: SumCase, seed: number): { values: number[]; shape: number[] } {
  return tf.tidy(() => {
    const x = tf.randomUniform(c.shape, -1, 1, 'float32', seed);
    const y = tf.sum(x, c.axis, c.keepDims);
    return { values: Array.from(y.dataSync()), shape: y.shape };
  });
}

let stockSum: tf.KernelFunc | null = null;

describe('wasm Sum over leading axes', () => {
  it('is bit for bit the stock kernel on the first layer\'s bias gradient', () => {
    const x = tf.randomNormal([192, 14, 14, 64], 0, 1, 'float32', 7);
    const got = tf.sum(x, [0, 1, 2]).dataSync();
    const want = (stockSum!({ inputs: { x }, backend: tf.backend(), attrs: { axis: [0, 1, 2], keepDims: false } }) as tf.TensorInfo);
    expect(Array.from(got)).toEqual(Array.from(tf.engine().makeTensorFromTensorInfo(want).dataSync()));
    x.dispose();
  });

  const reference = new Map<string, { values: number[]; shape: number[] }>();

  beforeAll(async () => {
    await tf.setBackend('cpu');
    CASES.forEach((c, i) => reference.set(c.name, sum(c, i + 1)));
    stockSum = tf.getKernel('Sum', 'wasm')?.kernelFunc ?? null;
    registerWasmTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('matches the cpu backend: %s', (_name, c, i) => {
    const got = sum(c, i + 1);
    const want = reference.get(c.name)!;
    expect(got.shape).toEqual(want.shape);
    // Both backends keep a float32 running sum, in different orders: the rounding error grows with the
    // number of terms summed into each output.
    const terms = tf.util.sizeFromShape(c.shape) / Math.max(1, want.values.length);
    want.values.forEach((v, j) => expect(Math.abs(got.values[j] - v)).toBeLessThan(1e-5 * Math.max(1, Math.abs(v)) + 2e-7 * terms));
  });

  it('recognises exactly the leading axes', () => {
    expect(leadingAxes([0, 1, 2], 4)).toBe(3);
    expect(leadingAxes([2, 0, 1], 4)).toBe(3);
    expect(leadingAxes(-4, 4)).toBe(1);
    expect(leadingAxes([1, 2], 4)).toBe(0);
    expect(leadingAxes([0, 1, 2, 3], 4)).toBe(0);
    expect(leadingAxes([], 4)).toBe(0);
  });
});
