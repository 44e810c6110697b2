/**
 * The pretext-length study: does a pretext task give better digit features the longer it trains?
 *
 * Each task trains once per seed with a preset's pretext protocol (the Lecture's: 50 epochs of 40,000
 * examples, Adam, batch 192). Before the first epoch and after each listed epoch, training pauses and the trunk
 * is measured: its pretext score on the test images' examples, and the linear probe's digit accuracy after each
 * block for each label count. Pausing changes nothing in the arithmetic, so epoch 50 here is the very model a
 * 50-epoch run ends with (seed 1's rotation trunk is the shipped Lecture model's).
 *
 * Trained trunks and their readings are kept in a store (the CLI's is a gitignored folder), so a recording that
 * stops half way resumes at the next task and seed, and reading a kept trunk again (other labels, another
 * normalisation) never trains it again.
 */
import type { Mnist } from '../data/mnist';
import { makeSplits, type Splits, type TestSetName } from '../data/splits';
import type { ExperimentConfig, PresetName } from '../config/presets';
import { leaderboardConfig } from './leaderboard';
import { buildTaskModel } from '../models/architecture';
import { TrainingRun } from '../train/trainer';
import { evaluate } from '../eval/evaluate';
import { scoreName } from '../objectives/registry';
import { chanceScore } from '../tasks/chance';
import { storeName, taskById, type TaskId } from '../tasks/registry';
import { readTrunk, type TrunkBlock, type TrunkReading } from '../probe/trunk-readings';
import { experimentSpecs, trainOptionsFor } from './runs';
import { pretextTestSet, pretextTrainSet } from './protocol';
import { gatherRows, labelRows } from './label-pool';
import { meanStd } from './statistics';
import { loadWeightsInto, weightsOf, type StoredSnapshot, type StoredWeights, type TrunkStore } from './trunk-source';

export type { StoredSnapshot, StoredWeights, TrunkStore } from './trunk-source';
import type { PretextLengthPoint, PretextLengthResult, PretextLengthTask, SeedStats } from './pretext-length-types';

/** What to measure. */
export interface PretextLengthOptions {
  readonly preset: PresetName;
  readonly tasks: readonly TaskId[];
  readonly seeds: readonly number[];
  /** Epochs at which to measure, ascending; 0 is the untrained trunk. The last is how long each task trains. */
  readonly epochs: readonly number[];
  readonly labels: readonly number[];
  readonly blocks: readonly TrunkBlock[];
  readonly backend: string;
  readonly store: TrunkStore;
  /** The test images (default all 10,000; the lecture's 300 keep unit tests quick). */
  readonly test?: TestSetName;
}

/** Progress lines for the console. */
export interface PretextLengthCallbacks {
  onProgress?(message: string): void;
}

/** The store's key of one snapshot: the preset's budget, the task, the seed and the epoch. */
export function snapshotKey(preset: PresetName, task: TaskId, seed: number, epoch: number): string {
  return `pretext-length.${preset}.${storeName(task)}.s${seed}.e${epoch}`;
}

/** The configuration one task and seed trains with: the preset's, `epochs` pretext epochs, the test set given (all 10,000 by default). */
export function studyConfig(preset: PresetName, task: TaskId, seed: number, epochs: number, test: TestSetName = 'full'): ExperimentConfig {
  const base = leaderboardConfig(preset, task, seed, test);
  return { ...base, pretext: { ...base.pretext, epochs } };
}

function covers(snapshot: StoredSnapshot | null, labels: readonly number[], blocks: readonly TrunkBlock[]): snapshot is StoredSnapshot {
  return snapshot !== null && labels.every((l) => blocks.every((b) => snapshot.readings.some((r) => r.labels === l && r.block === b)));
}

