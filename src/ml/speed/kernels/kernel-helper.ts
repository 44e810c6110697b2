/**
 * A second thread for Pretext Lab's own SIMD kernels. tfjs's XNNPACK kernels already use every WASM thread, but
 * ours (simd-kernels.ts) ran on the training thread alone while the other core waited. In the threaded WASM build
 * the backend's heap is a shared WebAssembly.Memory, and our kernel module keeps no state of its own (no globals, no
 * data), so a second instance of it in another thread can work on the same tensors at the same time.
 *
 * The two threads talk through a small shared "job slot": the caller writes a kernel's name and arguments, wakes the
 * helper (Atomics.notify), does its own share of the outputs, then sleeps (Atomics.wait) until the helper says done.
 * Each kernel is split only over outputs that do not depend on each other (rows of a product, images of a batch,
 * rows of a filter), and each half is the very same kernel called on a smaller range, so every output float is
 * computed by the same operations in the same order as before: training gives the same numbers to the bit.
 *
 * This file runs in any JavaScript thread (a browser worker, Node's worker_threads in the tests); starting the
 * thread itself is the runtime's job (src/runtime/kernel-helper-thread.ts).
 */
import { isShared, kernelsOn, useKernelsOn, type SimdKernels } from './simd-kernels';

/** The kernels the helper may be asked to run (a job names one by its index here). */
export const HELPER_KERNELS = [
  'matMulBlocked', 'convInputGrad', 'smallConvFilterGrad', 'conv1FilterGrad3', 'maxPoolGrad2x2', 'reluGrad', 'adamStep', 'momentumStep',
] as const satisfies readonly (keyof SimdKernels)[];

/** A kernel the helper can run. */
export type HelperKernel = (typeof HELPER_KERNELS)[number];

/** The slot's states, in ctl[0]. */
const IDLE = 0;
const POSTED = 1;
const DONE = 2;
const STOP = 3;
const FAILED = 4;
const RUNNING = 5;

/** Most arguments any kernel takes (adamStep has 16). */
const MAX_ARGS = 16;
/** Int32 words before the arguments: state, kernel index, argument count, and one spare so the doubles align to 8 bytes. */
const CONTROL_WORDS = 4;

/** Bytes of the SharedArrayBuffer a job slot needs. */
export const JOB_SLOT_BYTES = CONTROL_WORDS * 4 + MAX_ARGS * 8;

/**
 * How long the caller sleeps for the helper's half before it stops trusting the helper and does that half itself.
 * Far longer than any kernel takes: it only matters if the helper thread died.
 */
const HELPER_TIMEOUT_MS = 5_000;

/** Views of a job slot: control words, and the arguments as float64 (exact for both the int32 offsets and the float32 scalars). */
interface Slot {
  readonly ctl: Int32Array;
  readonly args: Float64Array;
}

function slotOf(buffer: SharedArrayBuffer): Slot {
  if (buffer.byteLength < JOB_SLOT_BYTES) throw new RangeError(`a job slot needs ${JOB_SLOT_BYTES} bytes`);
  return { ctl: new Int32Array(buffer, 0, CONTROL_WORDS), args: new Float64Array(buffer, CONTROL_WORDS * 4, MAX_ARGS) };
}

/** What the training worker sends the helper once: the compiled kernels, the heap they run on, and the job slot. */
export interface KernelHelperStart {
  readonly type: 'start';
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly slot: SharedArrayBuffer;
}

/** What the helper answers: ready to serve jobs (it then blocks in its loop), or why it could not start. */
export type KernelHelperReply = { readonly type: 'ready' } | { readonly type: 'error'; readonly message: string };

/** A new, idle job slot. */
export function makeJobSlot(): SharedArrayBuffer {
  return new SharedArrayBuffer(JOB_SLOT_BYTES);
}

/** Calls a kernel by name with numeric arguments (every kernel takes only numbers and returns nothing). */
function call(kernels: SimdKernels, name: HelperKernel, args: ArrayLike<number>, count: number): void {
  const f = kernels[name] as unknown as (...a: number[]) => void;
  f(...Array.from({ length: count }, (_, i) => args[i]));
}

/**
 * The helper thread's loop: sleep until a job is posted, run it on `kernels` (an instance on the shared heap), say
 * done, repeat; return when told to stop. Blocks its thread for its whole life, which is what a helper is for.
 */
