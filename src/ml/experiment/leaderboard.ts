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
import { scoreName } from '../objectives/registry';
import { trainArm, type ArmResult, type ExperimentCallbacks } from './protocol';
import { experimentSpecs, settingsFor } from './runs';
import { compareToRandom } from './gain';
import { convergedUpperTitle, REFERENCE_IDS, REFERENCE_TITLES, type LeaderboardHead, type LeaderboardResult, type ReferenceId, type ReferenceRow, type TaskRow } from './leaderboard-types';
import { failedFit } from './fit-check';
import { pretextTrunk, type TrunkStore } from './trunk-source';
import { trainConvergedLabelledTrunk, upperLabels } from './upper-bound';
import { extractFeatures } from '../features/extract';
import { fitProbe, probeAccuracy } from '../probe/linear-probe';
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
  /** The instrument (default the probe). */
  readonly head?: LeaderboardHead;
  /** Keeps trained trunks between runs. */
  readonly store?: TrunkStore;
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
export function budgetText(config: ExperimentConfig, head: LeaderboardHead = 'lecture'): string {
  const p = config.pretext;
  const images = config.splits.pretextCount;
  const labelled = config.splits.labelledCount.toLocaleString('en-US');
  return `every trunk sees the same ${images.toLocaleString('en-US')} training images, 4 examples each, for ${p.epochs} epoch${p.epochs === 1 ? '' : 's'} ` +
    `(${(images * 4 * p.epochs).toLocaleString('en-US')} examples, Adam, batch ${p.batchSize}); ` +
    (head === 'probe'
      ? `every frozen trunk is read by the same linear probe (standardised features, L2 chosen by cross-validation on the same ${labelled} labelled images, trained to convergence)`
      : `every frozen trunk gets the same digit head trained on the same ${labelled} labelled images`);
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

/** The linear probe's test accuracy on a frozen trunk (any model whose first layers are the trunk). */
export async function probeDigitAccuracy(trunk: tf.LayersModel, splits: Splits, config: ExperimentConfig): Promise<number> {
  const scaling = config.scaling;
  const train = await extractFeatures(trunk, splits.labelled, { scaling });
  const test = await extractFeatures(trunk, splits.test, { scaling });
  const probe = await fitProbe({ features: train, labels: splits.labelled.labels }, { seed: config.seed });
  return probeAccuracy(probe, { features: test, labels: splits.test.labels });
}

/** One measured row of one seed: its accuracy, and why its head failed to fit if it did. */
interface Measured {
  readonly accuracy: number;
  readonly failedFit?: string;
}

function fromArm(arm: ArmResult): Measured {
  const failed = failedFit(arm.history);
  return failed ? { accuracy: arm.testAccuracy, failedFit: failed } : { accuracy: arm.testAccuracy };
}

/** Runs every chosen task and the reference rows for every seed. Throws before any work on a bad setting. */
export async function runLeaderboard(mnist: Mnist, options: LeaderboardOptions, callbacks: LeaderboardCallbacks = {}): Promise<LeaderboardResult> {
  const started = performance.now();
  const head: LeaderboardHead = options.head ?? 'probe';
  const seeds = Array.from({ length: options.seeds }, (_, i) => options.firstSeed + i);
  const first = leaderboardConfig(options.preset, options.tasks[0] ?? 'rotation', seeds[0], options.test);
  checkConfig(first, mnist.train.count);
  const splits = makeSplits(mnist, first.splits);

  const task: Record<string, { pretext: number[]; chance: number; metric: string; digits: Measured[] }> = {};
  const refs: Record<ReferenceId, Measured[]> = { random: [], scratch: [], upper: [] };
  const arm = async (use: 'scratch' | 'random', config: ExperimentConfig): Promise<ArmResult> =>
    trainArm({ ...experimentSpecs(config)[use], use }, splits, config, undefined, callbacks.runs);

  // Each measured row of each seed is kept (when there is a store): a recording split over several processes, one
  // seed each, is then assembled by running the whole command once more, which trains nothing.
  const recordKey = (row: string, seed: number) => `leaderboard-row.${head}.${options.preset}.${options.test}.${row}.s${seed}`;
  const kept = async (row: string, seed: number): Promise<(Measured & { pretextScore?: number; chanceScore?: number }) | null> =>
    (options.store ? ((await options.store.loadRecord(recordKey(row, seed))) as (Measured & { pretextScore?: number; chanceScore?: number }) | null) : null);
  const keep = async (row: string, seed: number, value: Measured & { pretextScore?: number; chanceScore?: number }) => options.store?.saveRecord(recordKey(row, seed), value);

  for (const seed of seeds) {
    const reference = leaderboardConfig(options.preset, 'rotation', seed, options.test);
    for (const id of REFERENCE_IDS) {
      callbacks.onRowStart?.(id, seed);
      const known = await kept(id, seed);
      if (known) {
        refs[id].push(known);
        callbacks.onRowEnd?.(id, seed, known.accuracy);
        continue;
      }
      let measured: Measured;
      if (id === 'upper' && head === 'probe') {
        const { model } = await trainConvergedLabelledTrunk(splits, reference);
        try {
          measured = { accuracy: await probeDigitAccuracy(model, splits, reference) };
        } finally {
          model.dispose();
        }
      } else if (id === 'upper') {
        const trunk = await trainLabelledTrunk(splits, reference, callbacks.runs);
        try {
          measured = fromArm(await trainArm({ ...experimentSpecs(reference).transfer, use: 'transfer' }, splits, reference, trunk, callbacks.runs));
        } finally {
          trunk.dispose();
        }
      } else if (id === 'random' && head === 'probe') {
        const model = buildDigitClassifier('random', reference.seed);
        try {
          measured = { accuracy: await probeDigitAccuracy(model, splits, reference) };
        } finally {
          model.dispose();
        }
      } else {
        // The supervised network has no frozen trunk to probe: under either instrument it is the lecture's run.
        measured = fromArm(await arm(id, reference));
      }
      refs[id].push(measured);
      await keep(id, seed, measured);
      callbacks.onRowEnd?.(id, seed, measured.accuracy);
    }
    for (const id of options.tasks) {
      callbacks.onRowStart?.(id, seed);
      const config = leaderboardConfig(options.preset, id, seed, options.test);
      const known = await kept(id, seed);
      if (known && known.pretextScore !== undefined && known.chanceScore !== undefined) {
        const row = (task[id] ??= { pretext: [], chance: known.chanceScore, metric: scoreName(taskById(id).objective), digits: [] });
        row.pretext.push(known.pretextScore);
        row.digits.push(known);
        callbacks.onRowEnd?.(id, seed, known.accuracy);
        continue;
      }
      const trunk = await pretextTrunk(splits, config, options.store, callbacks.runs);
      try {
        const measured = head === 'probe'
          ? { accuracy: await probeDigitAccuracy(trunk.model, splits, config) }
          : fromArm(await trainArm({ ...experimentSpecs(config).transfer, use: 'transfer' }, splits, config, trunk.model, callbacks.runs));
        const row = (task[id] ??= { pretext: [], chance: trunk.chanceScore, metric: trunk.metric, digits: [] });
        row.pretext.push(trunk.testScore);
        row.digits.push(measured);
        await keep(id, seed, { ...measured, pretextScore: trunk.testScore, chanceScore: trunk.chanceScore });
        callbacks.onRowEnd?.(id, seed, measured.accuracy);
      } finally {
        trunk.model.dispose();
      }
    }
  }

  const accuracies = (ms: readonly Measured[]) => ms.map((m) => m.accuracy);
  const failed = (m: Measured) => (m.failedFit ? { failedFit: m.failedFit } : {});
  const tasks: TaskRow[] = options.tasks.map((id) => {
    const t = task[id];
    return {
      id, title: taskById(id).title, pretextMetric: scoreName(taskById(id).objective),
      pretextScore: meanStd(t.pretext).mean, chanceScore: t.chance,
      digitAccuracy: meanStd(accuracies(t.digits)),
      gainOverRandom: compareToRandom(accuracies(t.digits), accuracies(refs.random)),
      perSeed: seeds.map((seed, i) => ({ seed, pretextScore: t.pretext[i], digitAccuracy: t.digits[i].accuracy, ...failed(t.digits[i]) })),
    };
  });
  // A "bound" that a task row beats is no bound: then the row is called a reference, and the panel says why.
  const bestTask = Math.max(...tasks.map((t) => t.digitAccuracy.mean));
  const upperTitle = (title: string) => (meanStd(accuracies(refs.upper)).mean < bestTask ? title.replace(/^Upper bound/, 'Reference') : title);
  const references: ReferenceRow[] = REFERENCE_IDS.map((id) => ({
    id, title: id === 'upper' ? upperTitle(head === 'probe' ? convergedUpperTitle(upperLabels(first.splits.pretextCount)) : REFERENCE_TITLES[id]) : REFERENCE_TITLES[id],
    digitAccuracy: meanStd(accuracies(refs[id])),
    perSeed: seeds.map((seed, i) => ({ seed, digitAccuracy: refs[id][i].accuracy, ...failed(refs[id][i]) })),
  }));
  return {
    version: 1, head, preset: options.preset, seeds, test: options.test, testCount: splits.test.count,
    labelledCount: first.splits.labelledCount, budget: budgetText(first, head), tasks, references,
    backend: options.backend, recordedAt: new Date().toISOString(), elapsedMs: performance.now() - started,
  };
}
