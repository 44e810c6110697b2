/**
 * Experiment settings and the three presets.
 *
 * - `lecture`: the notebook's protocol exactly (see the protocol table in docs/architecture.md). On a CPU it takes a while: the pretext
 *   model sees 40,000 images 50 times.
 * - `quick`: for a live demo on a laptop CPU. It keeps everything the comparison depends on (the same data,
 *   raw pixels, the same heads, optimisers, batch sizes, validation split and early stopping) and cuts the
 *   one expensive thing, pretext epochs, from 50 to 2. Rotation accuracy is already ~95% after one epoch,
 *   so the features the downstream head sees are close to fully trained; the remaining 48 epochs mostly
 *   polish a task we do not care about in itself.
 * - `smoke`: a correctness check that runs in well under a minute (2,000 pretext images, 1 pretext epoch,
 *   3 epochs per head). Its accuracies mean nothing.
 */
import type { SplitSizes } from '../data/splits';
import { LECTURE_SPLITS } from '../data/splits';
import type { InputScaling } from '../train/task-set';
import type { RotationOrder } from '../tasks/rotation/rotation';
import type { TaskId } from '../tasks/registry';
import type { PresetName, StepSettings } from './step-settings';

export { PRESET_NAMES, type PresetName, type StepSettings } from './step-settings';

/** A whole experiment: data, pretext training, and the three downstream arms. */
export interface ExperimentConfig {
  readonly preset: PresetName | 'custom';
  /** The pretext task whose trunk is trained and transferred (rotation in the lecture). */
  readonly task: TaskId;
  readonly seed: number;
  readonly scaling: InputScaling;
  readonly splits: SplitSizes;
  readonly rotationOrder: RotationOrder;
  /** Adam, Keras defaults. */
  readonly pretext: StepSettings;
  /** The frozen-feature head (also used for the random-features control). SGD with momentum. */
  readonly downstream: StepSettings;
  /** The same network from scratch. SGD with momentum. */
  readonly supervised: StepSettings;
}

const LECTURE: ExperimentConfig = {
  preset: 'lecture',
  task: 'rotation',
  seed: 1,
  scaling: 'raw',
  splits: LECTURE_SPLITS,
  rotationOrder: 'lecture',
  pretext: { epochs: 50, batchSize: 192, learningRate: 0.001, momentum: 0, shuffle: false, validationSplit: 0, patience: null },
  downstream: { epochs: 50, batchSize: 64, learningRate: 0.001, momentum: 0.9, shuffle: true, validationSplit: 0.2, patience: 7 },
  supervised: { epochs: 50, batchSize: 32, learningRate: 0.001, momentum: 0.9, shuffle: true, validationSplit: 0.2, patience: null },
};

const PRESETS: Record<PresetName, ExperimentConfig> = {
  lecture: LECTURE,
  quick: { ...LECTURE, preset: 'quick', pretext: { ...LECTURE.pretext, epochs: 2 } },
  smoke: {
    ...LECTURE,
    preset: 'smoke',
    splits: { ...LECTURE_SPLITS, pretextCount: 2_000 },
    pretext: { ...LECTURE.pretext, epochs: 1 },
    downstream: { ...LECTURE.downstream, epochs: 3 },
    supervised: { ...LECTURE.supervised, epochs: 3 },
  },
};

/** A fresh copy of a preset's settings. */
export function presetConfig(name: PresetName): ExperimentConfig {
  return structuredClone(PRESETS[name]);
}
