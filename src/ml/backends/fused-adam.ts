/**
 * tfjs's Adam, with each weight's update done by one kernel on the WASM backend instead of about fourteen.
 *
 * The lecture's pretext model has 8 weight tensors, so stock Adam runs ~110 small kernels per training
 * step (and uploads a scalar for every constant), each paying tfjs's per-operation bookkeeping. On WASM
 * with Pretext Lab's SIMD kernels, `PretextAdam` does the same float32 arithmetic in the same order in a
 * single pass, so the weights come out identical to the bit (fused-adam.test.ts). Anywhere else (WebGL,
 * WebGPU, CPU, or an engine without WASM SIMD) it is tfjs's own AdamOptimizer, unchanged.
 */
import * as tf from '@tensorflow/tfjs';
import { registerKernel, getKernel, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapOffset, simdKernels } from './simd-kernels';

const KERNEL = 'PretextAdam';

/** The kernel's float32 constants, as tfjs rounds the optimiser's settings when it makes them tensors. */
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
  const simd = simdKernels(backend);
  if (!simd) throw new Error('PretextAdam needs the WASM SIMD kernels');
  const outs = [value, m, v].map((t) => backend.makeOutput(t.shape, 'float32'));
  const at = (t: TensorInfo): number => heapOffset(backend, t);
  simd.adamStep(at(value), at(m), at(v), at(gradient), at(accBeta1), at(accBeta2), at(outs[0]), at(outs[1]), at(outs[2]),
    tf.util.sizeFromShape(value.shape), a.b1, a.c1, a.b2, a.c2, a.eps, a.nlr);
  return outs;
};

/** Registers `PretextAdam` on the WASM backend (once). */
export function registerFusedAdamKernel(): void {
  if (!getKernel(KERNEL, 'wasm')) registerKernel({ kernelName: KERNEL, backendName: 'wasm', kernelFunc: pretextAdam });
}

/** True when the current backend can run `PretextAdam`: WASM with the SIMD kernels. */
function fusedHere(): boolean {
  if (tf.getBackend() !== 'wasm' || !getKernel(KERNEL, 'wasm')) return false;
  return simdKernels(tf.backend() as BackendWasm) !== null;
}

/** What AdamOptimizer keeps per variable (not in its public typings). */
interface AdamState {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Array<{ originalName: string; variable: tf.Variable } | undefined>;
  accumulatedSecondMoment: Array<{ originalName: string; variable: tf.Variable } | undefined>;
}

/** Adam as tfjs defines it, one fused kernel per weight tensor on WASM. Same class name, same saved state. */
type AdamGradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

export class FusedAdamOptimizer extends tf.AdamOptimizer {
  override applyGradients(variableGradients: AdamGradients): void {
    if (!fusedHere()) {
      super.applyGradients(variableGradients);
      return;
    }
    const state = this as unknown as AdamState;
    const names = Array.isArray(variableGradients) ? variableGradients.map((g) => g.name) : Object.keys(variableGradients);
    const f = Math.fround;
    // The constants exactly as tfjs's `mul(x, 1 - this.beta1)` and friends turn them into float32 scalars.
    const attrs: AdamAttrs = {
      b1: f(this.beta1), c1: f(1 - this.beta1), b2: f(this.beta2), c2: f(1 - this.beta2),
      eps: f(this.epsilon), nlr: f(-this.learningRate),
    };
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name];
        state.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        state.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
        if (gradient == null) return;
        const m = state.accumulatedFirstMoment[i].variable;
        const v = state.accumulatedSecondMoment[i].variable;
        const [newValue, newM, newV] = tf.engine().runKernel(KERNEL,
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
