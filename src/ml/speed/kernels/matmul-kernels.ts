/**
 * A Dense layer's backward pass on Pretext Lab's SIMD kernels. Its two products have a transposed operand:
 * dW = x^T dy and dx = dy W^T. tfjs's WASM BatchMatMul sends only the untransposed product to XNNPACK; the
 * transposed ones run a scalar loop about five times slower than the forward pass, and for a decoder head
 * (inpainting, super-resolution: 288 x 784 weights; colorization: 288 x 3,920) they were most of a training
 * step. This runs the same products in the same float order (blocks of 48 terms per output, as tfjs's loop
 * sums them), four outputs per vector lane, so training gives the same numbers to the bit.
 */
import { util, type BatchMatMulAttrs, type KernelFunc, type TensorInfo } from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapOffset, simdKernels, type SimdKernels } from './simd-kernels';

/** The product's sizes once batch dimensions are flattened, as tfjs's kernel sees it. */
export interface MatMulGeometry {
  readonly batchA: number;
  readonly batchB: number;
  /** Rows of the output, columns of the output, and the shared dimension summed over. */
  readonly m: number;
  readonly n: number;
  readonly depth: number;
  readonly outShape: number[];
}

/** The geometry of a BatchMatMul, or null where the shapes do not multiply or broadcast. */
export function matMulGeometry(aShape: readonly number[], bShape: readonly number[], transposeA: boolean, transposeB: boolean): MatMulGeometry | null {
  const aRank = aShape.length;
  const bRank = bShape.length;
  if (aRank < 2 || bRank < 2) return null;
  const depth = transposeA ? aShape[aRank - 2] : aShape[aRank - 1];
  if (depth !== (transposeB ? bShape[bRank - 1] : bShape[bRank - 2])) return null;
  const m = transposeA ? aShape[aRank - 1] : aShape[aRank - 2];
  const n = transposeB ? bShape[bRank - 2] : bShape[bRank - 1];
  const outerA = aShape.slice(0, -2);
  const outerB = bShape.slice(0, -2);
  const batchA = util.sizeFromShape(outerA);
  const batchB = util.sizeFromShape(outerB);
  // Only what tfjs's loop itself handles: equal batch shapes, or one side a single matrix.
  let outer: number[];
  if (batchA === 1 && outerA.length <= outerB.length) outer = outerB;
  else if (batchB === 1 && outerB.length <= outerA.length) outer = outerA;
  else if (outerA.length === outerB.length && outerA.every((d, i) => d === outerB[i])) outer = outerA;
  else return null;
  return { batchA, batchB, m, n, depth, outShape: [...outer, m, n] };
}

/**
 * a x b (with the transposes asked for) into a new tensor, matrix by matrix. The right operand must be row-major
 * [depth, n], so a transposed b is first copied the other way round (a few hundred thousand floats, next to
 * hundreds of millions of multiplications); the left one is read in place through its strides.
 */
export function batchMatMulSimd(backend: BackendWasm, simd: SimdKernels, a: TensorInfo, b: TensorInfo,
  transposeA: boolean, transposeB: boolean, g: MatMulGeometry): TensorInfo {
  const { m, n, depth, batchA, batchB } = g;
  const batch = Math.max(batchA, batchB);
  const out = backend.makeOutput(g.outShape, 'float32');
  const bt = transposeB ? backend.makeOutput([batchB, depth, n], 'float32') : null;
  const aBase = heapOffset(backend, a);
  const bBase = bt ? heapOffset(backend, bt) : heapOffset(backend, b);
  if (bt) {
    const src = heapOffset(backend, b);
    for (let i = 0; i < batchB; i++) simd.transpose2d(src + i * n * depth * 4, bBase + i * n * depth * 4, n, depth);
  }
  const cBase = heapOffset(backend, out);
  const [rowStride, depthStride] = transposeA ? [1, m] : [depth, 1];
  for (let i = 0; i < batch; i++) {
    simd.matMulBlocked(aBase + (i % batchA) * m * depth * 4, rowStride, depthStride,
      bBase + (i % batchB) * depth * n * 4, cBase + i * m * n * 4, m, n, depth);
  }
  if (bt) backend.disposeData(bt.dataId);
  return out;
}

/**
 * Wraps the stock BatchMatMul: the products it would run in its scalar loop (an operand transposed, or a
 * batch of matrices) run `batchMatMulSimd`; an untransposed single product stays on XNNPACK, and anything
 * else (other dtypes, no SIMD) on the original.
 */
export function makeBatchMatMul(original: KernelFunc): KernelFunc {
  return (args) => {
    const backend = args.backend as BackendWasm;
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = args.attrs as unknown as BatchMatMulAttrs;
    if (a.dtype !== 'float32' || b.dtype !== 'float32') return original(args);
    const g = matMulGeometry(a.shape, b.shape, transposeA, transposeB);
    if (!g || (!transposeA && !transposeB && g.batchA === 1 && g.batchB === 1)) return original(args);
    if (g.m * g.n * g.depth === 0) return original(args);
    const simd = simdKernels(backend);
    if (!simd) return original(args);
    return batchMatMulSimd(backend, simd, a, b, transposeA, transposeB, g);
  };
}
