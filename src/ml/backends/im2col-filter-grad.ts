/**
 * dL/dW of a convolution with few taps per output (the lecture's first layer: 3x3 over one grey channel,
 * 9 taps) as one matrix product, instead of the transposed-convolution route of wasm-kernels.ts.
 */
import { backend_util, getKernel, type KernelBackend, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** Up to this many taps (KH x KW x Ci) the patch matrix is small enough to build in JavaScript. */
export const MAX_IM2COL_TAPS = 32;

function run(name: string, backend: KernelBackend, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap = {}): TensorInfo {
  const kernel = getKernel(name, 'wasm');
  if (!kernel) throw new Error(`wasm backend has no '${name}' kernel`);
  return kernel.kernelFunc({ inputs, backend, attrs }) as TensorInfo;
}

/**
 * The patch matrix, transposed: row k = (kh, kw, ci) in the filter's own order, column n = (b, oh, ow),
 * holding the input pixel that tap k saw at output position n (0 in the padding). Rows are written one at
 * a time, so the writes run straight through memory.
 */
function patchesTransposed(backend: BackendWasm, x: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const columns = batchSize * outHeight * outWidth;
  const out = backend.makeOutput([filterHeight * filterWidth * inChannels, columns], 'float32');
  const src = backend.typedArrayFromHeap(x) as Float32Array;
  const dst = backend.typedArrayFromHeap(out) as Float32Array;
  let k = 0;
  for (let ky = 0; ky < filterHeight; ky++) {
    for (let kx = 0; kx < filterWidth; kx++) {
      for (let ci = 0; ci < inChannels; ci++, k++) {
        let n = k * columns;
        for (let b = 0; b < batchSize; b++) {
          for (let oh = 0; oh < outHeight; oh++) {
            const ih = oh * strideHeight + ky - top;
            if (ih < 0 || ih >= inHeight) {
              dst.fill(0, n, n + outWidth);
              n += outWidth;
              continue;
            }
            const rowBase = (b * inHeight + ih) * inWidth;
            for (let ow = 0; ow < outWidth; ow++, n++) {
              const iw = ow * strideWidth + kx - left;
              dst[n] = iw >= 0 && iw < inWidth ? src[(rowBase + iw) * inChannels + ci] : 0;
            }
          }
        }
      }
    }
  }
  return out;
}

/**
 * dW[kh,kw,ci,co] = sum over (b, oh, ow) of patch[(b,oh,ow), (kh,kw,ci)] * dy[(b,oh,ow), co]: the patch
 * matrix, transposed, times the output gradient seen as a (B*OH*OW) x Co matrix. The product's long inner
 * dimension (37,632 for the first layer at batch 192) is what XNNPACK's matrix multiply is fast at; the
 * convolution route instead runs a 14x14 "filter" with 192 channels over a 1-channel image, which XNNPACK
 * handles far below its speed (it also re-packs that big filter every step).
 */
export function conv2DBackpropFilterIm2col(backend: BackendWasm, x: TensorInfo, dy: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo {
  const patches = patchesTransposed(backend, x, info);
  const rows = info.batchSize * info.outHeight * info.outWidth;
  const dy2 = run('Reshape', backend, { x: dy }, { shape: [rows, info.outChannels] });
  const product = run('BatchMatMul', backend, { a: patches, b: dy2 }, { transposeA: false, transposeB: false });
  const dw = run('Reshape', backend, { x: product }, { shape: [info.filterHeight, info.filterWidth, info.inChannels, info.outChannels] });
  for (const t of [patches, dy2, product]) backend.disposeData(t.dataId);
  return dw;
}

/** True when the im2col route applies: NHWC float32, no dilation, and few enough taps. */
export function useIm2col(x: TensorInfo, info: backend_util.Conv2DInfo): boolean {
  return x.dtype === 'float32' && info.dilationHeight === 1 && info.dilationWidth === 1
    && info.filterHeight * info.filterWidth * info.inChannels <= MAX_IM2COL_TAPS;
}
