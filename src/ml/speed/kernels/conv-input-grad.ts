/**
 * dL/dx of a strided convolution (the rotation and jigsaw heads' Conv2D(16, stride 2)) on Pretext Lab's SIMD
 * kernel. Stride 1 goes through XNNPACK (wasm-kernels.ts); any other stride ran tfjs-wasm's scalar loop, which at
 * batch 192 took longer than that layer's forward and filter gradient together. This runs the same loop, the same
 * float order per output, four input channels per vector, so the numbers are the same to the bit.
 */
import type { backend_util, TensorInfo } from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapOffset, simdKernels } from './simd-kernels';

/**
 * dx for `info`'s convolution (NHWC, no dilation) from dy and the filter [fh, fw, inC, outC]. Returns null (and
 * allocates nothing) where the SIMD kernels cannot run.
 */
export function stridedConvInputGrad(backend: BackendWasm, dy: TensorInfo, filter: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo | null {
  const simd = simdKernels(backend);
  if (!simd || info.dataFormat !== 'channelsLast' || info.dilationHeight !== 1 || info.dilationWidth !== 1) return null;
  const { filterHeight, filterWidth, inChannels, outChannels } = info;
  const out = backend.makeOutput(info.inShape, 'float32');
  const wt = backend.makeOutput([filterHeight, filterWidth, outChannels, inChannels], 'float32');
  // Each tap's [inC, outC] block turned to [outC, inC], so a vector holds four input channels of one weight row.
  const tap = inChannels * outChannels * 4;
  const src = heapOffset(backend, filter);
  const dst = heapOffset(backend, wt);
  for (let t = 0; t < filterHeight * filterWidth; t++) simd.transpose2d(src + t * tap, dst + t * tap, inChannels, outChannels);
  simd.convInputGrad(heapOffset(backend, dy), dst, heapOffset(backend, out), info.batchSize, info.inHeight, info.inWidth, inChannels,
    info.outHeight, info.outWidth, outChannels, filterHeight, filterWidth, info.strideHeight, info.strideWidth,
    filterHeight - 1 - info.padInfo.top, filterWidth - 1 - info.padInfo.left);
  backend.disposeData(wt.dataId);
  return out;
}
