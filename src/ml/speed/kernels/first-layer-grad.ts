/**
 * The filter gradient of the lecture's first convolution (one input channel, 3x3 kernels, 64 filters), and of the
 * task heads' small convolutions, on
 * Pretext Lab's own SIMD kernel. The general path in wasm-kernels.ts computes it as an XNNPACK convolution
 * of the images with the output gradient; with one input channel that convolution is a poor fit for
 * XNNPACK (9 output pixels, a 14x14x192 window each) and was one of the costliest kernels of a step. This
 * does the same products, summed in the same order, in a loop shaped for them (the bench's profile shows the gain).
 */
import type { backend_util, TensorInfo } from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapOffset, simdKernels } from './simd-kernels';

/**
 * True when the output map is small enough (at most 4x4 pixels: the task heads' Conv2D(16, stride 2) on 3x3
 * features) that XNNPACK's way (transposes, an operator built per call) costs more than the products: there
 * `smallConvFilterGrad` sums in place, in the same order. Output channels must come in fours.
 */
export function fitsSmallConvGrad(info: backend_util.Conv2DInfo): boolean {
  return info.outHeight * info.outWidth <= 16 && info.outChannels % 4 === 0
    && info.dilationHeight === 1 && info.dilationWidth === 1 && info.dataFormat === 'channelsLast';
}

/** The filter gradient of a small convolution (see fitsSmallConvGrad); null (nothing allocated) without the SIMD kernels. */
export function smallConvFilterGrad(backend: BackendWasm, x: TensorInfo, dy: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo | null {
  const simd = simdKernels(backend);
  if (!simd) return null;
  const dw = backend.makeOutput([info.filterHeight, info.filterWidth, info.inChannels, info.outChannels], 'float32');
  simd.smallConvFilterGrad(heapOffset(backend, x), heapOffset(backend, dy), heapOffset(backend, dw), info.batchSize,
    info.inHeight, info.inWidth, info.inChannels, info.outHeight, info.outWidth, info.outChannels,
    info.filterHeight, info.filterWidth, info.strideHeight, info.strideWidth, info.padInfo.top, info.padInfo.left);
  return dw;
}

/** True when `conv1FilterGrad` handles this geometry: one input channel, 3-wide kernels, 16k filters, equal strides, no dilation. */
export function fitsFirstLayerGrad(info: backend_util.Conv2DInfo): boolean {
  return info.inChannels === 1 && info.filterWidth === 3 && info.outChannels % 16 === 0
    && info.strideHeight === info.strideWidth && info.dilationHeight === 1 && info.dilationWidth === 1
    && info.dataFormat === 'channelsLast';
}

/**
 * dW[kh, kw, 0, co] = sum over (oh, ow, b) of x[b, oh*s + kh - top, ow*s + kw - left] * dy[b, oh, ow, co],
 * zeros outside the image. Returns null (and allocates nothing) where the SIMD kernels cannot run.
 */
export function firstLayerFilterGrad(backend: BackendWasm, x: TensorInfo, dy: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo | null {
  const simd = simdKernels(backend);
  if (!simd) return null;
  const { batchSize, inHeight, inWidth, outHeight, outWidth, outChannels, filterHeight, strideHeight } = info;
  // Exactly the rows and columns some window reaches, padding included.
  const paddedHeight = (outHeight - 1) * strideHeight + filterHeight;
  const paddedWidth = (outWidth - 1) * strideHeight + 3;
  // Offsets survive a heap growth (they are positions, not views), so allocating everything first is
  // for clarity, not safety.
  const xp = backend.makeOutput([paddedHeight, paddedWidth, batchSize], 'float32');
  const dyt = backend.makeOutput([outHeight * outWidth, batchSize, outChannels], 'float32');
  const dw = backend.makeOutput([filterHeight, 3, 1, outChannels], 'float32');
  simd.padTransposeImages(heapOffset(backend, x), heapOffset(backend, xp), batchSize, inHeight, inWidth,
    paddedHeight, paddedWidth, info.padInfo.top, info.padInfo.left);
  simd.batchToMiddle(heapOffset(backend, dy), heapOffset(backend, dyt), batchSize, outHeight * outWidth, outChannels);
  simd.conv1FilterGrad3(heapOffset(backend, xp), heapOffset(backend, dyt), heapOffset(backend, dw), batchSize,
    outHeight, outWidth, paddedWidth, filterHeight, strideHeight, outChannels);
  backend.disposeData(xp.dataId);
  backend.disposeData(dyt.dataId);
  return dw;
}
