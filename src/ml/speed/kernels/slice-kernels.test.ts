// @vitest-environment node
import * as tf from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastAxisRange } from './slice-kernels';
import { registerWasmTrainingKernels } from './wasm-kernels';

function values(n: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => (i % 7 === 0 ? -0 : Math.sin(i) * 100));
}

interface Cut {
  readonly name: string;
  readonly run: () => tf.Tensor[];
}

const x4 = (): tf.Tensor => tf.tensor(values(6 * 28 * 28 * 2), [6, 28, 28, 2]);
const CUTS: Cut[] = [
  { name: 'split a pixel target from its mask (the objectives\' [b, 28, 28, 2])', run: () => tf.split(x4(), 2, 3) },
  { name: 'split uneven pieces along the last axis', run: () => tf.split(tf.tensor(values(5 * 9), [5, 9]), [2, 4, 3], -1) },
  { name: 'slice the last axis of a 3-D tensor', run: () => [tf.slice(tf.tensor(values(4 * 3 * 10), [4, 3, 10]), [0, 0, 3], [-1, -1, 5])] },
  { name: 'slice other axes (the stock kernel)', run: () => [tf.slice(x4(), [1, 2, 0, 0], [2, 3, 28, 2])] },
  { name: 'split along another axis (the stock kernel)', run: () => tf.split(x4(), 2, 1) },
];

async function bits(run: () => tf.Tensor[]): Promise<number[][]> {
  const pieces = tf.tidy(run);
  const out = await Promise.all(pieces.map(async (p) => Array.from(new Uint32Array((await p.data() as Float32Array).slice().buffer))));
  tf.dispose(pieces);
  return out;
}

describe('wasm Slice and SplitV along the last axis', () => {
  const reference = new Map<string, number[][]>();

  beforeAll(async () => {
    await tf.setBackend('cpu');
    for (const c of CUTS) reference.set(c.name, await bits(c.run));
    registerWasmTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
  });

  it.each(CUTS.map((c) => [c.name, c] as const))('copies what the cpu backend copies, bit for bit: %s', async (_name, c) => {
    expect(await bits(c.run)).toEqual(reference.get(c.name));
  });

  it('takes only cuts of the last axis of a float32 tensor', () => {
    const x = { dataId: {}, shape: [2, 3, 4], dtype: 'float32' as const };
    expect(lastAxisRange(x, [0, 0, 1], [2, 3, 2])).toEqual({ begin: 1, size: 2 });
    expect(lastAxisRange(x, [0, 0, 0], [2, 3, 4])).toBeNull(); // the whole tensor: contiguous, the stock kernel copies it in one go
    expect(lastAxisRange(x, [1, 0, 1], [1, 3, 2])).toBeNull();
    expect(lastAxisRange({ ...x, dtype: 'int32' }, [0, 0, 1], [2, 3, 2])).toBeNull();
  });

  it('leaks no tensors and no wasm buffers', async () => {
    await bits(CUTS[0].run);
    const tensors = tf.memory().numTensors;
    const ids = (tf.backend() as BackendWasm).numDataIds();
    for (const c of CUTS) await bits(c.run);
    expect(tf.memory().numTensors).toBe(tensors);
    expect((tf.backend() as BackendWasm).numDataIds()).toBe(ids);
  });
});