export function serveKernelJobs(kernels: SimdKernels, buffer: SharedArrayBuffer): void {
  const { ctl, args } = slotOf(buffer);
  for (;;) {
    const state = Atomics.load(ctl, 0);
    if (state === STOP) return;
    // Take the job, unless the caller took it back first (see KernelHelper.split). Otherwise sleep until the state
    // changes: waiting on the state just seen (not only on IDLE) means a DONE the caller never clears sleeps too.
    if (state !== POSTED || Atomics.compareExchange(ctl, 0, POSTED, RUNNING) !== POSTED) {
      Atomics.wait(ctl, 0, state);
      continue;
    }
    let outcome = DONE;
    try {
      call(kernels, HELPER_KERNELS[ctl[1]], args, ctl[2]);
    } catch {
      // The caller sees FAILED and computes this half itself; the numbers stay right, only the speed-up is lost.
      outcome = FAILED;
    }
    Atomics.store(ctl, 0, outcome);
    Atomics.notify(ctl, 0);
  }
}

/** Tells a helper serving `buffer` to return from serveKernelJobs. */
export function stopKernelJobs(buffer: SharedArrayBuffer): void {
  const { ctl } = slotOf(buffer);
  Atomics.store(ctl, 0, STOP);
  Atomics.notify(ctl, 0);
}

/** The caller's side of a job slot: post one job, do other work, then wait for it. */
export class KernelHelper {
  private readonly slot: Slot;
  private readonly kernels: SimdKernels;
  private readonly onFailure: (why: string) => void;
  private readonly takeBack: boolean;
  private readonly onTally: ((helped: number, takenBack: number) => void) | undefined;
  private broken = false;
  /** Jobs the helper ran, and jobs taken back because it had not started them yet. */
  helped = 0;
  takenBack = 0;

  /**
   * `kernels` is the caller's own instance, used to do the helper's half if the helper fails or is late. `takeBack`
   * false makes the caller always wait for the helper (the tests, to be sure the helper's half ran over there).
   */
  constructor(buffer: SharedArrayBuffer, kernels: SimdKernels, onFailure: (why: string) => void, takeBack = true,
    onTally?: (helped: number, takenBack: number) => void) {
    this.onTally = onTally;
    this.slot = slotOf(buffer);
    this.kernels = kernels;
    this.onFailure = onFailure;
    this.takeBack = takeBack;
  }

  /** After the first TALLY_AT jobs, says how many the helper ran: many taken back means its thread is rarely free. */
  private tally(): void {
    if (this.helped + this.takenBack === TALLY_AT) this.onTally?.(this.helped, this.takenBack);
  }

  /** False once the helper failed or timed out: later kernels then run whole on the caller's thread. */
  get alive(): boolean {
    return !this.broken;
  }

  /**
   * Runs `name(first...)` on the helper and `name(second...)` here at the same time, and returns when both are
   * done. The two calls must write disjoint outputs.
   */
  split(name: HelperKernel, first: readonly number[], second: readonly number[]): void {
    const { ctl, args } = this.slot;
    if (this.broken) {
      call(this.kernels, name, first, first.length);
      call(this.kernels, name, second, second.length);
      return;
    }
    ctl[1] = HELPER_KERNELS.indexOf(name);
    ctl[2] = first.length;
    for (let i = 0; i < first.length; i++) args[i] = first[i];
    // The store is sequentially consistent, so the helper sees the arguments written above once it sees POSTED.
    Atomics.store(ctl, 0, POSTED);
    Atomics.notify(ctl, 0);
    call(this.kernels, name, second, second.length);
    // If the helper has not started the job by now (the machine is busy and its thread is not scheduled yet), take it
    // back and run it here: never slower than one thread, and the compare-exchange means exactly one thread runs it.
    if (this.takeBack && Atomics.compareExchange(ctl, 0, POSTED, IDLE) === POSTED) {
      this.takenBack++;
      this.tally();
      call(this.kernels, name, first, first.length);
      return;
    }
    const deadline = Date.now() + HELPER_TIMEOUT_MS;
    let state = Atomics.load(ctl, 0);
    while ((state === RUNNING || state === POSTED) && Date.now() < deadline) {
      Atomics.wait(ctl, 0, state, Math.max(1, deadline - Date.now()));
      state = Atomics.load(ctl, 0);
    }
    if (state === DONE) {
      this.helped++;
      this.tally();
      Atomics.store(ctl, 0, IDLE);
      return;
    }
    // The helper failed or never answered: do its half here (the same kernel on the same range, so the same
    // numbers) and stop sending it work.
    this.broken = true;
    this.onFailure(state === FAILED ? `the kernel helper failed in ${name}` : `the kernel helper did not answer within ${HELPER_TIMEOUT_MS} ms`);
    call(this.kernels, name, first, first.length);
  }
}

