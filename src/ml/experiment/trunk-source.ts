/**
 * Trained pretext trunks, kept so they are trained once. Every recording (the leaderboard, the curve, the
 * pretext-length study) measures trunks; measuring one again under another head or label count must not
 * train it again, so a trained trunk's weights and pretext scores go to a store, keyed by what made them.
 */
import * as tf from '#tf';
import type { Splits } from '../data/splits';
import type { ExperimentConfig } from '../config/presets';
import { buildTaskModel } from '../models/architecture';
import { storeName, taskById } from '../tasks/registry';
import { chanceScore } from '../tasks/chance';
import { scoreName } from '../objectives/registry';
import { pretextTestSet, trainPretext, type ExperimentCallbacks } from './protocol';
import { evaluate } from '../eval/evaluate';
import type { TrunkReading } from '../probe/trunk-readings';

/** A trunk's weights, in the model's order, as plain arrays. */
export interface StoredWeights {
  readonly shapes: readonly (readonly number[])[];
  readonly values: readonly Float32Array[];
}

/** What is kept of one trained trunk besides its weights. */
export interface StoredSnapshot {
  /** The pretext score on the test images' examples. */
  readonly pretextScore: number;
  /** The last epoch's training score (what the curve reports), when known. */
  readonly trainScore?: number;
  readonly readings: readonly TrunkReading[];
}

/** Where trained trunks are kept between runs (the CLIs' is a gitignored folder, scripts/trunk-store.ts). */
export interface TrunkStore {
  loadWeights(key: string): Promise<StoredWeights | null>;
  saveWeights(key: string, weights: StoredWeights): Promise<void>;
  loadSnapshot(key: string): Promise<StoredSnapshot | null>;
  saveSnapshot(key: string, snapshot: StoredSnapshot): Promise<void>;
  /** A measured result (e.g. one leaderboard row of one seed), so a recording interrupted or split resumes. */
  loadRecord(key: string): Promise<unknown>;
  saveRecord(key: string, value: unknown): Promise<void>;
}

/** A model's weights as plain arrays. */
export async function weightsOf(model: tf.LayersModel): Promise<StoredWeights> {
  const weights = model.getWeights();
  return { shapes: weights.map((w) => w.shape), values: await Promise.all(weights.map(async (w) => (await w.data()) as Float32Array)) };
}

/** Puts kept weights into a model of the same architecture. */
export function loadWeightsInto(model: tf.LayersModel, stored: StoredWeights): void {
  const tensors = stored.values.map((v, i) => tf.tensor(v, stored.shapes[i] as number[]));
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
}

/** The store's key of a fully trained pretext trunk: preset, task (and its revision), seed and pretext epochs. */
export function trunkKey(config: ExperimentConfig): string {
  return `pretext.${config.preset}.${storeName(config.task)}.s${config.seed}.e${config.pretext.epochs}`;
}

/** A trained pretext trunk with its scores; the caller disposes the model. */
export interface TrainedTrunk {
  readonly model: tf.LayersModel;
  readonly testScore: number;
  readonly trainScore: number;
  readonly chanceScore: number;
  readonly metric: string;
  /** True when it came from the store. */
  readonly kept: boolean;
}

/**
 * `config.task`'s pretext trunk for `config.seed`, trained exactly as the protocol trains it (trainPretext), or
 * taken from `store` when it holds one. The same config always gives the same weights on the same backend, so a
 * kept trunk is the trunk training would make.
 */
export async function pretextTrunk(splits: Splits, config: ExperimentConfig, store?: TrunkStore, callbacks: ExperimentCallbacks = {}): Promise<TrainedTrunk> {
  const task = taskById(config.task);
  const key = trunkKey(config);
  const testExamples = pretextTestSet(config.task, splits);
  const chance = chanceScore(task, testExamples);
  // The pretext score depends on the test images (the lecture's 300 or all 10,000), so it is kept per test set;
  // the weights and the training score do not.
  const scoreKey = (test: string) => `${key}.test-${test}`;
  if (store) {
    const weights = await store.loadWeights(key);
    // The bare key is where a first version kept one score for whichever test set came first: its training score
    // still holds, its pretext score is measured again.
    const snapshots = await Promise.all([scoreKey('full'), scoreKey('lecture'), key].map((k) => store.loadSnapshot(k)));
    const own = await store.loadSnapshot(scoreKey(config.splits.testSet));
    const trainScore = snapshots.find((s) => s !== null)?.trainScore;
    if (weights && trainScore !== undefined) {
      const model = buildTaskModel(task, config.seed);
      loadWeightsInto(model, weights);
      let testScore = own?.pretextScore;
      if (testScore === undefined) {
        testScore = (await evaluate(model, testExamples, { scaling: config.scaling, batchSize: 192, objective: task.objective })).accuracy;
        await store.saveSnapshot(scoreKey(config.splits.testSet), { pretextScore: testScore, trainScore, readings: [] });
      }
      return { model, testScore, trainScore, chanceScore: chance, metric: scoreName(task.objective), kept: true };
    }
  }
  const { model, summary } = await trainPretext(splits, config, callbacks);
  if (store) {
    await store.saveWeights(key, await weightsOf(model));
    await store.saveSnapshot(scoreKey(config.splits.testSet), { pretextScore: summary.testScore, trainScore: summary.accuracy, readings: [] });
  }
  return { model, testScore: summary.testScore, trainScore: summary.accuracy, chanceScore: summary.chanceScore, metric: summary.metric, kept: false };
}
