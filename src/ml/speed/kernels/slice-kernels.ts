/**
 * Slicing along the last axis only, on the WASM heap in one pass. The pixel objectives carry their targets and
 * masks as the two channels of one [b, 28, 28, 2] tensor and split them every step; tfjs-wasm's Slice copies a
 * non-contiguous 4-D slice with one typed-array `set` per innermost run, here one float per call (150,528 calls
 * per half at batch 192, which together cost more than a convolution). Copies move values and round nothing, so
 * the numbers are the same.
 */
import { backend_util, util, type KernelFunc, type SliceAttrs, type SplitVAttrs, type TensorInfo } from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** out[r, c] = x[r, begin + c] for every row r of x viewed as [rows, width]: the columns [begin, begin + size). */
export function sliceLastAxis(backend: BackendWasm, x: TensorInfo, begin: number, size: number): TensorInfo {
  const width = x.shape[x.shape.length - 1];
  const rows = util.sizeFromShape(x.shape) / width;
  // Allocate first: growing the heap would detach views made earlier.
  const out = backend.makeOutput([...x.shape.slice(0, -1), size], 'float32');
  const src = backend.typedArrayFromHeap(x) as Float32Array;
  const dst = backend.typedArrayFromHeap(out) as Float32Array;
  if (size === 1) {
    for (let r = 0, i = begin; r < rows; r++, i += width) dst[r] = src[i];
  } else {
    for (let r = 0, i = begin, o = 0; r < rows; r++, i += width, o += size) {
      for (let c = 0; c < size; c++) dst[o + c] = src[i + c];
    }
  }
  return out;
}

/** The column range a slice takes when it cuts only the last axis of a float32 tensor of rank 2 or more, else null. */
export function lastAxisRange(x: TensorInfo, begin: readonly number[], size: readonly number[]): { begin: number; size: number } | null {
  const rank = x.shape.length;
  if (x.dtype !== 'float32' || rank < 2 || begin.length !== rank || size.length !== rank) return null;
  for (let d = 0; d < rank - 1; d++) if (begin[d] !== 0 || size[d] !== x.shape[d]) return null;
  const width = x.shape[rank - 1];
  const b = begin[rank - 1];
  const s = size[rank - 1];
  if (s === width || s <= 0 || b < 0 || b + s > width || util.sizeFromShape(x.shape) === 0) return null;
  return { begin: b, size: s };
}

/** Wraps the stock Slice: a cut along the last axis only runs `sliceLastAxis`, anything else the original. */
export function makeSlice(original: KernelFunc): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const attrs = args.attrs as unknown as SliceAttrs;
    if (x.dtype !== 'float32') return original(args);
    const [begin, size] = backend_util.slice_util.parseSliceParams(x, attrs.begin, attrs.size);
    const range = lastAxisRange(x, begin, size);
    return range ? sliceLastAxis(args.backend as BackendWasm, x, range.begin, range.size) : original(args);
  };
}

/** Wraps the stock SplitV: a float32 split along the last axis cuts each piece with `sliceLastAxis`. */
export function makeSplitV(original: KernelFunc): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { numOrSizeSplits, axis } = args.attrs as unknown as SplitVAttrs;
    const rank = x.shape.length;
    const $axis = util.parseAxisParam(axis, x.shape)[0];
    if (x.dtype !== 'float32' || rank < 2 || $axis !== rank - 1 || util.sizeFromShape(x.shape) === 0) return original(args);
    const sizes = backend_util.prepareSplitSize(x, numOrSizeSplits, $axis);
    let begin = 0;
    return sizes.map((s) => {
      const piece = sliceLastAxis(args.backend as BackendWasm, x, begin, s);
      begin += s;
      return piece;
    });
  };
}
