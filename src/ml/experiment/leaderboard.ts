/**
 * The leaderboard: every pretext task through the same protocol, next to three reference rows, so a student can
 * ask "which features are worth learning?" and get an honest answer.
 *
 * - Every task's trunk sees the same budget: the same 10,000 unlabelled images, 4 examples each, for the same
 *   number of pretext epochs with the same optimiser and batch size. Its frozen trunk then gets the very same
 *   digit head (same initialisation, same shuffles, same labelled images): only the trunk differs between rows.
 * - Reference rows: the *random* frozen trunk (the floor a pretext task has to beat), the *supervised* network
 *   trained from scratch on the labelled images (what the labels alone give), and an *upper bound*: the trunk
 *   trained on the digit labels of the pretext images themselves (the same images, the same number of examples
 *   seen), then frozen under the same head. It answers "what if the pretext task were the real task?".
 * - A task "beats random" only when its mean gain is more than twice its combined standard error over seeds.
 */
import * as tf from '@tensorflow/tfjs';
import type { Mnist } from '../data/mnist';
import { makeSplits, type Splits } from '../data/splits';
import { presetConfig, type ExperimentConfig, type PresetName } from '../config/presets';
import { checkConfig } from '../config/check-config';
import type { TestSetName } from '../data/splits';
import { buildDigitClassifier } from '../models/architecture';
import { TrainingRun } from '../train/trainer';
import { deriveSeed } from '../train/random';
import { taskById, type TaskId } from '../tasks/registry';
import { scoreName } from '../tasks/score-name';
import { trainArm, trainPretext, type ArmResult, type ExperimentCallbacks } from './protocol';
import { experimentSpecs, settingsFor } from './runs';
import { compareToRandom } from './gain';
import { REFERENCE_IDS, REFERENCE_TITLES, type LeaderboardResult, type ReferenceId, type ReferenceRow, type TaskRow } from './leaderboard-types';
import { meanStd } from './statistics';

export type { LeaderboardResult, ReferenceId, ReferenceRow, TaskRow } from './leaderboard-types';

/** What to run. */
export interface LeaderboardOptions {
  readonly preset: PresetName;
  readonly seeds: number;
  readonly firstSeed: number;
  readonly tasks: readonly TaskId[];
  readonly test: TestSetName;
  readonly backend: string;
}

/** Progress, tagged with the row being trained. */
export interface LeaderboardCallbacks {
  onRowStart?(row: TaskId | ReferenceId, seed: number): void;
  onRowEnd?(row: TaskId | ReferenceId, seed: number, digitAccuracy: number): void;
  /** Passed through to each run, e.g. to print epochs. */
  readonly runs?: ExperimentCallbacks;
}

/** The configuration of one seed of one task under a preset, with the test set chosen. */
export function leaderboardConfig(preset: PresetName, task: TaskId, seed: number, test: TestSetName): ExperimentConfig {
  const base = presetConfig(preset);
  return { ...base, task, seed, splits: { ...base.splits, testSet: test } };
}

/** The equal budget every trunk gets under a config, in words. */
export function budgetText(config: ExperimentConfig): string {
  const p = config.pretext;
  const images = config.splits.pretextCount;
  return `every trunk sees the same ${images.toLocaleString('en-US')} training images, 4 examples each, for ${p.epochs} epoch${p.epochs === 1 ? '' : 's'} ` +
    `(${(images * 4 * p.epochs).toLocaleString('en-US')} examples, Adam, batch ${p.batchSize}); every frozen trunk gets the same digit head ` +
    `trained on the same ${config.splits.labelledCount.toLocaleString('en-US')} labelled images`;
}

/**
 * The upper bound's trunk: the digit classifier trained on the pretext images *with* their digit labels, for as
 * many examples as a pretext task sees (4 per image per epoch, so 4x the epochs) with the pretext optimiser.
 * The caller disposes the model.
 */
