/**
 * The label-efficiency curve: test accuracy against the number of labelled digits the head trains on, for
 * several trunks and seeds. It is the lecture's real argument made measurable: self-supervision is meant to
 * pay off when labels are scarce, so one accuracy at 1,000 labels cannot show it; a curve from 10 to 9,000 can.
 *
 * Trunks: any pretext task (its trunk trained exactly as the protocol trains it, so seed 1's rotation trunk is
 * the very trunk `npm run reproduce` transfers), `random` (the frozen random control) and `scratch` (the
 * supervised baseline, all layers trained on the N labels). Frozen trunks train their heads on cached features
 * (src/ml/features/), which is what makes dozens of heads affordable; scratch has to go through every layer.
 */
import * as tf from '#tf';
import type { Mnist } from '../data/mnist';
import { makeSplits } from '../data/splits';
import { SettingError } from '../config/validate';
import { checkConfig } from '../config/check-config';
import type { ExperimentConfig } from '../config/presets';
import { buildDigitClassifier } from '../models/architecture';
import { TrainingRun, type TrainOptions } from '../train/trainer';
import { evaluate } from '../eval/evaluate';
import { extractFeatures, type FeatureMatrix } from '../features/extract';
import { trainFeatureHead } from '../features/head';
import { TASK_IDS, isTaskId, type TaskId } from '../tasks/registry';
import { meanStd } from './statistics';
import { trainOptionsFor, type TrunkUse } from './runs';
import { LABEL_POOL_START, checkLabelCount, gatherRows, isBalanced, labelPoolSize, labelRows } from './label-pool';
import type { LeaderboardHead } from './leaderboard-types';
import { failedFit } from './fit-check';
import { pretextTrunk, type TrunkStore } from './trunk-source';
import { fitProbe, probeAccuracy, type ProbeNormalisation } from '../probe/linear-probe';

/** Label counts up to this are also probed under one global scale (see CurvePoint.globalScale). */
export const SECOND_NORMALISATION_UP_TO = 100;

/** One seed's reading at one label count. */
interface Reading {
  readonly accuracy: number;
  readonly failedFit?: string | null;
  readonly globalScale?: number;
}

/** A pretext task's trunk fine-tuned on the labels (every layer trains, from the pretext weights). */
export type FinetuneTrunk = `finetune-${TaskId}`;

/**
 * A trunk on the curve: a pretext task's (frozen), the random control, none (the supervised baseline from
 * scratch), or a pretext task's trunk fine-tuned (`finetune-rotation`).
 */
export type CurveTrunk = TaskId | 'random' | 'scratch' | FinetuneTrunk;

/** Every trunk name the curve accepts: tasks first, then the references, then the fine-tuned tasks. */
export const CURVE_TRUNKS: readonly CurveTrunk[] = [...TASK_IDS, 'random', 'scratch', ...TASK_IDS.map((t): FinetuneTrunk => `finetune-${t}`)];

/** True when `name` is a trunk the curve knows. */
export function isCurveTrunk(name: string): name is CurveTrunk {
  return name === 'random' || name === 'scratch' || isTaskId(name) || (name.startsWith('finetune-') && isTaskId(name.slice('finetune-'.length)));
}

/** The pretext task a curve trunk trains first, or null for the random and scratch references. */
export function pretextTaskOf(trunk: CurveTrunk): TaskId | null {
  if (trunk === 'random' || trunk === 'scratch') return null;
  return trunk.startsWith('finetune-') ? (trunk.slice('finetune-'.length) as TaskId) : (trunk as TaskId);
}

/**
 * What happens to the lecture's validation split (the last fifth of the labelled digits, which only reports
 * accuracy: early stopping watches training accuracy). `none`: every labelled digit trains the head, which is
 * what a curve about labels should count. `lecture`: the protocol exactly, so 1,000 labels give the same
 * numbers as `npm run reproduce`.
 */
export type CurveValidation = 'none' | 'lecture';

/** What to measure. */
export interface CurveRequest {
  /** The preset's settings (its seed and test set are ignored: `seeds` and all 10,000 test images are used). */
  readonly config: ExperimentConfig;
  readonly trunks: readonly CurveTrunk[];
  readonly labels: readonly number[];
  readonly seeds: readonly number[];
  readonly validation: CurveValidation;
  /** What reads the digit off a frozen trunk (default the probe); scratch and fine-tuned networks train their own. */
  readonly head?: LeaderboardHead;
  /** Keeps trained pretext trunks between runs. */
  readonly store?: TrunkStore;
}

