import {
  backend_util,
  getKernel,
  registerKernel,
  unregisterKernel,
  type Conv2DBackpropFilterAttrs,
  type Conv2DBackpropInputAttrs,
  type KernelBackend,
  type KernelFunc,
  type NamedAttrMap,
  type TensorInfo,
} from '#tf';
// Side effect: registers the wasm backend and its kernels, which we wrap below.
import '@tensorflow/tfjs-backend-wasm';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { registerFusedOptimizerKernels } from './fused-optimizers';
import { makeAdd, registerReluGradient } from './elementwise-kernels';
import { registerPixelCrossEntropyKernels } from './pixel-cross-entropy';
import { stridedConvInputGrad } from './conv-input-grad';
import { firstLayerFilterGrad, fitsFirstLayerGrad, fitsSmallConvGrad, smallConvFilterGrad } from './first-layer-grad';
import { makeBatchMatMul } from './matmul-kernels';
import { makeMaxPoolGrad } from './pool-kernels';
import { heapOffset, simdKernels } from './simd-kernels';
import { makeSlice, makeSplitV } from './slice-kernels';
import { makeSum } from './sum-kernel';

const WASM = 'wasm';
type Shape4 = [number, number, number, number];

/** Runs one of the wasm backend's own registered kernels on raw TensorInfos. */
function run(name: string, backend: KernelBackend, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap = {}): TensorInfo {
  const kernel = getKernel(name, WASM);
  if (!kernel) throw new Error(`wasm backend has no '${name}' kernel`);
  const out = kernel.kernelFunc({ inputs, backend, attrs });
  if (Array.isArray(out)) throw new Error(`'${name}' returned several outputs`);
  return out;
}

