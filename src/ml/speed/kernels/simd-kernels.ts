/**
 * Pretext Lab's own WebAssembly SIMD kernels (assembly/pretext-kernels.ts), instantiated on the WASM
 * backend's own heap so they read and write tensors where tfjs keeps them: no copies in or out.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { KERNELS_WASM, KERNELS_WASM_SHARED } from './kernels-wasm';

/** The kernels' exports. Every pointer is a byte offset into the backend's heap; sizes are element counts. */
export interface SimdKernels {
  maxPoolGrad2x2(x: number, dy: number, dx: number, batch: number, height: number, width: number, channels: number): void;
  sumRows(x: number, out: number, rows: number, width: number): void;
  padTransposeImages(x: number, xp: number, batch: number, height: number, width: number,
    paddedHeight: number, paddedWidth: number, top: number, left: number): void;
  batchToMiddle(dy: number, dyt: number, batch: number, pixels: number, channels: number): void;
  conv1FilterGrad3(xp: number, dyt: number, dw: number, batch: number, outHeight: number, outWidth: number,
    paddedWidth: number, kernelHeight: number, stride: number, channels: number): void;
  adamStep(w: number, m: number, v: number, g: number, acc1: number, acc2: number, w2: number, m2: number, v2: number,
    n: number, b1: number, c1: number, b2: number, c2: number, eps: number, nlr: number): void;
  momentumStep(w: number, a: number, g: number, mp: number, cp: number, w2: number, a2: number, n: number): void;
  addBias(x: number, bias: number, out: number, rows: number, width: number): void;
  reluGrad(dy: number, x: number, dx: number, n: number): void;
  matMulBlocked(a: number, rowStride: number, depthStride: number, b: number, c: number, m: number, n: number, depth: number): void;
  transpose2d(src: number, dst: number, rows: number, cols: number): void;
  swapOuterAxes(src: number, dst: number, outer: number, middle: number, inner: number): void;
  convInputGrad(dy: number, wt: number, dx: number, batch: number, inHeight: number, inWidth: number, inChannels: number,
    outHeight: number, outWidth: number, outChannels: number, filterHeight: number, filterWidth: number,
    strideHeight: number, strideWidth: number, topPad: number, leftPad: number): void;
  smallConvFilterGrad(x: number, dy: number, dw: number, batch: number, inHeight: number, inWidth: number, inChannels: number,
    outHeight: number, outWidth: number, outChannels: number, filterHeight: number, filterWidth: number,
    strideHeight: number, strideWidth: number, top: number, left: number): void;
  softmaxShift(x: number, shifted: number, rows: number, classes: number): void;
  pixelCrossEntropy(shifted: number, logSum: number, targets: number, value: number, weighted: number, weights: number,
    pixels: number, classes: number, maskWeight: number, outsideWeight: number): void;
  pixelCrossEntropyGrad(dy: number, exps: number, sums: number, targets: number, dx: number, pixels: number, classes: number,
    maskWeight: number, outsideWeight: number): void;
  pixelScore(logits: number, targets: number, out: number, rows: number, pixels: number, classes: number): void;
}

/** What we read of the emscripten module: its memory is an export (single-threaded) or a property (threaded). */
interface EmscriptenModule {
  asm?: { memory?: unknown };
  wasmMemory?: unknown;
}

const instances = new WeakMap<WebAssembly.Memory, SimdKernels | null>();
let enabled = true;

/**
 * Turns the SIMD kernels off (or back on) for this JavaScript realm: the tests compare them with the
 * paths they replace, and the speed script measures both.
 */
export function useSimdKernels(on: boolean): void {
  enabled = on;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

const modules: { plain?: WebAssembly.Module; shared?: WebAssembly.Module } = {};

/**
 * The kernels compiled once per realm, for an ordinary memory or a shared one; every memory they run on (each
 * tfjs heap, the linear probe's own, probe/wasm-pass.ts) instantiates the same module. Throws where the engine
 * lacks WebAssembly SIMD.
 */
export function kernelsModule(shared: boolean): WebAssembly.Module {
  const key = shared ? 'shared' : 'plain';
  return (modules[key] ??= new WebAssembly.Module(bytesOf(shared ? KERNELS_WASM_SHARED : KERNELS_WASM)));
}

/** The WebAssembly.Memory of tfjs's WASM backend, or null if this build of it hides it. */
export function backendMemory(backend: BackendWasm): WebAssembly.Memory | null {
  const module = backend.wasm as unknown as EmscriptenModule;
  const memory = module.wasmMemory ?? module.asm?.memory;
  return memory instanceof WebAssembly.Memory ? memory : null;
}

/**
 * The kernels on this backend's heap, instantiated once per heap; null where they cannot run (no SIMD
 * in this engine, or a backend build whose memory we cannot reach), and callers then use their
 * JavaScript versions. The module is under 4 KB, so compiling it synchronously is allowed even on a
 * page's main thread.
 */
export function simdKernels(backend: BackendWasm): SimdKernels | null {
  if (!enabled) return null;
  const memory = backendMemory(backend);
  if (!memory) return null;
  if (instances.has(memory)) return instances.get(memory) ?? null;
  let kernels: SimdKernels | null = null;
  try {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    kernels = new WebAssembly.Instance(kernelsModule(shared), { env: { memory } }).exports as unknown as SimdKernels;
  } catch {
    kernels = null; // an engine without WASM SIMD: the JavaScript kernels still work
  }
  instances.set(memory, kernels);
  return kernels;
}

/** Byte offset of a tensor's data in the WASM backend's heap. */
export function heapOffset(backend: BackendWasm, info: { dataId: object }): number {
  const data = backend.dataIdMap.get(info.dataId);
  if (!data) throw new Error('tensor data is not on the WASM backend');
  return data.memoryOffset;
}

/** True when the active tfjs backend is WASM and Pretext Lab's SIMD kernels run on it. */
export function simdKernelsActive(backend: unknown): boolean {
  return backend !== null && typeof backend === 'object' && 'wasm' in backend && simdKernels(backend as BackendWasm) !== null;
}

/** The kernels on this backend's heap, or an error naming `kernel`, which cannot run without them. */
export function requireSimdKernels(backend: BackendWasm, kernel: string): SimdKernels {
  const kernels = simdKernels(backend);
  if (!kernels) throw new Error(`${kernel} needs Pretext Lab's WASM SIMD kernels`);
  return kernels;
}