/** One label count on one trunk's curve; accuracies are fractions 0-1, one per seed in `seeds` order. */
export interface CurvePoint {
  readonly labels: number;
  /** Drawn N/10 per digit (true for N up to 100) or the pool's first N (false). */
  readonly balanced: boolean;
  readonly mean: number;
  readonly std: number;
  readonly accuracies: readonly number[];
  /** Per seed, why the lecture's head failed to fit (null where it fitted); only when any failed. */
  readonly failedFits?: readonly (string | null)[];
  /**
   * The probe again under one global scale instead of per-feature standardisation, at counts up to 100 where
   * 10-100 rows' per-feature statistics are themselves noisy: a second opinion on the same features.
   */
  readonly globalScale?: { readonly mean: number; readonly std: number; readonly accuracies: readonly number[] };
}

/** One trunk's curve. */
export interface Curve {
  readonly trunk: CurveTrunk;
  readonly points: readonly CurvePoint[];
  /** For pretext trunks, the pretext task's final training score per seed (to see the trunk did learn). */
  readonly pretextScores?: readonly number[];
}

/** Progress, for a terminal or a panel. */
export interface CurveCallbacks {
  onProgress?(message: string): void;
}

/** Checks a request; throws a SettingError naming the first bad part and the allowed values. */
export function checkCurveRequest(request: CurveRequest, trainImages: number): void {
  const pool = labelPoolSize(trainImages);
  if (request.trunks.length === 0) throw new SettingError('trunks', `trunks must name at least one of ${CURVE_TRUNKS.join(', ')}`);
  for (const t of request.trunks) {
    if (!isCurveTrunk(t)) throw new SettingError('trunks', `trunks must be among ${CURVE_TRUNKS.join(', ')}, got "${t}"`);
  }
  if (request.labels.length === 0) throw new SettingError('labels', 'labels must list at least one label count');
  for (const n of request.labels) checkLabelCount(n, pool);
  if (request.seeds.length === 0) throw new SettingError('seeds', 'seeds must list at least one seed');
  if (request.config.splits.pretextCount > LABEL_POOL_START) {
    throw new SettingError('splits.pretextCount', `the curve needs at most ${LABEL_POOL_START} pretext images, so they stay apart from the labelled pool`);
  }
}

/** The head's trainer options for a trunk use and seed, with the chosen validation split. */
function headOptions(use: Exclude<TrunkUse, 'pretext'>, task: TaskId, seed: number, labels: number, request: CurveRequest): TrainOptions {
  const config = { ...request.config, seed };
  const options = trainOptionsFor({ task, use, seed, labels }, config);
  return request.validation === 'none' ? { ...options, validationSplit: 0 } : options;
}

/** Features of the given training rows, looked up in one extraction of all the rows any label count needs. */
function rowsOf(features: FeatureMatrix, index: Map<number, number>, rows: Uint32Array): FeatureMatrix {
  const out = new Float32Array(rows.length * features.width);
  rows.forEach((row, i) => {
    const at = index.get(row) as number;
    out.set(features.values.subarray(at * features.width, (at + 1) * features.width), i * features.width);
  });
  return { values: out, width: features.width };
}

/** One frozen trunk at one seed: features once, then one head (or probe) per label count. */
async function frozenAccuracies(
  trunk: tf.LayersModel, use: 'transfer' | 'random', task: TaskId, seed: number, mnist: Mnist, request: CurveRequest,
): Promise<Reading[]> {
  const scaling = request.config.scaling;
  const rowsByCount = request.labels.map((n) => labelRows(mnist, n, seed));
  const needed = [...new Set(rowsByCount.flatMap((r) => [...r]))].sort((a, b) => a - b);
  const index = new Map(needed.map((row, i) => [row, i]));
  const pool = await extractFeatures(trunk, gatherRows(mnist.train, needed), { scaling });
  const test = await extractFeatures(trunk, mnist.test, { scaling });
  const testSet = { features: test, labels: mnist.test.labels };
  const out: Reading[] = [];
  for (let k = 0; k < request.labels.length; k++) {
    const rows = rowsByCount[k];
    const labels = Uint8Array.from(rows, (r) => mnist.train.labels[r]);
    const train = { features: rowsOf(pool, index, rows), labels };
    if ((request.head ?? 'probe') === 'probe') {
      const probe = async (normalisation: ProbeNormalisation) => probeAccuracy(await fitProbe(train, { seed, normalisation }), testSet);
      const accuracy = await probe('per-feature');
      out.push(request.labels[k] <= SECOND_NORMALISATION_UP_TO ? { accuracy, globalScale: await probe('global') } : { accuracy });
      continue;
    }
    const result = await trainFeatureHead(seed, train, testSet, headOptions(use, task, seed, request.labels[k], request));
    out.push({ accuracy: result.test.accuracy, failedFit: failedFit(result.train.history) });
  }
  return out;
}

