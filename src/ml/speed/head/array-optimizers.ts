/**
 * The optimisers createOptimizer builds (train/optimizers.ts), as updates of Float32Arrays in place.
 *
 * Each update is the formula of tfjs-core 4.22's optimiser, one elementwise operation at a time, rounded to
 * float32 after every operation as a float32 tensor would be. Elementwise float32 arithmetic (+, -, *, /,
 * sqrt) is correctly rounded on every backend, so these updates are the tfjs ones to the bit given the same
 * gradients:
 * - SGD: w <- w + (-lr) g.
 * - Momentum (useNesterov false): a <- m a + g, then w <- w + (-lr) a. (Keras writes v = m v - lr g and
 *   adds v; with a constant learning rate it is the same update, see optimizers.ts.)
 * - Adam: m <- b1 m + (1 - b1) g, v <- b2 v + (1 - b2) g², both bias-corrected by 1 - b^t, then
 *   w <- w + (-lr) m̂ / (sqrt(v̂) + eps). tfjs keeps b^t as a float32 product updated after each step.
 */
import type { OptimizerSpec } from '../../train/optimizers';

/** An optimiser over a fixed list of parameter arrays; its state lives in plain arrays (nothing to dispose). */
export interface ArrayOptimizer {
  /** Updates `params[i]` from `grads[i]` in place: one training step. */
  step(params: readonly Float32Array[], grads: readonly Float32Array[]): void;
}

const f = Math.fround;

/**
 * The optimiser `spec` describes, for parameters of the given sizes. Refuses a kind it does not know, so a
 * new optimiser added to createOptimizer cannot silently train heads with the wrong rule.
 */
export function createArrayOptimizer(spec: OptimizerSpec, sizes: readonly number[]): ArrayOptimizer {
  const kind: string = spec.kind;
  if (spec.kind === 'adam') return adam(spec.learningRate, sizes);
  if (spec.kind === 'sgd') return spec.momentum > 0 ? momentum(spec.learningRate, spec.momentum, sizes) : sgd(spec.learningRate);
  throw new Error(`The typed-array head trainer knows the optimisers 'sgd' (with or without momentum) and 'adam', not '${kind}'.`);
}

function sgd(learningRate: number): ArrayOptimizer {
  const c = f(-learningRate);
  return {
    step(params, grads) {
      params.forEach((w, p) => {
        const g = grads[p];
        for (let i = 0; i < w.length; i++) w[i] = f(c * g[i]) + w[i];
      });
    },
  };
}

function momentum(learningRate: number, m: number, sizes: readonly number[]): ArrayOptimizer {
  const c = f(-learningRate);
  const mf = f(m);
  const accumulations = sizes.map((n) => new Float32Array(n));
  return {
    step(params, grads) {
      params.forEach((w, p) => {
        const g = grads[p];
        const a = accumulations[p];
        for (let i = 0; i < w.length; i++) {
          a[i] = f(mf * a[i]) + g[i];
          w[i] = f(c * a[i]) + w[i];
        }
      });
    },
  };
}

/** Keras's Adam constants, which createOptimizer passes to tf.train.adam (js-fit.test.ts checks the two agree). */
const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
const ADAM_EPSILON = 1e-7;

function adam(learningRate: number, sizes: readonly number[], beta1 = ADAM_BETA1, beta2 = ADAM_BETA2, epsilon = ADAM_EPSILON): ArrayOptimizer {
  // The constants as the float32 scalars tfjs makes of them.
  const b1 = f(beta1);
  const b2 = f(beta2);
  const oneMinusB1 = f(1 - beta1);
  const oneMinusB2 = f(1 - beta2);
  const eps = f(epsilon);
  const c = f(-learningRate);
  const first = sizes.map((n) => new Float32Array(n));
  const second = sizes.map((n) => new Float32Array(n));
  let accBeta1 = b1;
  let accBeta2 = b2;
  return {
    step(params, grads) {
      const correction1 = f(1 - accBeta1);
      const correction2 = f(1 - accBeta2);
      params.forEach((w, p) => {
        const g = grads[p];
        const m = first[p];
        const v = second[p];
        for (let i = 0; i < w.length; i++) {
          m[i] = f(m[i] * b1) + f(g[i] * oneMinusB1);
          v[i] = f(v[i] * b2) + f(f(g[i] * g[i]) * oneMinusB2);
          const mHat = f(m[i] / correction1);
          const vHat = f(v[i] / correction2);
          w[i] = f(f(mHat / f(f(Math.sqrt(vHat)) + eps)) * c) + w[i];
        }
      });
      accBeta1 = f(accBeta1 * b1);
      accBeta2 = f(accBeta2 * b2);
    },
  };
}
