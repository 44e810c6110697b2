/**
 * One cell of the leaderboard: one row (a task or a reference) for one seed, measured on its own.
 *
 * Every number in a cell comes from its run specs (the seed and the row), never from what ran before it in the
 * same process, so cells can be measured in any order, in any process, and put together afterwards: that is
 * what lets `npm run leaderboard` keep both cores busy with one process each, and resume an interrupted
 * recording from the cells its store kept.
 */
import type * as tf from '#tf';
import type { Splits, TestSetName } from '../data/splits';
import type { ExperimentConfig, PresetName } from '../config/presets';
import { presetConfig } from '../config/presets';
import { buildDigitClassifier, planDigitClassifier, planTaskModel } from '../models/architecture';
import { summarizePlan } from '../models/plan';
import { TrainingRun } from '../train/trainer';
import { deriveSeed } from '../train/random';
import { isTaskId, storeName, taskById, type TaskId } from '../tasks/registry';
import { trainArm, type ArmResult, type ExperimentCallbacks } from './protocol';
import { experimentSpecs, settingsFor } from './runs';
import type { LeaderboardHead, ReferenceId } from './leaderboard-types';
import { failedFit } from './fit-check';
import { loadWeightsInto, pretextTrunk, weightsOf, type TrunkStore } from './trunk-source';
import { trainConvergedLabelledTrunk, UPPER_BOUND_TRAINING, upperLabels } from './upper-bound';
import { extractFeatures } from '../features/extract';
import { fitProbe, probeAccuracy } from '../probe/linear-probe';

/** A row of the table: a pretext task or a reference. */
export type LeaderboardRowId = TaskId | ReferenceId;

/** One row of one seed. */
export interface LeaderboardCell {
  readonly row: LeaderboardRowId;
  readonly seed: number;
}

/** What was measured in one cell, as kept in the store: a task row also keeps its trunk's pretext scores. */
export interface CellRecord {
  readonly accuracy: number;
  /** Why the lecture's head failed to fit, when it did. */
  readonly failedFit?: string;
  readonly pretextScore?: number;
  readonly chanceScore?: number;
}

/** What every cell of one recording shares. */
export interface CellSetting {
  readonly preset: PresetName;
  readonly test: TestSetName;
  readonly head: LeaderboardHead;
  readonly store?: TrunkStore;
}

/** The configuration of one seed of one task under a preset, with the test set chosen. */
export function leaderboardConfig(preset: PresetName, task: TaskId, seed: number, test: TestSetName): ExperimentConfig {
  const base = presetConfig(preset);
  return { ...base, task, seed, splits: { ...base.splits, testSet: test } };
}

/**
 * A rough cost of measuring a row (parameters x examples trained), only to hand out the longest cells first, so
 * that a pool of processes does not end with one core idle while the other finishes a long cell: colourization's
 * 0.9 million-weight head makes its cell the longest, the converged upper bound's up to 40 epochs come next after
 * the other big heads. The order changes no number: every cell's seeds are its own.
 */
export function cellCost(preset: PresetName, row: LeaderboardRowId): number {
  const config = presetConfig(preset);
  const params = (plan: Parameters<typeof summarizePlan>[0]) => summarizePlan(plan).trainableParams;
  const images = config.splits.pretextCount;
  switch (row) {
    case 'random': return 0;
    case 'scratch': return params(planDigitClassifier('scratch')) * config.supervised.epochs * config.splits.labelledCount;
    case 'upper': return params(planDigitClassifier('scratch')) * UPPER_BOUND_TRAINING.maxEpochs * upperLabels(images);
    default: return params(planTaskModel(taskById(row))) * config.pretext.epochs * 4 * images;
  }
}

/** The store's key of a measured cell. */
export function cellKey(setting: CellSetting, cell: LeaderboardCell): string {
  const row = isTaskId(cell.row) ? storeName(cell.row) : cell.row;
  return `leaderboard-row.${setting.head}.${setting.preset}.${setting.test}.${row}.s${cell.seed}`;
}