export async function trainLabelledTrunk(splits: Splits, config: ExperimentConfig, callbacks: ExperimentCallbacks = {}): Promise<tf.LayersModel> {
  const settings = settingsFor('pretext', { ...config, task: 'rotation' });
  const model = buildDigitClassifier('scratch', config.seed);
  try {
    await new TrainingRun(model, splits.pretext, {
      epochs: settings.epochs * 4,
      batchSize: settings.batchSize,
      optimizer: { kind: 'adam', learningRate: settings.learningRate },
      shuffle: settings.shuffle,
      seed: deriveSeed(config.seed, 104),
      validationSplit: settings.validationSplit,
      patience: settings.patience,
      scaling: config.scaling,
    }, {
      onBatchEnd: (e) => callbacks.onBatchEnd?.('scratch', e),
      onEpochEnd: (e) => callbacks.onEpochEnd?.('scratch', e),
    }).run();
    return model;
  } catch (err) {
    model.dispose();
    throw err;
  }
}

/** Runs every chosen task and the reference rows for every seed. Throws before any work on a bad setting. */
export async function runLeaderboard(mnist: Mnist, options: LeaderboardOptions, callbacks: LeaderboardCallbacks = {}): Promise<LeaderboardResult> {
  const started = performance.now();
  const seeds = Array.from({ length: options.seeds }, (_, i) => options.firstSeed + i);
  const first = leaderboardConfig(options.preset, options.tasks[0] ?? 'rotation', seeds[0], options.test);
  checkConfig(first, mnist.train.count);
  const splits = makeSplits(mnist, first.splits);

  const task: Record<string, { pretext: number[]; chance: number; digits: number[] }> = {};
  const refs: Record<ReferenceId, number[]> = { random: [], scratch: [], upper: [] };
  const arm = async (use: 'scratch' | 'random', config: ExperimentConfig): Promise<ArmResult> =>
    trainArm({ ...experimentSpecs(config)[use], use }, splits, config, undefined, callbacks.runs);

  for (const seed of seeds) {
    const reference = leaderboardConfig(options.preset, 'rotation', seed, options.test);
    for (const id of REFERENCE_IDS) {
      callbacks.onRowStart?.(id, seed);
      let accuracy: number;
      if (id === 'upper') {
        const trunk = await trainLabelledTrunk(splits, reference, callbacks.runs);
        try {
          accuracy = (await trainArm({ ...experimentSpecs(reference).transfer, use: 'transfer' }, splits, reference, trunk, callbacks.runs)).testAccuracy;
        } finally {
          trunk.dispose();
        }
      } else {
        accuracy = (await arm(id, reference)).testAccuracy;
      }
      refs[id].push(accuracy);
      callbacks.onRowEnd?.(id, seed, accuracy);
    }
    for (const id of options.tasks) {
      callbacks.onRowStart?.(id, seed);
      const config = leaderboardConfig(options.preset, id, seed, options.test);
      const { model, summary } = await trainPretext(splits, config, callbacks.runs);
      try {
        const head = await trainArm({ ...experimentSpecs(config).transfer, use: 'transfer' }, splits, config, model, callbacks.runs);
        const row = (task[id] ??= { pretext: [], chance: summary.chanceScore, digits: [] });
        row.pretext.push(summary.testScore);
        row.digits.push(head.testAccuracy);
        callbacks.onRowEnd?.(id, seed, head.testAccuracy);
      } finally {
        model.dispose();
      }
    }
  }

  const tasks: TaskRow[] = options.tasks.map((id) => {
    const t = task[id];
    return {
      id, title: taskById(id).title, pretextMetric: scoreName(taskById(id).objective),
      pretextScore: meanStd(t.pretext).mean, chanceScore: t.chance,
      digitAccuracy: meanStd(t.digits),
      gainOverRandom: compareToRandom(t.digits, refs.random),
      perSeed: seeds.map((seed, i) => ({ seed, pretextScore: t.pretext[i], digitAccuracy: t.digits[i] })),
    };
  });
  const references: ReferenceRow[] = REFERENCE_IDS.map((id) => ({
    id, title: REFERENCE_TITLES[id], digitAccuracy: meanStd(refs[id]),
    perSeed: seeds.map((seed, i) => ({ seed, digitAccuracy: refs[id][i] })),
  }));
  return {
    version: 1, preset: options.preset, seeds, test: options.test, testCount: splits.test.count,
    labelledCount: first.splits.labelledCount, budget: budgetText(first), tasks, references,
    backend: options.backend, recordedAt: new Date().toISOString(), elapsedMs: performance.now() - started,
  };
}
