/**
 * tfjs's Adam and momentum SGD, with each weight tensor's update done by one kernel on the WASM backend
 * instead of four (momentum) or about fourteen (Adam).
 *
 * The lecture's models have 8 weight tensors, so stock Adam runs ~110 small kernels per training step (and
 * uploads a scalar for every constant), each paying tfjs's per-operation bookkeeping; at the supervised
 * baseline's batch of 32 that bookkeeping is a good part of a step. On WASM with Pretext Lab's SIMD kernels,
 * `PretextAdam` and `PretextMomentum` do the same float32 arithmetic in the same order in a single pass, so
 * the weights come out identical to the bit (fused-optimizers.test.ts). Anywhere else (WebGL, WebGPU, CPU,
 * an engine without WASM SIMD) they are tfjs's own optimisers, unchanged: same class names, same state.
 */
import * as tf from '#tf';
import { registerKernel, getKernel, type KernelFunc, type TensorInfo } from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapOffset, requireSimdKernels, simdKernelsActive } from './simd-kernels';

const ADAM = 'PretextAdam';
const MOMENTUM = 'PretextMomentum';

/** Adam's float32 constants, as tfjs rounds the optimiser's settings when it makes them tensors. */
interface AdamAttrs {
  b1: number;
  c1: number;
  b2: number;
  c2: number;
  eps: number;
  nlr: number;
}

const pretextAdam: KernelFunc = ({ inputs, backend: b, attrs }) => {
  const backend = b as BackendWasm;
  const { value, m, v, gradient, accBeta1, accBeta2 } = inputs as Record<string, TensorInfo>;
  const a = attrs as unknown as AdamAttrs;
  const simd = requireSimdKernels(backend, ADAM);
  const outs = [value, m, v].map((t) => backend.makeOutput(t.shape, 'float32'));
  const at = (t: TensorInfo): number => heapOffset(backend, t);
  simd.adamStep(at(value), at(m), at(v), at(gradient), at(accBeta1), at(accBeta2), at(outs[0]), at(outs[1]), at(outs[2]),
    tf.util.sizeFromShape(value.shape), a.b1, a.c1, a.b2, a.c2, a.eps, a.nlr);
  return outs;
};

const pretextMomentum: KernelFunc = ({ inputs, backend: b }) => {
  const backend = b as BackendWasm;
  const { value, accumulation, gradient, momentum, negLearningRate } = inputs as Record<string, TensorInfo>;
  const simd = requireSimdKernels(backend, MOMENTUM);
  const outs = [value, accumulation].map((t) => backend.makeOutput(t.shape, 'float32'));
  const at = (t: TensorInfo): number => heapOffset(backend, t);
  simd.momentumStep(at(value), at(accumulation), at(gradient), at(momentum), at(negLearningRate), at(outs[0]), at(outs[1]),
    tf.util.sizeFromShape(value.shape));
  return outs;
};

/** Registers `PretextAdam` and `PretextMomentum` on the WASM backend (once). */
export function registerFusedOptimizerKernels(): void {
  if (!getKernel(ADAM, 'wasm')) registerKernel({ kernelName: ADAM, backendName: 'wasm', kernelFunc: pretextAdam });
  if (!getKernel(MOMENTUM, 'wasm')) registerKernel({ kernelName: MOMENTUM, backendName: 'wasm', kernelFunc: pretextMomentum });
}

/** True when the current backend can run the fused kernel `name`: WASM with the SIMD kernels. */
function fusedHere(name: string): boolean {
  return getKernel(name, 'wasm') !== undefined && simdKernelsActive(tf.backend());
}

/** A slot variable as tfjs's optimisers keep them (not in their public typings). */
interface Slot {
  originalName: string;
  variable: tf.Variable;
}

/** A zero slot for `value`, made the way tfjs's optimisers make theirs. */
function zeroSlot(name: string, value: tf.Variable): Slot {
  return { originalName: name, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
}

/** What AdamOptimizer keeps per variable. */
interface AdamState {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Array<Slot | undefined>;
  accumulatedSecondMoment: Array<Slot | undefined>;
}

type Gradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

function gradientsOf(variableGradients: Gradients): Array<[string, tf.Tensor | undefined]> {
  return Array.isArray(variableGradients)
    ? variableGradients.map((g) => [g.name, g.tensor])
    : Object.keys(variableGradients).map((name) => [name, variableGradients[name]]);
}

/** Adam as tfjs defines it, one fused kernel per weight tensor on WASM. */
export class FusedAdamOptimizer extends tf.AdamOptimizer {
  override applyGradients(variableGradients: Gradients): void {
    if (!fusedHere(ADAM)) {
      super.applyGradients(variableGradients);
      return;
    }
    const state = this as unknown as AdamState;
    const f = Math.fround;
    // The constants exactly as tfjs's `mul(x, 1 - this.beta1)` and friends turn them into float32 scalars.
    const attrs: AdamAttrs = {
      b1: f(this.beta1), c1: f(1 - this.beta1), b2: f(this.beta2), c2: f(1 - this.beta2),
      eps: f(this.epsilon), nlr: f(-this.learningRate),
    };
    tf.tidy(() => {
      gradientsOf(variableGradients).forEach(([name, gradient], i) => {
        const value = tf.engine().registeredVariables[name];
        state.accumulatedFirstMoment[i] ??= zeroSlot(`${name}/m`, value);
        state.accumulatedSecondMoment[i] ??= zeroSlot(`${name}/v`, value);
        if (gradient == null) return;
        const m = state.accumulatedFirstMoment[i].variable;
        const v = state.accumulatedSecondMoment[i].variable;
        const [newValue, newM, newV] = tf.engine().runKernel(ADAM,
          { value, m, v, gradient, accBeta1: state.accBeta1, accBeta2: state.accBeta2 },
          attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
        m.assign(newM);
        v.assign(newV);
        value.assign(newValue);
      });
      state.accBeta1.assign(tf.mul(state.accBeta1, this.beta1));
      state.accBeta2.assign(tf.mul(state.accBeta2, this.beta2));
    });
    this.incrementIterations();
  }
}

/** What MomentumOptimizer keeps: its slots and its float32 scalars (momentum, and minus the learning rate). */
interface MomentumState {
  accumulations: Array<Slot | undefined>;
  m: tf.Scalar;
  c: tf.Scalar;
  useNesterov: boolean;
}

/** SGD with momentum as tfjs defines it, one fused kernel per weight tensor on WASM (Nesterov: tfjs's own). */
export class FusedMomentumOptimizer extends tf.MomentumOptimizer {
  override applyGradients(variableGradients: Gradients): void {
    const state = this as unknown as MomentumState;
    if (state.useNesterov || !fusedHere(MOMENTUM)) {
      super.applyGradients(variableGradients);
      return;
    }
    gradientsOf(variableGradients).forEach(([name, gradient], i) => {
      const value = tf.engine().registeredVariables[name];
      state.accumulations[i] ??= zeroSlot(`${name}/momentum`, value);
      if (gradient == null) return;
      const accumulation = state.accumulations[i].variable;
      tf.tidy(() => {
        // The optimiser's own scalars go in as tensors, so setLearningRate is honoured exactly as tfjs does.
        const [newValue, newAccumulation] = tf.engine().runKernel(MOMENTUM,
          { value, accumulation, gradient, momentum: state.m, negLearningRate: state.c }) as tf.Tensor[];
        accumulation.assign(newAccumulation);
        value.assign(newValue);
      });
    });
    this.incrementIterations();
  }
}
