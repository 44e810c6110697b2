// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
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

describe('wasm Sum over leading axes', () => {
  const reference = new Map<string, { values: number[]; shape: number[] }>();

  beforeAll(async () => {
    await tf.setBackend('cpu');
    CASES.forEach((c, i) => reference.set(c.name, sum(c, i + 1)));
    registerWasmTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('matches the cpu backend: %s', (_name, c, i) => {
    const got = sum(c, i + 1);
    const want = reference.get(c.name)!;
    expect(got.shape).toEqual(want.shape);
    want.values.forEach((v, j) => expect(Math.abs(got.values[j] - v)).toBeLessThan(1e-5 * Math.max(1, Math.abs(v)) * 10));
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
