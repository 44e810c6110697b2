/**
 * Colorization's per-pixel cross-entropy and score on Pretext Lab's WASM kernels. tfjs builds the loss from
 * about twenty kernels over [b*784, 5] logits (Max, broadcasting Subs, Exp, Sum, Log, OneHot, Cast, Mul, Neg,
 * and as many again for the gradient); here it is four passes forward (ours, then tfjs's own Exp, Sum and Log)
 * and one back (ours). Every float32 operation of the loss and the score is one tfjs's graph did, in the same
 * order, and the exponentials and logarithms are tfjs's own kernels, so they come out the same to the bit. The
 * gradient takes the softmax as the forward pass's exponentials over their sum, where tfjs's graph took the
 * exponential of the log-softmax: the same number, up to float32's last bit, without a second exponential of
 * every logit (pixel-cross-entropy.test.ts compares all three with the graph on random logits).
 */
import * as tf from '#tf';
import { getKernel, registerKernel, util, type KernelFunc, type TensorInfo } from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapOffset, requireSimdKernels, simdKernelsActive } from './simd-kernels';

const SHIFT = 'PretextSoftmaxShift';
const CROSS_ENTROPY = 'PretextPixelCrossEntropy';
const CROSS_ENTROPY_GRAD = 'PretextPixelCrossEntropyGrad';
const WEIGHTS = 'PretextPixelWeights';
const SCORE = 'PretextPixelScore';

/** The two float32 weights a pixel can have, as tfjs rounded them: mask * (1 - outside) + outside. */
interface WeightAttrs {
  readonly maskWeight: number;
  readonly outsideWeight: number;
}

const shift: KernelFunc = ({ inputs, backend: b }) => {
  const backend = b as BackendWasm;
  const { x } = inputs as { x: TensorInfo };
  const out = backend.makeOutput(x.shape, 'float32');
  const [rows, classes] = x.shape;
  requireSimdKernels(backend, SHIFT).softmaxShift(heapOffset(backend, x), heapOffset(backend, out), rows, classes);
  return out;
};

const crossEntropy: KernelFunc = ({ inputs, backend: b, attrs }) => {
  const backend = b as BackendWasm;
  const { shifted, logSum, targets } = inputs as { shifted: TensorInfo; logSum: TensorInfo; targets: TensorInfo };
  const { maskWeight, outsideWeight } = attrs as unknown as WeightAttrs;
  const [pixels, classes] = shifted.shape;
  const value = backend.makeOutput(shifted.shape, 'float32');
  const weighted = backend.makeOutput([targets.shape[0], pixels / targets.shape[0]], 'float32');
  const scratch = backend.makeOutput([pixels], 'float32');
  requireSimdKernels(backend, CROSS_ENTROPY).pixelCrossEntropy(heapOffset(backend, shifted), heapOffset(backend, logSum),
    heapOffset(backend, targets), heapOffset(backend, value), heapOffset(backend, weighted), heapOffset(backend, scratch),
    pixels, classes, maskWeight, outsideWeight);
  backend.disposeData(scratch.dataId);
  return [value, weighted];
};

const weights: KernelFunc = ({ inputs, backend: b, attrs }) => {
  const backend = b as BackendWasm;
  const { targets } = inputs as { targets: TensorInfo };
  const { maskWeight, outsideWeight } = attrs as unknown as WeightAttrs;
  const rows = targets.shape[0];
  const pixels = util.sizeFromShape(targets.shape) / 2;
  const out = backend.makeOutput([rows, pixels / rows], 'float32');
  const t = backend.typedArrayFromHeap(targets) as Float32Array;
  const w = backend.typedArrayFromHeap(out) as Float32Array;
  for (let i = 0; i < pixels; i++) w[i] = Math.fround(Math.fround(t[2 * i + 1] * maskWeight) + outsideWeight);
  return out;
};

const crossEntropyGrad: KernelFunc = ({ inputs, backend: b, attrs }) => {
  const backend = b as BackendWasm;
  const { dy, exps, sums, targets } = inputs as { dy: TensorInfo; exps: TensorInfo; sums: TensorInfo; targets: TensorInfo };
  const { maskWeight, outsideWeight } = attrs as unknown as WeightAttrs;
  const [pixels, classes] = exps.shape;
  const dx = backend.makeOutput(exps.shape, 'float32');
  requireSimdKernels(backend, CROSS_ENTROPY_GRAD).pixelCrossEntropyGrad(heapOffset(backend, dy), heapOffset(backend, exps),
    heapOffset(backend, sums), heapOffset(backend, targets), heapOffset(backend, dx), pixels, classes, maskWeight, outsideWeight);
  return dx;
};