/** How many jobs the tally waits for. */
const TALLY_AT = 200;

/** Splits `total` items in two, the first part a multiple of `align` (a kernel's register tile), near half. */
export function halve(total: number, align: number): number {
  return Math.min(total, Math.round(total / 2 / align) * align);
}

/**
 * Below this many multiply-adds a kernel is not split: waking the helper and waiting for it costs tens of
 * microseconds, and a kernel must be long enough for half of it to outweigh that (the rotation head's small
 * convolution gradients are not; kernel-helper-speed.ts measures each kernel both ways).
 */
export const MIN_SPLIT_WORK = 1 << 23;
/** The same floor for the memory-bound elementwise kernels, in elements: they gain less from a second core. */
export const MIN_SPLIT_ELEMENTS = 1 << 20;

/** The smallest kernels worth splitting: multiply-adds for the products and convolutions, elements for the rest. */
export interface SplitFloors {
  readonly work: number;
  readonly elements: number;
}

const DEFAULT_FLOORS: SplitFloors = { work: MIN_SPLIT_WORK, elements: MIN_SPLIT_ELEMENTS };

/**
 * `kernels` with the big kernels split between this thread and `helper`; every other kernel is `kernels`' own. Each
 * split keeps every output's arithmetic as it was (see the file's comment): only which thread computes it changes.
 */
