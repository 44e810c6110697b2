/**
 * The two element-wise passes a convolution layer adds around every training step, on Pretext Lab's SIMD
 * kernels: the bias added to every pixel (forward), and ReLU's gradient (backward). At the lecture's first
 * layer each touches 2.4M floats per step; the stock paths are a generic broadcasting Add, and three
 * kernels (Step, Cast, Multiply) for the gradient. Both do the same float32 operation per element as
 * before, so the numbers do not change (elementwise-kernels.test.ts).
 */
import * as tf from '#tf';
import { getKernel, registerGradient, registerKernel, util, type KernelFunc, type TensorInfo } from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapOffset, requireSimdKernels, simdKernels, simdKernelsActive } from './simd-kernels';

const RELU_GRAD = 'PretextReluGrad';

/** If `a + b` is a float32 tensor plus a vector along its last axis, which is which; else null. */
function biasPair(a: TensorInfo, b: TensorInfo): { x: TensorInfo; bias: TensorInfo } | null {
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  const isBias = (v: TensorInfo, x: TensorInfo): boolean =>
    v.shape.length === 1 && x.shape.length >= 2 && v.shape[0] === x.shape[x.shape.length - 1] && v.shape[0] > 0;
  if (isBias(b, a)) return { x: a, bias: b };
  if (isBias(a, b)) return { x: b, bias: a }; // float addition is commutative, so bias + x is the same sum
  return null;
}

/** Wraps the stock Add: x + bias-vector runs `addBias`; anything else the original. */
export function makeAdd(original: KernelFunc): KernelFunc {
  return (args) => {
    const backend = args.backend as BackendWasm;
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const pair = biasPair(a, b);
    const simd = pair ? simdKernels(backend) : null;
    if (!pair || !simd) return original(args);
    const width = pair.bias.shape[0];
    const out = backend.makeOutput(pair.x.shape, 'float32');
    simd.addBias(heapOffset(backend, pair.x), heapOffset(backend, pair.bias), heapOffset(backend, out),
      util.sizeFromShape(pair.x.shape) / width, width);
    return out;
  };
}

const reluGrad: KernelFunc = ({ inputs, backend: b }) => {
  const backend = b as BackendWasm;
  const { dy, x } = inputs as { dy: TensorInfo; x: TensorInfo };
  const simd = requireSimdKernels(backend, RELU_GRAD);
  const out = backend.makeOutput(x.shape, 'float32');
  simd.reluGrad(heapOffset(backend, dy), heapOffset(backend, x), heapOffset(backend, out), util.sizeFromShape(x.shape));
  return out;
};

/**
 * Registers `PretextReluGrad` on WASM and makes it ReLU's gradient there. The gradient registry is
 * tfjs's, shared by every backend, so elsewhere (or without SIMD, or for non-float32) the replacement
 * computes exactly what tfjs's own ReLU gradient does: dy * cast(step(x), 'float32').
 */
export function registerReluGradient(): void {
  if (getKernel(RELU_GRAD, 'wasm')) return;
  registerKernel({ kernelName: RELU_GRAD, backendName: 'wasm', kernelFunc: reluGrad });
  registerGradient({
    kernelName: 'Relu',
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => {
      const [x] = saved;
      const single = dy as tf.Tensor;
      return {
        x: () => (x.dtype === 'float32' && single.dtype === 'float32' && simdKernelsActive(tf.backend())
          ? tf.engine().runKernel(RELU_GRAD, { dy: single, x }) as tf.Tensor
          : tf.mul(single, tf.cast(tf.step(x), 'float32'))),
      };
    },
  });
}
