/**
 * Max-pooling's backward pass for the lecture's only pool, 2x2 with stride 2 and no padding, written in
 * JavaScript straight over the WASM backend's heap. Everything else falls back to the stock kernel.
 */
import { backend_util, type KernelFunc, type MaxPoolGradAttrs, type TensorInfo } from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapOffset, simdKernels } from './simd-kernels';

/** The four taps of a 2x2 window, in the order tfjs scans them (row by row). */
function scatterWindow(x: Float32Array, dy: Float32Array, dx: Float32Array, p: number, q: number, r: number, s: number, o: number): void {
  const a = x[p];
  const b = x[q];
  const c = x[r];
  const d = x[s];
  // Among equal largest taps the last one wins, as in tfjs's stock WASM kernel (its CPU kernel picks the
  // first): after a ReLU, equal positive values are common (a bias over blank background), and picking
  // the same tap as before keeps training's numbers exactly as they were. A window of NaNs passes nothing.
  let best = -Infinity;
  let k = -1;
  if (a >= best) { best = a; k = 0; }
  if (b >= best) { best = b; k = 1; }
  if (c >= best) { best = c; k = 2; }
  if (d >= best) k = 3;
  const g = dy[o];
  dx[p] = k === 0 ? g : 0;
  dx[q] = k === 1 ? g : 0;
  dx[r] = k === 2 ? g : 0;
  dx[s] = k === 3 ? g : 0;
}

/**
 * dL/dx of a 2x2, stride-2, unpadded max pool: each output's gradient goes to the one input that was the
 * window's maximum, and every other input gets zero. The windows do not overlap, so each input is written
 * exactly once: no zero-fill pass and no accumulation, except for a last row or column (odd input size)
 * that no window covers. The stock WASM kernel is a general loop (any window, stride, dilation, padding)
 * that re-scans each window per input pixel; this pass reads x and dy once and writes dx once.
 */
export function maxPoolGrad2x2(backend: BackendWasm, dy: TensorInfo, input: TensorInfo): TensorInfo {
  const [batch, height, width, channels] = input.shape;
  // Allocate first: growing the heap would detach views made earlier.
  const out = backend.makeOutput(input.shape, 'float32');
  // The SIMD kernel does the same selection four channels at a time (the lecture's first pool is wide
  // enough to fill the vectors); this JavaScript loop is its reference and the fallback for engines without WASM SIMD.
  const simd = simdKernels(backend);
  if (simd) {
    simd.maxPoolGrad2x2(heapOffset(backend, input), heapOffset(backend, dy), heapOffset(backend, out), batch, height, width, channels);
    return out;
  }
  return maxPoolGrad2x2Js(backend, dy, input, out);
}

/** The JavaScript version of `maxPoolGrad2x2`, writing into `out` (allocated first: a heap growth detaches views). */
function maxPoolGrad2x2Js(backend: BackendWasm, dy: TensorInfo, input: TensorInfo, out: TensorInfo): TensorInfo {
  const [batch, height, width, channels] = input.shape;
  const outHeight = Math.floor(height / 2);
  const outWidth = Math.floor(width / 2);
  const x = backend.typedArrayFromHeap(input) as Float32Array;
  const g = backend.typedArrayFromHeap(dy) as Float32Array;
  const dx = backend.typedArrayFromHeap(out) as Float32Array;
  if (height % 2 !== 0 || width % 2 !== 0) dx.fill(0);
  const row = width * channels;
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const top = (b * height + 2 * oh) * row;
      for (let ow = 0; ow < outWidth; ow++) {
        const p = top + 2 * ow * channels;
        for (let c = 0; c < channels; c++, o++) {
          scatterWindow(x, g, dx, p + c, p + channels + c, p + row + c, p + row + channels + c, o);
        }
      }
    }
  }
  return out;
}

/** True when tfjs's pool geometry is exactly the lecture's 2x2, stride 2, no padding, on float32 NHWC. */
export function isPool2x2(input: TensorInfo, attrs: MaxPoolGradAttrs): boolean {
  if (input.dtype !== 'float32' || input.shape.length !== 4) return false;
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number], attrs.filterSize, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
  return info.filterHeight === 2 && info.filterWidth === 2 && info.strideHeight === 2 && info.strideWidth === 2
    && info.padInfo.top === 0 && info.padInfo.left === 0
    && info.outHeight === Math.floor(info.inHeight / 2) && info.outWidth === Math.floor(info.inWidth / 2);
}

/** Wraps the stock MaxPoolGrad: the 2x2 stride-2 case runs `maxPoolGrad2x2`, anything else the original. */
export function makeMaxPoolGrad(original: KernelFunc): KernelFunc {
  return (args) => {
    const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo };
    const attrs = args.attrs as unknown as MaxPoolGradAttrs;
    if (!isPool2x2(input, attrs)) return original(args);
    return maxPoolGrad2x2(args.backend as BackendWasm, dy, input);
  };
}