/** Measures one task and seed at every listed epoch, training only if the store lacks what is asked. */
async function measureSeed(
  mnist: Mnist, splits: Splits, task: TaskId, seed: number, options: PretextLengthOptions, callbacks: PretextLengthCallbacks,
): Promise<StoredSnapshot[]> {
  const { store, epochs, labels, blocks, preset } = options;
  const last = epochs[epochs.length - 1];
  const config = studyConfig(preset, task, seed, last, options.test);
  const keys = epochs.map((e) => snapshotKey(preset, task, seed, e));
  const kept = await Promise.all(keys.map((k) => store.loadSnapshot(k)));
  if (kept.every((s) => covers(s, labels, blocks))) return kept as StoredSnapshot[];

  const labelled = labels.map((n) => ({ labels: n, images: gatherRows(mnist.train, labelRows(mnist, n, seed)) }));
  const testExamples = pretextTestSet(task, splits);
  const model = buildTaskModel(taskById(task), seed);
  const measure = async (epoch: number): Promise<StoredSnapshot> => {
    const key = snapshotKey(preset, task, seed, epoch);
    const started = performance.now();
    const score = await evaluate(model, testExamples, { scaling: config.scaling, batchSize: 192, objective: taskById(task).objective });
    const readings = await readTrunk(model, labelled, splits.test, { scaling: config.scaling, blocks, seed });
    const snapshot = { pretextScore: score.accuracy, readings };
    await store.saveWeights(key, await weightsOf(model));
    await store.saveSnapshot(key, snapshot);
    const headline = readings.find((r) => r.labels === Math.max(...labels) && r.block === 'conv2 + pool') ?? readings[0];
    callbacks.onProgress?.(`${task} seed ${seed} epoch ${epoch}: pretext ${(100 * score.accuracy).toFixed(2)}%, probe ${(100 * headline.accuracy).toFixed(2)}% ` +
      `(${headline.labels} labels, ${headline.block}) [measured in ${((performance.now() - started) / 1000).toFixed(1)} s]`);
    return snapshot;
  };
  try {
    const snapshots = new Map<number, StoredSnapshot>();
    const weightsKept = await Promise.all(keys.map((k) => store.loadWeights(k)));
    if (weightsKept.every((w) => w !== null)) {
      // Every trunk is kept: read them again instead of training.
      for (let i = 0; i < epochs.length; i++) {
        loadWeightsInto(model, weightsKept[i] as StoredWeights);
        snapshots.set(epochs[i], await measure(epochs[i]));
      }
      return epochs.map((e) => snapshots.get(e) as StoredSnapshot);
    }
    if (last === 0) return [await measure(0)];
    // The trainer waits at each epoch boundary (before the first epoch too) while the trunk is measured, so
    // nothing trains meanwhile and the arithmetic is that of an uninterrupted run.
    const run = new TrainingRun(model, pretextTrainSet(config, splits.pretext), trainOptionsFor(experimentSpecs(config).pretext, config), {
      atEpochBoundary: async (done) => {
        if (epochs.includes(done)) snapshots.set(done, await measure(done));
      },
    });
    const result = await run.run();
    if (result.reason !== 'completed') throw new Error(`${task} seed ${seed}: the pretext run ended early (${result.reason}${result.message ? `: ${result.message}` : ''})`);
    return epochs.map((e) => {
      const s = snapshots.get(e);
      if (!s) throw new Error(`${task} seed ${seed}: epoch ${e} was never measured`);
      return s;
    });
  } finally {
    model.dispose();
  }
}

function stats(values: readonly number[]): SeedStats {
  return { ...meanStd(values), perSeed: values };
}

/** Runs the study and assembles its file (the `commands` field is the caller's). */
export async function runPretextLength(
  mnist: Mnist, options: PretextLengthOptions, callbacks: PretextLengthCallbacks = {},
): Promise<Omit<PretextLengthResult, 'commands'>> {
  const started = performance.now();
  const epochs = [...options.epochs].sort((a, b) => a - b);
  const sorted = { ...options, epochs };
  const splits = makeSplits(mnist, studyConfig(options.preset, options.tasks[0] ?? 'rotation', 1, 1, options.test).splits);
  const headlineLabels = options.labels.includes(1000) ? 1000 : Math.max(...options.labels);
  const tasks: PretextLengthTask[] = [];
  for (const task of options.tasks) {
    const taskStarted = performance.now();
    const perSeed: StoredSnapshot[][] = [];
    for (const seed of options.seeds) perSeed.push(await measureSeed(mnist, splits, task, seed, sorted, callbacks));
    const reading = (s: StoredSnapshot, labels: number, block: TrunkBlock) =>
      (s.readings.find((r) => r.labels === labels && r.block === block) as TrunkReading).accuracy;
    const points: PretextLengthPoint[] = epochs.map((epoch, i) => {
      const snaps = perSeed.map((seedSnaps) => seedSnaps[i]);
      const pretext = stats(snaps.map((s) => s.pretextScore));
      return {
        epoch,
        pretextScore: pretext.mean,
        pretextScoreStats: pretext,
        accuracy: stats(snaps.map((s) => reading(s, headlineLabels, 'conv2 + pool'))),
        probes: options.labels.flatMap((labels) => options.blocks.map((block) => ({ labels, block, accuracy: stats(snaps.map((s) => reading(s, labels, block))) }))),
      };
    });
    const definition = taskById(task);
    tasks.push({
      id: task, title: definition.title, pretextMetric: scoreName(definition.objective),
      chanceScore: chanceScore(definition, pretextTestSet(task, splits)), points, elapsedMs: performance.now() - taskStarted,
    });
  }
  return {
    kind: 'pretext-length', version: 1, preset: options.preset, head: 'probe', seedList: options.seeds, epochs,
    labels: options.labels, blocks: options.blocks, testCount: splits.test.count, backend: options.backend, tasks,
    recordedAt: new Date().toISOString(), elapsedMs: performance.now() - started,
  };
}