const score: KernelFunc = ({ inputs, backend: b }) => {
  const backend = b as BackendWasm;
  const { logits, targets } = inputs as { logits: TensorInfo; targets: TensorInfo };
  const [pixels, classes] = logits.shape;
  const rows = targets.shape[0];
  const out = backend.makeOutput([rows], 'float32');
  requireSimdKernels(backend, SCORE).pixelScore(heapOffset(backend, logits), heapOffset(backend, targets), heapOffset(backend, out),
    rows, pixels / rows, classes);
  return out;
};

/** Registers the per-pixel cross-entropy's kernels on WASM (once). */
export function registerPixelCrossEntropyKernels(): void {
  const kernels: [string, KernelFunc][] = [[SHIFT, shift], [CROSS_ENTROPY, crossEntropy], [CROSS_ENTROPY_GRAD, crossEntropyGrad],
    [WEIGHTS, weights], [SCORE, score]];
  for (const [kernelName, kernelFunc] of kernels) {
    if (!getKernel(kernelName, 'wasm')) registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
  }
}

/** The fused kernels run here: WASM with our kernels, float32 logits and packed float32 targets. */
function fusedHere(logits: tf.Tensor, targets: tf.Tensor): boolean {
  return logits.dtype === 'float32' && targets.dtype === 'float32' && simdKernelsActive(tf.backend());
}

/**
 * Each pixel's cross-entropy times its weight, [rows, pixels], and the weights, from logits [rows * pixels,
 * classes] and targets packed as (class, mask) float pairs [rows, ..., 2] (mask pixels weigh 1, others
 * `outsideWeight`); null where the kernels do not run, and the caller builds the same thing from tfjs ops.
 * The gradient flows to the logits only.
 */
export function fusedPixelCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor, outsideWeight: number): { weighted: tf.Tensor2D; weights: tf.Tensor2D } | null {
  if (!fusedHere(logits, targets)) return null;
  // tfjs made these two float32 scalars from the JavaScript numbers; the kernels round the same way.
  const attrs = { maskWeight: Math.fround(1 - outsideWeight), outsideWeight: Math.fround(outsideWeight) };
  const engine = tf.engine();
  const crossEntropyOp = tf.customGrad((x, save) => {
    const shifted = engine.runKernel(SHIFT, { x: x as tf.Tensor }) as tf.Tensor2D;
    // tfjs's own Exp, Sum and Log, as its logSoftmax runs them: the same exponentials to the bit.
    const exps = tf.exp(shifted);
    const sums = tf.sum(exps, 1, true);
    const [, weighted] = engine.runKernel(CROSS_ENTROPY, { shifted, logSum: tf.log(sums), targets }, attrs) as tf.Tensor[];
    // The backward pass needs the softmax: dividing these is one pass, where exp(log-softmax) was a second
    // exponential over every logit.
    (save as tf.GradSaveFunc)([exps, sums]);
    return {
      value: weighted,
      gradFunc: (dy, [savedExps, savedSums]) =>
        engine.runKernel(CROSS_ENTROPY_GRAD, { dy: dy as tf.Tensor, exps: savedExps, sums: savedSums, targets }, attrs) as tf.Tensor,
    };
  });
  // Named as an op, so profiles (src/bench/task-profile.ts) can leave out the wrapper's time around its kernels.
  const weighted = tf.op({ pixelCrossEntropy: (x: tf.Tensor2D) => crossEntropyOp(x) as tf.Tensor2D })(logits);
  const weights = engine.runKernel(WEIGHTS, { targets }, attrs) as tf.Tensor2D;
  return { weighted, weights };
}

/**
 * Per row, the share of its mask pixels whose largest logit is their class, from logits [rows * pixels, classes]
 * and packed targets; null where the kernels do not run.
 */
export function fusedPixelScore(logits: tf.Tensor2D, targets: tf.Tensor): tf.Tensor1D | null {
  if (!fusedHere(logits, targets)) return null;
  return tf.engine().runKernel(SCORE, { logits, targets }) as tf.Tensor1D;
}
