// @vitest-environment node
import * as tf from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './wasm-kernels';

/** Gradients with signed zeros and magnitudes from 0.01 to 100, so another summing order would show. */
function values(n: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => (i % 11 === 0 ? -0 : Math.sin(i * 1.3) * 10 ** ((i % 5) - 2)));
}

interface Case {
  readonly name: string;
  readonly images: [number, number, number, number];
  readonly size: [number, number];
  readonly alignCorners?: boolean;
}

const CASES: Case[] = [
  { name: "colorization's 14x14x5 to 28x28 (factor 2)", images: [3, 14, 14, 5], size: [28, 28] },
  { name: 'different factors down and across', images: [2, 4, 5, 3], size: [12, 10] },
  { name: 'a size that is not a whole factor (the stock kernel)', images: [2, 4, 4, 2], size: [10, 7] },
  { name: 'corners aligned (the stock kernel)', images: [2, 4, 4, 2], size: [8, 8], alignCorners: true },
];

/** The kernel itself (not through a gradient, which tfjs may register differently), as raw bits. */
function gradientBits(c: Case): number[] {
  const [b, , , ch] = c.images;
  return tf.tidy(() => {
    const images = tf.zeros(c.images);
    const dy = tf.tensor(values(b * c.size[0] * c.size[1] * ch), [b, ...c.size, ch]);
    const dx = tf.engine().runKernel('ResizeNearestNeighborGrad', { images, dy }, { alignCorners: c.alignCorners ?? false, halfPixelCenters: false }) as tf.Tensor;
    return Array.from(new Uint32Array((dx.dataSync() as Float32Array).slice().buffer));
  });
}

describe('wasm ResizeNearestNeighborGrad for whole enlargements', () => {
  const stock = new Map<string, number[]>();

  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    for (const c of CASES) stock.set(c.name, gradientBits(c));
    registerWasmTrainingKernels();
  });

  it.each(CASES.map((c) => [c.name, c] as const))('sums what the stock kernel sums, bit for bit: %s', (_name, c) => {
    expect(gradientBits(c)).toEqual(stock.get(c.name));
  });

  it('leaks no tensors and no wasm buffers', () => {
    gradientBits(CASES[0]);
    const tensors = tf.memory().numTensors;
    const ids = (tf.backend() as BackendWasm).numDataIds();
    for (const c of CASES) gradientBits(c);
    expect(tf.memory().numTensors).toBe(tensors);
    expect((tf.backend() as BackendWasm).numDataIds()).toBe(ids);
  });
});
