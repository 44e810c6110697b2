/**
 * The lab's measuring instrument: a linear probe of frozen features, as the self-supervised literature uses it
 * (Kolesnikov, Zhai & Beyer 2019; Goyal et al. 2019).
 *
 * 1. Scale the features with the labelled training rows' statistics (normalise.ts).
 * 2. Choose the L2 penalty from a fixed grid by stratified k-fold cross-validation on the labelled rows only:
 *    the test set is never looked at until the very end.
 * 3. Fit a softmax layer on all labelled rows at that penalty, with L-BFGS, to a stated convergence criterion.
 *
 * The answer depends on the features, the labels and the seed of the folds; not on a learning rate, an epoch
 * count or an early stop. The lecture's head (SGD at 0.001 on raw features, stopped on training accuracy) is a
 * different instrument: it asks "what does this recipe reach?", the probe asks "what do these features allow?".
 */
import type { FeatureMatrix } from '../train/task-set';
import { nextMacrotask } from '../train/schedule';
import { stratifiedFolds } from './folds';
import { minimize } from './lbfgs';
import { applyScaler, fitScaler, type FeatureScaler, type ProbeNormalisation } from './normalise';
import { accuracyOf, lossAndGradient, parameterCount, type ProbeData } from './softmax-regression';

export type { ProbeNormalisation } from './normalise';

/** Features with a label per row. */
export interface LabelledFeatures {
  readonly features: FeatureMatrix;
  readonly labels: Uint8Array;
}

/** The penalties tried, strongest first (each fit starts from the previous one's weights, which is faster). */
export const PROBE_L2_GRID: readonly number[] = [1, 0.1, 0.01, 0.001, 0.0001];

/**
 * Folds of the cross-validation. Three, not the textbook five: the probe runs after every epoch of a pretext
 * run in the browser and must cost a small part of an epoch, and the penalty it picks rarely changes with more.
 */
export const PROBE_FOLDS = 3;

/**
 * The convergence criterion: the final fit stops when the objective's gradient has no component larger than
 * this. The cross-validation fits, which only rank penalties, stop at ten times it.
 */
export const PROBE_GRADIENT_TOLERANCE = 1e-5;

/** Settings of a probe; only the seed is required. */
export interface ProbeOptions {
  /** Seeds the folds. */
  readonly seed: number;
  /** Folds of the cross-validation (default 3; fewer when there are fewer rows). */
  readonly folds?: number;
  /** Penalties tried, in the order tried (default PROBE_L2_GRID). */
  readonly grid?: readonly number[];
  readonly normalisation?: ProbeNormalisation;
  /** Classes (default 10, the digits). */
  readonly classes?: number;
  /** Iterations allowed per fit (default 500). */
  readonly maxIterations?: number;
  /** Called between fits, so a worker can answer messages (default: yield to the event loop). */
  readonly yieldBetweenFits?: () => Promise<void>;
}

/** A fitted probe, with what it took to choose and fit it. */
export interface FittedProbe {
  readonly scaler: FeatureScaler;
  readonly params: Float64Array;
  readonly width: number;
  readonly classes: number;
  /** The penalty chosen by cross-validation. */
  readonly lambda: number;
  /** Held-out accuracy of each penalty tried, in grid order. */
  readonly validation: readonly { readonly lambda: number; readonly accuracy: number }[];
  readonly folds: number;
  readonly trainAccuracy: number;
  /** The final fit's objective where it started (the mean of the folds' solutions) and where it ended. */
  readonly startLoss: number;
  readonly endLoss: number;
  readonly iterations: number;
  readonly converged: boolean;
}

function probeData(x: Float64Array, labels: Uint8Array, width: number, classes: number): ProbeData {
  return { x, labels, rows: labels.length, width, classes };
}

function subset(set: LabelledFeatures, keep: (row: number) => boolean): LabelledFeatures {
  const { width, values } = set.features;
  const rows: number[] = [];
  for (let r = 0; r < set.labels.length; r++) if (keep(r)) rows.push(r);
  const out = new Float32Array(rows.length * width);
  rows.forEach((r, i) => out.set(values.subarray(r * width, (r + 1) * width), i * width));
  return { features: { values: out, width }, labels: Uint8Array.from(rows, (r) => set.labels[r]) };
}

