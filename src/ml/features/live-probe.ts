/**
 * The live probe: while a pretext task trains, the lab measures how much of the *digit* its trunk's features
 * already carry, before the first epoch and after every epoch, with the lab's instrument (probe/linear-probe.ts:
 * standardised features, an L2 penalty chosen by cross-validation on the labelled digits only, L-BFGS to
 * convergence). Epoch 0 is the freshly built trunk of the run's seed, so every line starts from its own random
 * floor, and whatever the line gains above it is what the pretext task taught.
 *
 * The probe runs between epochs, inside the training run, so it must cost a small part of an epoch. Two
 * savings, neither of which touches what is measured: the features come from block 2 only (after conv2 + pool,
 * the 288 numbers every head sees; block 1's 3,136 make a probe about eleven times costlier), and after epoch 0
 * the penalty is chosen again only among the previous choice and its neighbours on the grid, with two folds.
 * The trunk changes a little from one epoch to the next, and so does the penalty that suits it; the final fit
 * is always the full one, on every labelled digit, to the instrument's convergence criterion.
 */
import type * as tf from '#tf';
import { sliceSet, type ImageSet } from '../data/mnist';
import type { InputScaling } from '../train/batches';
import { TRUNK_LAYERS } from '../models/trunk';
import { fitProbe, probeAccuracy, PROBE_FOLDS, PROBE_L2_GRID } from '../probe/linear-probe';
import { extractFeatures } from './extract';

/** At most this many test digits are probed: the first of the test set in use (all of the lecture's 300). */
export const LIVE_PROBE_TEST_LIMIT = 1000;

/** Folds when the penalty is chosen again among neighbours (epoch 0 uses the instrument's own PROBE_FOLDS). */
export const LIVE_PROBE_NEIGHBOUR_FOLDS = 2;

/** One probe reading of a trunk: its digit accuracy, and what the probe chose and cost. */
export interface ProbeReading {
  /** Epochs of pretext training done when it was taken (0: the untrained trunk). */
  readonly epoch: number;
  /** Digit accuracy on the probed test digits, 0-1. */
  readonly accuracy: number;
  /** The L2 penalty cross-validation chose. */
  readonly lambda: number;
  /** Penalties compared, and the folds used to compare them. */
  readonly grid: readonly number[];
  readonly folds: number;
  /** Whether the final fit met the convergence criterion. */
  readonly converged: boolean;
  /** Labelled digits the probe was fitted on, and test digits it was scored on. */
  readonly labelled: number;
  readonly tested: number;
  /** Wall time of the whole reading (features, cross-validation, fit, score), in ms. */
  readonly ms: number;
}

/** The penalties (and folds) to compare: the whole grid the first time, then the last choice and its neighbours. */
export function liveProbeGrid(previous: number | null): { readonly grid: readonly number[]; readonly folds: number } {
  const at = previous === null ? -1 : PROBE_L2_GRID.indexOf(previous);
  if (at < 0) return { grid: PROBE_L2_GRID, folds: PROBE_FOLDS };
  return { grid: PROBE_L2_GRID.slice(Math.max(0, at - 1), at + 2), folds: LIVE_PROBE_NEIGHBOUR_FOLDS };
}

/** The test digits the live probe scores on: the first LIVE_PROBE_TEST_LIMIT of the test set in use. */
export function liveProbeTestSet(test: ImageSet): ImageSet {
  return test.count <= LIVE_PROBE_TEST_LIMIT ? test : sliceSet(test, 0, LIVE_PROBE_TEST_LIMIT);
}

/** What a reading needs besides the model. */
export interface LiveProbeInput {
  readonly labelled: ImageSet;
  /** Already cut to the probed subset (liveProbeTestSet). */
  readonly test: ImageSet;
  readonly scaling: InputScaling;
  /** Seeds the folds: the run's seed, so a run's line is reproducible. */
  readonly seed: number;
  readonly epoch: number;
  /** The penalty chosen at the previous reading of this run, or null for the first. */
  readonly previousLambda: number | null;
  /** Called between fits: a worker answers Pause and Stop there (and may throw to abandon the reading). */
  readonly yieldBetweenFits?: () => Promise<void>;
}

/**
 * Probes `model`'s block-2 features (the model is only read; every tensor made is freed). The training run
 * must not change the weights meanwhile: call it between epochs, and await it.
 */
export async function probeTrunkNow(model: tf.LayersModel, input: LiveProbeInput): Promise<ProbeReading> {
  const started = performance.now();
  const options = { scaling: input.scaling, depth: TRUNK_LAYERS };
  const train = { features: await extractFeatures(model, input.labelled, options), labels: input.labelled.labels };
  const test = { features: await extractFeatures(model, input.test, options), labels: input.test.labels };
  const { grid, folds } = liveProbeGrid(input.previousLambda);
  const probe = await fitProbe(train, { seed: input.seed, grid, folds, ...(input.yieldBetweenFits ? { yieldBetweenFits: input.yieldBetweenFits } : {}) });
  return {
    epoch: input.epoch,
    accuracy: probeAccuracy(probe, test),
    lambda: probe.lambda,
    grid,
    folds,
    converged: probe.converged,
    labelled: input.labelled.count,
    tested: input.test.count,
    ms: performance.now() - started,
  };
}
