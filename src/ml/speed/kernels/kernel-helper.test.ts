/**
 * The kernel helper splits our SIMD kernels between two threads on one shared heap; these tests prove each split
 * kernel writes exactly the bytes the one-thread kernel writes, on random inputs with odd sizes, by running both
 * on a shared WebAssembly.Memory: this thread does one half, a worker_threads thread the other.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { halve, KernelHelper, makeJobSlot, splitKernels, stopKernelJobs } from './kernel-helper';
import { kernelsModule, kernelsOn, type SimdKernels } from './simd-kernels';

const memory = new WebAssembly.Memory({ initial: 1024, maximum: 65536, shared: true });
const slot = makeJobSlot();
let worker: Worker;
let plain: SimdKernels;
let split: SimdKernels;
let failures: string[] = [];
let helper: KernelHelper;

/** A bump allocator over the shared heap: the tests never free. */
let top = 1024;
function alloc(floats: number): number {
  const at = top;
  top += Math.ceil((floats * 4 + 16) / 16) * 16;
  if (top > memory.buffer.byteLength) throw new Error('test heap too small');
  return at;
}

let seed = 12345;
/** A seeded uniform in [-1, 1), with some exact zeros (ReLU's and the pool's ties need them). */
function random(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  const u = seed / 2 ** 32;
  return u < 0.05 ? 0 : u * 2 - 1;
}

function filled(floats: number): number {
  const at = alloc(floats);
  const view = new Float32Array(memory.buffer, at, floats);
  for (let i = 0; i < floats; i++) view[i] = random();
  return at;
}

function bytes(at: number, floats: number): Uint8Array {
  return new Uint8Array(memory.buffer, at, floats * 4).slice();
}

/** Runs `run(kernels, out)` with the plain and the split kernels into two fresh outputs; returns both outputs' bytes. */
function both(floats: number, run: (k: SimdKernels, out: number) => void): [Uint8Array, Uint8Array] {
  const a = alloc(floats);
  const b = alloc(floats);
  // Garbage in the outputs first: a kernel that forgot to write an element would then differ.
  new Float32Array(memory.buffer, a, floats).fill(7);
  new Float32Array(memory.buffer, b, floats).fill(-3);
  run(plain, a);
  run(split, b);
  return [bytes(a, floats), bytes(b, floats)];
}