/** Fits the probe on labelled features: penalty by cross-validation, then one fit on every labelled row. */
export async function fitProbe(train: LabelledFeatures, options: ProbeOptions): Promise<FittedProbe> {
  const { width } = train.features;
  const classes = options.classes ?? 10;
  const grid = options.grid ?? PROBE_L2_GRID;
  if (grid.length === 0 || grid.some((l) => !(l >= 0))) throw new RangeError('the penalty grid needs at least one value, each 0 or more');
  const rows = train.labels.length;
  if (rows < 2) throw new RangeError(`a probe needs at least 2 labelled rows, got ${rows}`);
  const maxIterations = options.maxIterations ?? 500;
  const pause = options.yieldBetweenFits ?? nextMacrotask;
  const scaler = fitScaler(train.features, options.normalisation ?? 'per-feature');
  const size = parameterCount(width, classes);
  const fit = (data: ProbeData, lambda: number, start: Float64Array, gradientTolerance: number) =>
    minimize((p, g) => lossAndGradient(p, data, lambda, g), start, { gradientTolerance, maxIterations });

  const folds = Math.min(options.folds ?? PROBE_FOLDS, rows);
  const correct = new Array<number>(grid.length).fill(0);
  let chosen = grid[0];
  // The folds' solutions at each penalty, summed: their mean is where the final fit starts, close to its answer.
  const foldSums = grid.map(() => new Float64Array(size));
  if (grid.length > 1) {
    const assignment = stratifiedFolds(train.labels, folds, options.seed);
    for (let fold = 0; fold < folds; fold++) {
      // The scaler is refitted on each fold's training rows: the held-out rows must not shape it either.
      const foldTrain = subset(train, (r) => assignment[r] !== fold);
      const held = subset(train, (r) => assignment[r] === fold);
      const foldScaler = fitScaler(foldTrain.features, scaler.normalisation);
      const data = probeData(applyScaler(foldScaler, foldTrain.features), foldTrain.labels, width, classes);
      const xHeld = applyScaler(foldScaler, held.features);
      let warm: Float64Array = new Float64Array(size);
      for (let k = 0; k < grid.length; k++) {
        warm = fit(data, grid[k], warm, 10 * PROBE_GRADIENT_TOLERANCE).x;
        for (let i = 0; i < size; i++) foldSums[k][i] += warm[i] / folds;
        correct[k] += accuracyOf(warm, xHeld, held.labels, width, classes) * held.labels.length;
        await pause();
      }
    }
    // The best held-out score wins; a tie goes to the stronger penalty (the simpler model), which comes first.
    let best = 0;
    for (let k = 1; k < grid.length; k++) if (correct[k] > correct[best]) best = k;
    chosen = grid[best];
  }
  const start = grid.length > 1 ? foldSums[grid.indexOf(chosen)] : new Float64Array(size);
  const x = applyScaler(scaler, train.features);
  const data = probeData(x, train.labels, width, classes);
  const result = fit(data, chosen, start, PROBE_GRADIENT_TOLERANCE);
  return {
    scaler,
    params: result.x,
    width,
    classes,
    lambda: chosen,
    validation: grid.map((lambda, k) => ({ lambda, accuracy: grid.length > 1 ? correct[k] / rows : NaN })),
    folds: grid.length > 1 ? folds : 0,
    trainAccuracy: accuracyOf(result.x, x, train.labels, width, classes),
    startLoss: result.startValue,
    endLoss: result.value,
    iterations: result.iterations,
    converged: result.converged,
  };
}

/** The probe's accuracy (0-1) on labelled test features, scaled with the training rows' statistics. */
export function probeAccuracy(probe: FittedProbe, test: LabelledFeatures): number {
  const x = applyScaler(probe.scaler, test.features);
  return accuracyOf(probe.params, x, test.labels, probe.width, probe.classes);
}