export function splitKernels(kernels: SimdKernels, helper: KernelHelper, floors: SplitFloors = DEFAULT_FLOORS): SimdKernels {
  const live = (work: number, floor: 'work' | 'elements'): boolean => helper.alive && work >= floors[floor];
  return {
    ...kernels,
    matMulBlocked(a, rowStride, depthStride, b, c, m, n, depth) {
      // Rows of the output: row i reads row i of a and writes row i of c, whatever other rows are computed.
      const top = halve(m, 3);
      if (!live(m * n * depth, 'work') || top === 0 || top === m) {
        kernels.matMulBlocked(a, rowStride, depthStride, b, c, m, n, depth);
        return;
      }
      helper.split('matMulBlocked',
        [a, rowStride, depthStride, b, c, top, n, depth],
        [a + top * rowStride * 4, rowStride, depthStride, b, c + top * n * 4, m - top, n, depth]);
    },
    convInputGrad(dy, wt, dx, batch, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth,
      strideHeight, strideWidth, topPad, leftPad) {
      // Images of the batch: each image's dx depends on that image's dy only.
      const first = halve(batch, 1);
      const work = batch * inHeight * inWidth * inChannels * outChannels * Math.ceil(filterHeight / strideHeight) * Math.ceil(filterWidth / strideWidth);
      const rest = [inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth, topPad, leftPad];
      if (!live(work, 'work') || first === 0 || first === batch) {
        kernels.convInputGrad(dy, wt, dx, batch, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth,
          strideHeight, strideWidth, topPad, leftPad);
        return;
      }
      helper.split('convInputGrad', [dy, wt, dx, first, ...rest],
        [dy + first * outHeight * outWidth * outChannels * 4, wt, dx + first * inHeight * inWidth * inChannels * 4, batch - first, ...rest]);
    },
    smallConvFilterGrad(x, dy, dw, batch, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth,
      strideHeight, strideWidth, top, left) {
      // Rows of the filter: a range of kernel rows starting at kh0 is the same kernel with the padding moved up by
      // kh0 (the image row it reads is oh*sh + kh - top either way) and dw moved on by kh0 rows of the filter.
      const rows = halve(filterHeight, 1);
      const work = filterHeight * filterWidth * inChannels * outChannels * outHeight * outWidth * batch;
      const shape = [inHeight, inWidth, inChannels, outHeight, outWidth, outChannels];
      if (!live(work, 'work') || rows === 0 || rows === filterHeight) {
        kernels.smallConvFilterGrad(x, dy, dw, batch, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth,
          strideHeight, strideWidth, top, left);
        return;
      }
      helper.split('smallConvFilterGrad', [x, dy, dw, batch, ...shape, rows, filterWidth, strideHeight, strideWidth, top, left],
        [x, dy, dw + rows * filterWidth * inChannels * outChannels * 4, batch, ...shape, filterHeight - rows, filterWidth,
          strideHeight, strideWidth, top - rows, left]);
    },
    conv1FilterGrad3(xp, dyt, dw, batch, outHeight, outWidth, paddedWidth, kernelHeight, stride, channels) {
      // Rows of the filter again: kernel row kh reads padded image row oh*stride + kh, so starting the images kh0
      // rows down and dw kh0 filter rows on gives rows kh0.. with the same sums.
      const rows = halve(kernelHeight, 1);
      const work = kernelHeight * 3 * channels * outHeight * outWidth * batch;
      if (!live(work, 'work') || rows === 0 || rows === kernelHeight) {
        kernels.conv1FilterGrad3(xp, dyt, dw, batch, outHeight, outWidth, paddedWidth, kernelHeight, stride, channels);
        return;
      }
      helper.split('conv1FilterGrad3', [xp, dyt, dw, batch, outHeight, outWidth, paddedWidth, rows, stride, channels],
        [xp + rows * paddedWidth * batch * 4, dyt, dw + rows * 3 * channels * 4, batch, outHeight, outWidth, paddedWidth,
          kernelHeight - rows, stride, channels]);
    },
    maxPoolGrad2x2(x, dy, dx, batch, height, width, channels) {
      // Images of the batch: windows never cross images.
      const first = halve(batch, 1);
      if (!live(batch * height * width * channels, 'elements') || first === 0 || first === batch) {
        kernels.maxPoolGrad2x2(x, dy, dx, batch, height, width, channels);
        return;
      }
      const image = height * width * channels * 4;
      const pooled = (height >> 1) * (width >> 1) * channels * 4;
      helper.split('maxPoolGrad2x2', [x, dy, dx, first, height, width, channels],
        [x + first * image, dy + first * pooled, dx + first * image, batch - first, height, width, channels]);
    },
    reluGrad(dy, x, dx, n) {
      // Element by element; the cut is at a multiple of 4 so the SIMD part covers the same elements as before.
      const first = halve(n, 4);
      if (!live(n, 'elements') || first === 0 || first === n) {
        kernels.reluGrad(dy, x, dx, n);
        return;
      }
      const at = first * 4;
      helper.split('reluGrad', [dy, x, dx, first], [dy + at, x + at, dx + at, n - first]);
    },
    adamStep(w, m, v, g, acc1, acc2, w2, m2, v2, n, b1, c1, b2, c2, eps, nlr) {
      const first = halve(n, 4);
      if (!live(n, 'elements') || first === 0 || first === n) {
        kernels.adamStep(w, m, v, g, acc1, acc2, w2, m2, v2, n, b1, c1, b2, c2, eps, nlr);
        return;
      }
      const at = first * 4;
      // acc1 and acc2 are scalars both halves read; everything else is per element.
      helper.split('adamStep', [w, m, v, g, acc1, acc2, w2, m2, v2, first, b1, c1, b2, c2, eps, nlr],
        [w + at, m + at, v + at, g + at, acc1, acc2, w2 + at, m2 + at, v2 + at, n - first, b1, c1, b2, c2, eps, nlr]);
    },
    momentumStep(w, a, g, mp, cp, w2, a2, n) {
      const first = halve(n, 4);
      if (!live(n, 'elements') || first === 0 || first === n) {
        kernels.momentumStep(w, a, g, mp, cp, w2, a2, n);
        return;
      }
      const at = first * 4;
      // mp and cp point at the momentum and its complement, scalars both halves read.
      helper.split('momentumStep', [w, a, g, mp, cp, w2, a2, first], [w + at, a + at, g + at, mp, cp, w2 + at, a2 + at, n - first]);
    },
  };
}

/**
 * Makes the kernels on `memory` (a shared heap) split their work with a helper thread that serves `buffer`. Returns
 * the function that undoes it: the plain kernels again, and the helper told to return.
 */
export function attachKernelHelper(memory: WebAssembly.Memory, buffer: SharedArrayBuffer, onFailure: (why: string) => void): () => void {
  const kernels = kernelsOn(memory);
  if (!kernels || !isShared(memory)) throw new Error('a kernel helper needs the SIMD kernels on a shared heap');
  const helper = new KernelHelper(buffer, kernels, (why) => {
    useKernelsOn(memory, null);
    onFailure(why);
  }, true, (helped, takenBack) => console.info(`[kernel helper] of its first ${helped + takenBack} jobs, the helper ran ${helped} and ${takenBack} were taken back`));
  useKernelsOn(memory, splitKernels(kernels, helper));
  return () => {
    useKernelsOn(memory, null);
    stopKernelJobs(buffer);
  };
}