beforeAll(async () => {
  plain = kernelsOn(memory) as SimdKernels;
  expect(plain).not.toBeNull();
  // Node runs the worker's TypeScript through tsx's loader, registered before the file is imported.
  const entry = new URL('./kernel-helper-node-worker.ts', import.meta.url).href;
  worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, {
    eval: true,
    workerData: { module: kernelsModule(true), memory, slot },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  // Floors of 0: every call splits, however small, so odd sizes exercise the cut.
  // The caller never takes a job back here, so every first half is computed by the other thread.
  helper = new KernelHelper(slot, plain, (why) => failures.push(why), false);
  split = splitKernels(plain, helper, { work: 0, elements: 0 });
}, 30_000);

afterAll(async () => {
  stopKernelJobs(slot);
  await worker.terminate();
});

describe('the kernel helper', () => {
  it('cuts near half, at a multiple of the tile', () => {
    expect(halve(10, 3)).toBe(6);
    expect(halve(7, 4)).toBe(4);
    expect(halve(3, 1)).toBe(2);
    expect(halve(1, 3)).toBe(0);
  });

  it.each([
    [29, 37, 200, false], [288, 50, 192, true], [192, 61, 500, false], [4, 3, 7, true],
  ])('matMulBlocked %i x %i (depth %i, a transposed %s) gives the same bytes split', (m, n, depth, transposed) => {
    const a = filled(m * depth);
    const b = filled(depth * n);
    const [rowStride, depthStride] = transposed ? [1, m] : [depth, 1];
    const [x, y] = both(m * n, (k, c) => k.matMulBlocked(a, rowStride, depthStride, b, c, m, n, depth));
    expect(y).toEqual(x);
  });

  it.each([[5, 7, 6, 8, 2], [4, 9, 16, 16, 2], [3, 6, 3, 4, 1]])(
    'convInputGrad batch %i, %i-square input, %i channels, %i filters, stride %i gives the same bytes split',
    (batch, size, inC, outC, stride) => {
      const f = 3;
      const out = Math.ceil(size / stride);
      const pad = Math.max((out - 1) * stride + f - size, 0);
      const wt = filled(f * f * outC * inC);
      const dy = filled(batch * out * out * outC);
      const [x, y] = both(batch * size * size * inC, (k, dx) => k.convInputGrad(dy, wt, dx, batch, size, size, inC, out, out, outC,
        f, f, stride, stride, f - 1 - (pad >> 1), f - 1 - (pad >> 1)));
      expect(y).toEqual(x);
    });

  it.each([[7, 3, 3, 5, 16, 3], [5, 4, 4, 3, 4, 3], [6, 3, 3, 2, 16, 5]])(
    'smallConvFilterGrad batch %i, %ix%i output, %i input channels, %i filters, %i-row kernel gives the same bytes split',
    (batch, outH, outW, inC, outC, fh) => {
      const fw = 3;
      const inH = outH * 2 + 1;
      const inW = outW * 2 + 1;
      const xs = filled(batch * inH * inW * inC);
      const dy = filled(batch * outH * outW * outC);
      const [x, y] = both(fh * fw * inC * outC, (k, dw) => k.smallConvFilterGrad(xs, dy, dw, batch, inH, inW, inC, outH, outW, outC,
        fh, fw, 2, 2, 1, 1));
      expect(y).toEqual(x);
    });

  it.each([[13, 5, 5, 1, 32, 3], [7, 4, 6, 2, 16, 5]])(
    'conv1FilterGrad3 batch %i, %ix%i output, stride %i, %i filters, %i-row kernel gives the same bytes split',
    (batch, outH, outW, stride, channels, fh) => {
      const paddedH = (outH - 1) * stride + fh;
      const paddedW = (outW - 1) * stride + 3;
      const xp = filled(paddedH * paddedW * batch);
      const dyt = filled(outH * outW * batch * channels);
      const [x, y] = both(fh * 3 * channels, (k, dw) => k.conv1FilterGrad3(xp, dyt, dw, batch, outH, outW, paddedW, fh, stride, channels));
      expect(y).toEqual(x);
    });

  it.each([[5, 7, 9, 6], [4, 8, 8, 16], [3, 2, 2, 1]])('maxPoolGrad2x2 batch %i, %ix%i, %i channels gives the same bytes split', (batch, h, w, c) => {
    const xs = filled(batch * h * w * c);
    const dy = filled(batch * (h >> 1) * (w >> 1) * c);
    const [x, y] = both(batch * h * w * c, (k, dx) => k.maxPoolGrad2x2(xs, dy, dx, batch, h, w, c));
    expect(y).toEqual(x);
  });

  it('reluGrad gives the same bytes split, NaN included', () => {
    const n = 1001;
    const xs = filled(n);
    new Float32Array(memory.buffer, xs, n)[500] = NaN;
    const dy = filled(n);
    const [x, y] = both(n, (k, dx) => k.reluGrad(dy, xs, dx, n));
    expect(y).toEqual(x);
  });

  it('adamStep and momentumStep give the same bytes split', () => {
    const n = 1003;
    const [w, m, g] = [filled(n), filled(n), filled(n)];
    const v = alloc(n);
    new Float32Array(memory.buffer, v, n).set(new Float32Array(memory.buffer, filled(n), n).map(Math.abs));
    const acc = alloc(2);
    new Float32Array(memory.buffer, acc, 2).set([0.9 ** 3, 0.999 ** 3]);
    const adam = (k: SimdKernels, out: number): void => {
      k.adamStep(w, m, v, g, acc, acc + 4, out, out + n * 4, out + 2 * n * 4, n, 0.9, 0.1, 0.999, 0.001, 1e-7, -0.001);
    };
    const [x, y] = both(3 * n, adam);
    expect(y).toEqual(x);
    const scalars = alloc(2);
    new Float32Array(memory.buffer, scalars, 2).set([0.9, 0.01]);
    const [p, q] = both(2 * n, (k, out) => k.momentumStep(w, m, g, scalars, scalars + 4, out, out + n * 4, n));
    expect(q).toEqual(p);
  });

  it('ran every first half on the helper, and never needed the fallback', () => {
    expect(failures).toEqual([]);
    expect(helper.helped).toBeGreaterThan(15);
    expect(helper.takenBack).toBe(0);
  });

  it('gives the same bytes when the caller may take a late job back', () => {
    const eager = splitKernels(plain, new KernelHelper(slot, plain, (why) => failures.push(why)), { work: 0, elements: 0 });
    const [m, n, depth] = [61, 45, 300];
    const a = filled(m * depth);
    const b = filled(depth * n);
    for (let i = 0; i < 20; i++) {
      const [x, y] = both(m * n, (k, c) => (k === split ? eager : k).matMulBlocked(a, depth, 1, b, c, m, n, depth));
      expect(y).toEqual(x);
    }
    expect(failures).toEqual([]);
  });
});
