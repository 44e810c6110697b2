/**
 * The lecture's optimisers with Keras's defaults.
 *
 * - Adam: Keras defaults are learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7. (Keras adds epsilon
 *   after bias-correcting the step size, tfjs after bias-correcting the moments; with epsilon this small
 *   the two agree to many digits.)
 * - SGD with momentum 0.9: Keras keeps v = m*v - lr*g and adds v; tfjs keeps a = m*a + g and subtracts
 *   lr*a. With a constant learning rate, v = -lr*a at every step: the same updates.
 */
import * as tf from '#tf';
import { FusedAdamOptimizer, FusedMomentumOptimizer } from '../speed/kernels';

/** Which optimiser and its settings. */
export type OptimizerSpec =
  | { readonly kind: 'adam'; readonly learningRate: number }
  | { readonly kind: 'sgd'; readonly learningRate: number; readonly momentum: number };


/** Creates a fresh optimiser (its state, e.g. Adam's moments, must be disposed with `dispose()`). */
export function createOptimizer(spec: OptimizerSpec): tf.Optimizer {
  // tfjs's own optimisers; on WASM each weight's update is one kernel instead of ~14 (Adam) or 4 (momentum),
  // with the same float32 arithmetic (src/ml/speed/kernels/fused-optimizers.ts).
  if (spec.kind === 'adam') return new FusedAdamOptimizer(spec.learningRate, 0.9, 0.999, 1e-7);
  return spec.momentum > 0 ? new FusedMomentumOptimizer(spec.learningRate, spec.momentum, false) : tf.train.sgd(spec.learningRate);
}

/**
 * Frees an optimiser's state. tfjs 4.22's MomentumOptimizer.dispose forgets its parent's learning-rate
 * scalar (it does not call SGDOptimizer.dispose), which would leak one tensor per run; we free it here.
 */
export function disposeOptimizer(optimizer: tf.Optimizer, spec: OptimizerSpec): void {
  optimizer.dispose();
  // (tfjs's optimizer classes answer instanceof by duck typing, so we go by the spec we built it from.)
  if (spec.kind === 'sgd' && spec.momentum > 0) tf.SGDOptimizer.prototype.dispose.call(optimizer);
}

/** Keras's Adam defaults (the pretext model's optimiser). */
export const KERAS_ADAM: OptimizerSpec = { kind: 'adam', learningRate: 0.001 };
/** The lecture's downstream and supervised optimiser. */
export const LECTURE_SGD: OptimizerSpec = { kind: 'sgd', learningRate: 0.001, momentum: 0.9 };