/** The cell's record from the store, or null when it has none (a task row must also hold its pretext scores). */
export async function keptCell(setting: CellSetting, cell: LeaderboardCell, isTask: boolean): Promise<CellRecord | null> {
  const known = setting.store ? ((await setting.store.loadRecord(cellKey(setting, cell))) as CellRecord | null) : null;
  if (known && isTask && (known.pretextScore === undefined || known.chanceScore === undefined)) return null;
  return known;
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

function fromArm(arm: ArmResult): CellRecord {
  const failed = failedFit(arm.history);
  return failed ? { accuracy: arm.testAccuracy, failedFit: failed } : { accuracy: arm.testAccuracy };
}

/** Reads a model with the cell's instrument (disposing it after), or trains the lecture's head on its trunk. */
async function readTrunk(model: tf.LayersModel, splits: Splits, config: ExperimentConfig, head: LeaderboardHead, callbacks?: ExperimentCallbacks): Promise<CellRecord> {
  try {
    return head === 'probe'
      ? { accuracy: await probeDigitAccuracy(model, splits, config) }
      : fromArm(await trainArm({ ...experimentSpecs(config).transfer, use: 'transfer' }, splits, config, model, callbacks));
  } finally {
    model.dispose();
  }
}

/**
 * The upper bound's trained digit classifier for a seed, from the store when it holds one (then its weights are
 * the very ones training made), else trained and kept: like a pretext trunk, it is trained once, whichever
 * recording asks for it again. The caller disposes the model.
 */
async function keptModel(store: TrunkStore | undefined, key: string, seed: number, train: () => Promise<tf.LayersModel>): Promise<tf.LayersModel> {
  const weights = await store?.loadWeights(key);
  if (weights) {
    const model = buildDigitClassifier('scratch', seed);
    loadWeightsInto(model, weights);
    return model;
  }
  const model = await train();
  await store?.saveWeights(key, await weightsOf(model));
  return model;
}

/**
 * Measures one cell (training its trunk, or taking a kept one from the store) and keeps the record in the
 * store. `splits` are the recording's (they depend on the preset and the test set only).
 */
export async function measureCell(splits: Splits, setting: CellSetting, cell: LeaderboardCell, callbacks?: ExperimentCallbacks): Promise<CellRecord> {
  const { head } = setting;
  const reference = (id: string): id is ReferenceId => id === 'random' || id === 'scratch' || id === 'upper';
  let record: CellRecord;
  if (reference(cell.row)) {
    const config = leaderboardConfig(setting.preset, 'rotation', cell.seed, setting.test);
    if (cell.row === 'upper' && head === 'probe') {
      const key = `upper-converged.${setting.preset}.s${cell.seed}`;
      record = await readTrunk(await keptModel(setting.store, key, config.seed, async () => (await trainConvergedLabelledTrunk(splits, config)).model), splits, config, head);
    } else if (cell.row === 'upper') {
      const key = `upper-labelled.${setting.preset}.s${cell.seed}.e${config.pretext.epochs * 4}`;
      record = await readTrunk(await keptModel(setting.store, key, config.seed, () => trainLabelledTrunk(splits, config, callbacks)), splits, config, head, callbacks);
    } else if (cell.row === 'random' && head === 'probe') {
      record = await readTrunk(buildDigitClassifier('random', config.seed), splits, config, head);
    } else {
      // The supervised network has no frozen trunk to probe: under either instrument it is the lecture's run.
      const use = cell.row;
      record = fromArm(await trainArm({ ...experimentSpecs(config)[use], use }, splits, config, undefined, callbacks));
    }
  } else {
    const config = leaderboardConfig(setting.preset, cell.row, cell.seed, setting.test);
    const trunk = await pretextTrunk(splits, config, setting.store, callbacks);
    const measured = await readTrunk(trunk.model, splits, config, head, callbacks);
    record = { ...measured, pretextScore: trunk.testScore, chanceScore: trunk.chanceScore };
  }
  await setting.store?.saveRecord(cellKey(setting, cell), record);
  return record;
}