function free(backend: KernelBackend, ...infos: TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

function convInfo(xShape: number[], filterShape: number[], attrs: Conv2DBackpropFilterAttrs | Conv2DBackpropInputAttrs): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(
    xShape as Shape4, filterShape as Shape4, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast');
}

/**
 * x [B, H, W, C] as [C, H, W, B] (`batchLast`) or [H, W, B, C] (`batchMiddle`): pure copies, on the SIMD kernels
 * where they run (a tiled transpose, and whole-row moves), else on the backend's own Transpose, whose scalar
 * loops took about a tenth of the second convolution's filter gradient.
 */
function moveAxes(backend: KernelBackend, x: TensorInfo, to: 'batchLast' | 'batchMiddle'): TensorInfo {
  const simd = simdKernels(backend as BackendWasm);
  const [b, h, w, c] = x.shape;
  if (!simd || x.dtype !== 'float32') return run('Transpose', backend, { x }, { perm: to === 'batchLast' ? [3, 1, 2, 0] : [1, 2, 0, 3] });
  const wasm = backend as BackendWasm;
  const out = wasm.makeOutput(to === 'batchLast' ? [c, h, w, b] : [h, w, b, c], 'float32');
  if (to === 'batchLast') simd.swapOuterAxes(heapOffset(wasm, x), heapOffset(wasm, out), b, h * w, c);
  else simd.batchToMiddle(heapOffset(wasm, x), heapOffset(wasm, out), b, h * w, c);
  return out;
}

/**
 * dL/dW for a convolution. Every weight W[kh,kw,ci,co] touched one input pixel
 * in every output position, so its gradient is the sum over the batch and all
 * output positions of (input pixel under that tap) x (output gradient):
 *
 *   dW[kh,kw,ci,co] = sum_{b,oh,ow} x[b, oh*s+kh-top, ow*s+kw-left, ci] * dy[b,oh,ow,co]
 *
 * That is a correlation of the input with the output gradient, and it is itself
 * a convolution once you swap the roles of the axes: treat the Ci input channels
 * as the batch, the B images as the channels, and dy as a (OH x OW)-sized filter
 * applied with dilation = stride. The result is a tiny KH x KW "image" per
 * input channel. Written that way, the wasm backend's own Conv2D (XNNPACK, SIMD)
 * does the whole reduction, with no im2col copy of the input materialised.
 *
 * The textbook alternative, im2col (KH*KW shifted copies of x side by side)
 * followed by one matmul, also works, but is slower here: the copies
 * are JavaScript loops, and wasm's BatchMatMul only reaches XNNPACK when
 * neither side is transposed, re-packing its right operand on every call.
 */
const conv2DBackpropFilter: KernelFunc = ({ inputs, backend: b, attrs }) => {
  const backend = b as KernelBackend;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const a = attrs as unknown as Conv2DBackpropFilterAttrs;
  if (a.dataFormat !== 'NHWC') {
    throw new Error(`wasm Conv2DBackpropFilter only supports dataFormat 'NHWC', got '${a.dataFormat}'`);
  }
  const info = convInfo(x.shape, a.filterShape, a);
  if (fitsFirstLayerGrad(info)) {
    const dw = firstLayerFilterGrad(backend as BackendWasm, x, dy, info);
    if (dw) return dw;
  }
  if (fitsSmallConvGrad(info)) {
    const dw = smallConvFilterGrad(backend as BackendWasm, x, dy, info);
    if (dw) return dw;
  }
  const [kh, kw] = a.filterShape;
  const { top, left } = info.padInfo;
  // Padding (or cropping, if negative) so that the last window ends exactly at the edge.
  const bottom = (info.outHeight - 1) * info.strideHeight + kh - info.inHeight - top;
  const right = (info.outWidth - 1) * info.strideWidth + kw - info.inWidth - left;
  let input = x;
  if (bottom < 0 || right < 0) {
    // Trailing rows/columns that no window ever reaches contribute nothing: drop them.
    const size = [info.batchSize, info.inHeight + Math.min(bottom, 0), info.inWidth + Math.min(right, 0), info.inChannels];
    input = run('Slice', backend, { x }, { begin: [0, 0, 0, 0], size });
  }
  const xT = moveAxes(backend, input, 'batchLast'); // [Ci, H, W, B]
  const dyT = moveAxes(backend, dy, 'batchMiddle'); // [OH, OW, B, Co]
  const pad = [[0, 0], [top, Math.max(bottom, 0)], [left, Math.max(right, 0)], [0, 0]];
  const dilations = [info.strideHeight, info.strideWidth];
  const dwT = run('Conv2D', backend, { x: xT, filter: dyT }, { strides: 1, dilations, pad, dataFormat: 'NHWC' }); // [Ci, KH, KW, Co]
  const dw = run('Transpose', backend, { x: dwT }, { perm: [1, 2, 0, 3] }); // [KH, KW, Ci, Co]
  free(backend, xT, dyT, dwT);
  if (input !== x) free(backend, input);
  return dw;
};

/**
 * dL/dx for a stride-1 convolution is the output gradient convolved with the
 * same filter turned around: flipped in space (a tap that pushed x right now
 * pulls dy left) and with in/out channels swapped. The stock wasm kernel for
 * this is a plain C++ loop; routing stride 1 through the XNNPACK Conv2D is
 * several times faster. Other strides run the stock kernel's own loop on our SIMD kernel (conv-input-grad.ts);
 * NCHW, and engines without WASM SIMD, keep the original kernel.
 */
function makeConv2DBackpropInput(original: KernelFunc): KernelFunc {
  return (args) => {
    const backend = args.backend as KernelBackend;
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    const a = args.attrs as unknown as Conv2DBackpropInputAttrs;
    if (a.dataFormat !== 'NHWC') return original(args);
    const info = convInfo(a.inputShape, filter.shape, a);
    const [kh, kw] = filter.shape;
    const top = kh - 1 - info.padInfo.top;
    const left = kw - 1 - info.padInfo.left;
    const bottom = info.inHeight - info.outHeight + kh - 1 - top;
    const right = info.inWidth - info.outWidth + kw - 1 - left;
    if (info.strideHeight !== 1 || info.strideWidth !== 1 || Math.min(top, left, bottom, right) < 0) {
      return stridedConvInputGrad(backend as BackendWasm, dy, filter, info) ?? original(args);
    }
    const flipped = run('Reverse', backend, { x: filter }, { dims: [0, 1] });
    const turned = run('Transpose', backend, { x: flipped }, { perm: [0, 1, 3, 2] }); // [KH, KW, Co, Ci]
    const pad = [[0, 0], [top, bottom], [left, right], [0, 0]];
    const dx = run('Conv2D', backend, { x: dy, filter: turned }, { strides: 1, dilations: 1, pad, dataFormat: 'NHWC' });
    free(backend, flipped, turned);
    return dx;
  };
}

/** A new tensor on `x`'s data, counted as one more reference (how the backend's own Reshape works). */
function shareData(backend: BackendWasm, x: TensorInfo): TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/**
 * tfjs clones every tensor a gradient will need (the engine's "save for backward" is an Identity), and the
 * stock WASM Identity copies the data: 2.4M floats per training step at the lecture's first layer. No
 * WASM kernel writes into its inputs, so a clone can share the data and count one more reference, as
 * the backend's own Reshape does (and tfjs's CPU backend's Identity).
 */
function makeIdentity(original: KernelFunc): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    if (x.dtype === 'string') return original(args);
    return shareData(args.backend as BackendWasm, x);
  };
}