/**
 * Every layer trained on each label count at one seed: the supervised baseline from scratch, or (with a
 * pretext `source`) the pretext trunk fine-tuned. Neither can cache features, since the trunk moves.
 */
async function throughTrunkAccuracies(
  use: 'scratch' | 'finetune', task: TaskId, seed: number, mnist: Mnist, request: CurveRequest, callbacks: CurveCallbacks, source?: tf.LayersModel,
): Promise<Reading[]> {
  const out: Reading[] = [];
  for (const n of request.labels) {
    callbacks.onProgress?.(`${use === 'scratch' ? 'scratch' : `${task} fine-tuned`}, seed ${seed}: ${n} labels`);
    const model = buildDigitClassifier(use, seed, source);
    try {
      const result = await new TrainingRun(model, gatherRows(mnist.train, labelRows(mnist, n, seed)), headOptions(use, task, seed, n, request)).run();
      out.push({ accuracy: (await evaluate(model, mnist.test, { scaling: request.config.scaling, batchSize: 64 })).accuracy, failedFit: failedFit(result.history) });
    } finally {
      model.dispose();
    }
  }
  return out;
}

/**
 * Measures every requested trunk at every label count and seed, on all 10,000 test images. Throws a
 * SettingError before any work if the request is malformed.
 */
export async function runCurve(mnist: Mnist, request: CurveRequest, callbacks: CurveCallbacks = {}): Promise<Curve[]> {
  checkCurveRequest(request, mnist.train.count);
  const curves: Curve[] = [];
  for (const trunk of request.trunks) {
    const bySeed: Reading[][] = [];
    const pretextScores: number[] = [];
    for (const seed of request.seeds) {
      const task = pretextTaskOf(trunk);
      if (trunk === 'scratch') {
        bySeed.push(await throughTrunkAccuracies('scratch', 'rotation', seed, mnist, request, callbacks));
      } else if (trunk === 'random') {
        callbacks.onProgress?.(`random, seed ${seed}: heads on cached features`);
        const model = buildDigitClassifier('random', seed);
        try {
          bySeed.push(await frozenAccuracies(model, 'random', 'rotation', seed, mnist, request));
        } finally {
          model.dispose();
        }
      } else if (task !== null) {
        const config = { ...request.config, task, seed };
        checkConfig(config, mnist.train.count);
        callbacks.onProgress?.(`${task} pretext, seed ${seed}`);
        const { model, trainScore: score } = await pretextTrunk(makeSplits(mnist, config.splits), config, request.store);
        pretextScores.push(score);
        try {
          if (trunk === task) {
            callbacks.onProgress?.(`${trunk}, seed ${seed}: heads on cached features`);
            bySeed.push(await frozenAccuracies(model, 'transfer', task, seed, mnist, request));
          } else {
            bySeed.push(await throughTrunkAccuracies('finetune', task, seed, mnist, request, callbacks, model));
          }
        } finally {
          model.dispose();
        }
      }
    }
    const points = request.labels.map((labels, k): CurvePoint => {
      const readings = bySeed.map((row) => row[k]);
      const accuracies = readings.map((r) => r.accuracy);
      const failed = readings.map((r) => r.failedFit ?? null);
      const global = readings.map((r) => r.globalScale);
      return {
        labels, balanced: isBalanced(labels), ...meanStd(accuracies), accuracies,
        ...(failed.some((f) => f !== null) ? { failedFits: failed } : {}),
        ...(global.every((g): g is number => g !== undefined) ? { globalScale: { ...meanStd(global), accuracies: global } } : {}),
      };
    });
    curves.push({ trunk, points, ...(pretextTaskOf(trunk) !== null ? { pretextScores } : {}) });
  }
  return curves;
}
