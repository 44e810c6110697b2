/**
 * Sum over the leading axes of a float32 tensor (a bias gradient: dL/db = dy summed over batch, rows and
 * columns), in one pass over the WASM heap instead of the stock kernel's transpose-then-reduce.
 */
import { util, type KernelFunc, type SumAttrs, type TensorInfo } from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapOffset, simdKernels } from './simd-kernels';

/** How many leading axes `axis` names, if it names exactly axes 0..k-1 of a rank-`rank` tensor (k < rank); else 0. */
export function leadingAxes(axis: number | number[], rank: number): number {
  const axes = [...new Set((Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a)))].sort((a, b) => a - b);
  if (axes.length === 0 || axes.length >= rank) return 0;
  return axes.every((a, i) => a === i) ? axes.length : 0;
}

/**
 * out[t] = sum over rows r of x[r, t], where r runs over the leading axes and t over the rest. The stock
 * kernel first transposes x so the reduced axes come last (a full copy: 2.4M floats for the first layer's
 * bias gradient at batch 192), then sums. Here each row is added into a float32 accumulator as it streams
 * past: the same additions in the same order as the stock kernel (a running float32 sum per output), so
 * the result is bit for bit the same (checked on the first layer's shapes). A float64 accumulator would be
 * more accurate, but together with a differently ordered filter gradient it moved the Quick preset's
 * accuracies by up to 3.5 points: training here is sensitive enough that rounding must not change.
 */
export function sumLeadingAxes(backend: BackendWasm, x: TensorInfo, count: number, keepDims: boolean): TensorInfo {
  const kept = x.shape.slice(count);
  const width = util.sizeFromShape(kept);
  const rows = util.sizeFromShape(x.shape.slice(0, count));
  const out = backend.makeOutput(keepDims ? [...x.shape.slice(0, count).map(() => 1), ...kept] : kept, 'float32');
  // The SIMD kernel keeps the same running sum per output, four outputs at a time.
  const simd = simdKernels(backend);
  if (simd) {
    simd.sumRows(heapOffset(backend, x), heapOffset(backend, out), rows, width);
    return out;
  }
  const src = backend.typedArrayFromHeap(x) as Float32Array;
  const dst = backend.typedArrayFromHeap(out) as Float32Array;
  const acc = new Float32Array(width); // each += rounds to float32, as the stock kernel's running sum does
  for (let r = 0, i = 0; r < rows; r++) {
    for (let t = 0; t < width; t++, i++) acc[t] += src[i];
  }
  dst.set(acc);
  return out;
}

/** Wraps the stock Sum: float32 sums over leading axes run `sumLeadingAxes`, anything else the original. */
export function makeSum(original: KernelFunc): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { axis, keepDims } = args.attrs as unknown as SumAttrs;
    const count = x.dtype === 'float32' ? leadingAxes(axis, x.shape.length) : 0;
    if (count === 0 || util.sizeFromShape(x.shape) === 0) return original(args);
    return sumLeadingAxes(args.backend as BackendWasm, x, count, keepDims);
  };
}