/**
 * A cast to the type a tensor already has (ReLU's gradient is dy * cast(step(x), 'float32'), and step is
 * already float32) is a copy on stock WASM; like Identity, it can share the data.
 */
function makeCast(original: KernelFunc): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { dtype } = args.attrs as { dtype?: string };
    if (x.dtype === 'string' || x.dtype !== dtype) return original(args);
    return shareData(args.backend as BackendWasm, x);
  };
}

/** Replaces a stock wasm kernel by `make(original)`, keeping its setup (needed if the backend initialises later). */
function wrapKernel(name: string, make: (original: KernelFunc) => KernelFunc): void {
  const original = getKernel(name, WASM);
  if (!original) return;
  unregisterKernel(name, WASM);
  registerKernel({ ...original, kernelFunc: make(original.kernelFunc) });
}

/**
 * Whether the WASM backend's `Conv2DBackpropFilter` is this module's: false when none is registered, or when
 * tfjs itself ships one (then this shim can go). Lets a test tell the two apart after another test registered ours.
 */
export function ownsWasmFilterGradient(): boolean {
  return getKernel('Conv2DBackpropFilter', WASM)?.kernelFunc === conv2DBackpropFilter;
}

/**
 * The WebAssembly backend of TensorFlow.js 4.22 can run a convolution forward
 * but ships no `Conv2DBackpropFilter` kernel, so the first training step of any
 * CNN on it throws. This registers that missing kernel, and a faster stride-1
 * `Conv2DBackpropInput`, built only from the backend's own fast kernels
 * (Conv2D, Transpose, Reverse, Slice): no per-element JavaScript, and the heavy
 * arithmetic always lands in XNNPACK's SIMD convolution. It also replaces
 * `MaxPoolGrad` for the 2x2 stride-2 pool by a single pass (pool-kernels.ts), and
 * `Sum` over leading axes (bias gradients) by one without a transpose (sum-kernel.ts), lets `Identity`
 * and a same-type `Cast` share their input's data instead of copying it, adds biases and computes ReLU's
 * gradient in one SIMD pass each (elementwise-kernels.ts), runs the transposed products of a Dense layer's
 * backward pass on SIMD kernels in tfjs's own float order (matmul-kernels.ts), cuts a tensor along its last
 * axis in one pass (slice-kernels.ts: the pixel objectives split targets from masks every step), and registers the one-kernel optimiser updates
 * (fused-optimizers.ts).
 *
 * Safe to call more than once, and before or after `tf.setBackend('wasm')`.
 */
export function registerWasmTrainingKernels(): void {
  if (getKernel('Conv2DBackpropFilter', WASM)) return;
  registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: WASM, kernelFunc: conv2DBackpropFilter });
  wrapKernel('Conv2DBackpropInput', makeConv2DBackpropInput);
  wrapKernel('MaxPoolGrad', makeMaxPoolGrad);
  wrapKernel('Sum', makeSum);
  wrapKernel('Identity', makeIdentity);
  wrapKernel('Cast', makeCast);
  wrapKernel('Add', makeAdd);
  wrapKernel('BatchMatMul', makeBatchMatMul);
  wrapKernel('Slice', makeSlice);
  wrapKernel('SplitV', makeSplitV);
  registerFusedOptimizerKernels();
  registerReluGradient();
  registerPixelCrossEntropyKernels();
}
