/**
 * Can this backend train our networks, and does it get the same numbers as the CPU? Asked of a backend the app
 * has not proven yet (WebGPU): a backend may lack a backward kernel, or compute one wrongly, and a student
 * would only see a loss that never falls. So before we train on it we run a small case of the real training
 * step (4 images through the pretext model, whose layers are those of every model here: loss from logits, its
 * gradients, one Adam and one momentum step) once on the reference backend and once on the candidate, and compare.
 *
 * The kernels to look for are not a list kept by hand: they are whatever the reference run dispatched
 * (tf.profile), so a change to the model or the loss is checked automatically.
 */
import * as tf from '#tf';
import { buildTaskModel, trainableVariables } from '../models/architecture';
import { rotationTask } from '../tasks/rotation';
import { softmaxCrossEntropy } from '../train/loss';
import { createOptimizer, disposeOptimizer, KERAS_ADAM, LECTURE_SGD, } from '../train/optimizers';

/** What one run of the small case computed. */
interface CaseNumbers {
  /** Loss before and after the optimiser steps. */
  readonly losses: number[];
  /** Gradients of every trainable variable, in order. */
  readonly grads: Float32Array[];
}

/** The verdict on one backend. */
export interface TrainingCheck {
  readonly ok: boolean;
  /** Kernels the training step dispatched on the reference backend (forward, backward and optimiser). */
  readonly kernels: readonly string[];
  /** Those of `kernels` the candidate has not registered (empty when ok). */
  readonly missing: readonly string[];
  /** Largest gradient difference, relative to the largest gradient of the same variable (null if not run). */
  readonly maxGradError: number | null;
  /** Largest loss difference, relative to the loss (null if not run). */
  readonly maxLossError: number | null;
  /** One sentence for the page: why it passed or failed. */
  readonly summary: string;
}

/** Relative tolerance: float32 on a GPU sums in another order than the CPU, but not this differently. */
export const TOLERANCE = 1e-3;
const IMAGES = 4;
const SEED = 12;

/** Deterministic values in [0, 1), the same on every backend. */
function pseudoRandom(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32;
  }
  return out;
}

/**
 * One gradient of the pretext model on 4 images, then an Adam step and a momentum step (so the optimisers'
 * kernels are dispatched too) and the loss after them. One forward-backward pass in all: the CPU backend,
 * our reference, takes seconds per pass of this network on a busy 2-core machine.
 */
async function runCase(): Promise<CaseNumbers> {
  const out: CaseNumbers = { losses: [], grads: [] };
  const model = buildTaskModel(rotationTask, SEED);
  const xs = tf.tensor4d(pseudoRandom(IMAGES * 784, SEED), [IMAGES, 28, 28, 1]);
  const ys = tf.tensor1d(Array.from({ length: IMAGES }, (_, i) => i % 4), 'float32');
  const variables = trainableVariables(model);
  const optimizers = [KERAS_ADAM, LECTURE_SGD].map((spec) => ({ spec, optimizer: createOptimizer(spec) }));
  try {
    const { value, grads } = tf.variableGrads(() => softmaxCrossEntropy(ys, model.apply(xs) as tf.Tensor2D), variables);
    out.losses.push((await value.data())[0]);
    for (const v of variables) out.grads.push((await grads[v.name].data()) as Float32Array);
    for (const { optimizer } of optimizers) optimizer.applyGradients(grads);
    tf.dispose([value, ...Object.values(grads)]);
    const after = tf.tidy(() => softmaxCrossEntropy(ys, model.apply(xs) as tf.Tensor2D));
    out.losses.push((await after.data())[0]);
    after.dispose();
  } finally {
    for (const { spec, optimizer } of optimizers) disposeOptimizer(optimizer, spec);
    tf.dispose([xs, ys]);
    model.dispose();
  }
  return out;
}

function largestError(reference: readonly Float32Array[], candidate: readonly Float32Array[]): number {
  let worst = 0;
  reference.forEach((ref, i) => {
    let scale = 0;
    let diff = 0;
    for (let j = 0; j < ref.length; j++) {
      scale = Math.max(scale, Math.abs(ref[j]));
      diff = Math.max(diff, Math.abs(ref[j] - candidate[i][j]));
    }
    worst = Math.max(worst, diff / Math.max(scale, 1e-6));
  });
  return worst;
}

/** Kernels among `kernels` that `backend` has not registered. */
export function missingKernels(kernels: readonly string[], backend: string): string[] {
  return kernels.filter((name) => tf.getKernel(name, backend) === undefined);
}

/**
 * Checks that `candidate` can train the app's networks: every kernel the step needs is registered, and the
 * small case's losses and gradients match `reference`'s within {@link TOLERANCE}. Both backends must be
 * registered and able to start; the candidate is left active. Leaves no tensor behind.
 */
export async function checkTraining(candidate: string, reference = 'cpu'): Promise<TrainingCheck> {
  if (!(await tf.setBackend(reference))) throw new Error(`The reference backend ${reference} could not start.`);
  const held: { expected?: CaseNumbers } = {};
  const profile = await tf.profile(async () => {
    held.expected = await runCase();
  });
  const expected = held.expected;
  // kernelNames also lists op scopes (e.g. "fusedConv2d__op"); the kernels are the names the reference registers.
  const kernels = [...new Set(profile.kernelNames)].filter((name) => tf.getKernel(name, reference) !== undefined).sort();
  if (!(await tf.setBackend(candidate))) throw new Error(`The ${candidate} backend could not start.`);
  const missing = missingKernels(kernels, candidate);
  if (missing.length > 0 || expected === undefined) {
    return {
      ok: false, kernels, missing, maxGradError: null, maxLossError: null,
      summary: `${candidate} lacks kernel${missing.length === 1 ? '' : 's'} the training step needs: ${missing.join(', ')}`,
    };
  }
  const got = await runCase();
  const maxGradError = largestError(expected.grads, got.grads);
  const maxLossError = Math.max(...expected.losses.map((l, i) => Math.abs(l - got.losses[i]) / Math.max(Math.abs(l), 1e-6)));
  const ok = maxGradError <= TOLERANCE && maxLossError <= TOLERANCE;
  const numbers = `largest gradient difference ${maxGradError.toExponential(1)}, loss difference ${maxLossError.toExponential(1)} (tolerance ${TOLERANCE})`;
  return {
    ok, kernels, missing, maxGradError, maxLossError,
    summary: ok
      ? `${candidate} has all ${kernels.length} kernels of a training step and matches ${reference} on a small case: ${numbers}`
      : `${candidate} computes a training step differently from ${reference}: ${numbers}`,
  };
}
