/**
 * Runs: one training of one network, described by a spec and identified by it.
 *
 * A run says which pretext task's trunk it concerns, how that trunk is used (trained on the pretext task
 * itself, transferred and frozen under the digit head, random and frozen, or trained from scratch with the
 * head), the seed, and how many labelled digits the head sees. Its training seed is derived from the spec,
 * never from a position in a list, so adding a task or a panel cannot change any other run's numbers.
 */
import type { ExperimentConfig, StepSettings } from '../config/presets';
import { deriveSeed } from '../train/random';
import type { TrainOptions } from '../train/trainer';
import { taskById, type TaskId } from '../tasks/registry';
import { objectiveTraits } from '../objectives/registry';

/** How a run uses the trunk. */
export type TrunkUse =
  /** Trained on the pretext task (the task's head on top). */
  | 'pretext'
  /** Copied from that task's pretext run and frozen under a new digit head: the self-supervised model. */
  | 'transfer'
  /** Trained from scratch with the digit head on the labelled digits: the supervised baseline. */
  | 'scratch'
  /** Random, untrained and frozen under the digit head: the control. */
  | 'random'
  /**
   * Copied from that task's pretext run like `transfer`, but every layer keeps learning on the labels, with a
   * smaller step (FINETUNE_LR_FACTOR): the lecture's "transferred to downstream tasks and fine-tuned".
   */
  | 'finetune';

/** The digit classifiers' uses, in display order. */
export const HEAD_USES: readonly Exclude<TrunkUse, 'pretext'>[] = ['transfer', 'scratch', 'random', 'finetune'];

/** The uses whose trunk is copied from a pretext run (so they need one first). */
export function copiesTrunk(use: TrunkUse): use is 'transfer' | 'finetune' {
  return use === 'transfer' || use === 'finetune';
}

/**
 * Fine-tuning trains every layer with the baseline's settings but a tenth of its learning rate. Why smaller:
 * the trunk already holds features worth keeping, while the new head starts random; its first, large and
 * mostly wrong gradients flow back into the convolutions, and at the baseline's full step they can scramble
 * what the pretext task taught before the head has learned anything (the "forgetting" fine-tuning guards
 * against). A small step lets the trunk move only as far as the labels really ask.
 */
export const FINETUNE_LR_FACTOR = 0.1;

/** A run's description. `task` matters for pretext and transfer runs; scratch and random runs ignore it. */
export interface RunSpec {
  readonly task: TaskId;
  readonly use: TrunkUse;
  readonly seed: number;
  /** Labelled digits the head trains on (ignored by pretext runs). */
  readonly labels: number;
}

/** A run's id, made from its spec: "rotation.pretext.s1", "jigsaw.transfer.s1.n1000", "random.s1.n1000". */
export type RunId = string;

/** The id of a spec. */
export function runId(spec: RunSpec): RunId {
  switch (spec.use) {
    case 'pretext': return `${spec.task}.pretext.s${spec.seed}`;
    case 'transfer':
    case 'finetune': return `${spec.task}.${spec.use}.s${spec.seed}.n${spec.labels}`;
    default: return `${spec.use}.s${spec.seed}.n${spec.labels}`;
  }
}

/** The spec behind an id, or null when the id is not one of ours (e.g. from a stale saved model). */
export function parseRunId(id: string, isTask: (t: string) => t is TaskId): RunSpec | null {
  const parts = id.split('.');
  const seed = (s: string | undefined) => (s && /^s\d+$/.test(s) ? Number(s.slice(1)) : null);
  const labels = (s: string | undefined) => (s && /^n\d+$/.test(s) ? Number(s.slice(1)) : null);
  if (parts.length === 3 && parts[1] === 'pretext' && isTask(parts[0]) && seed(parts[2]) !== null) {
    return { task: parts[0], use: 'pretext', seed: seed(parts[2]) as number, labels: 0 };
  }
  if (parts.length === 4 && (parts[1] === 'transfer' || parts[1] === 'finetune') && isTask(parts[0]) && seed(parts[2]) !== null && labels(parts[3]) !== null) {
    return { task: parts[0], use: parts[1], seed: seed(parts[2]) as number, labels: labels(parts[3]) as number };
  }
  if (parts.length === 3 && (parts[0] === 'scratch' || parts[0] === 'random') && seed(parts[1]) !== null && labels(parts[2]) !== null) {
    return { task: 'rotation', use: parts[0], seed: seed(parts[1]) as number, labels: labels(parts[2]) as number };
  }
  return null;
}

/** The four specs of the lecture's experiment under a configuration, for its task. */
export function experimentSpecs(config: ExperimentConfig): Record<TrunkUse, RunSpec> {
  const at = (use: TrunkUse): RunSpec => ({ task: config.task, use, seed: config.seed, labels: use === 'pretext' ? 0 : config.splits.labelledCount });
  return { pretext: at('pretext'), transfer: at('transfer'), scratch: at('scratch'), random: at('random'), finetune: at('finetune') };
}

/** The pretext run a transfer run copies its trunk from. */
export function sourceOf(spec: RunSpec): RunSpec {
  return { task: spec.task, use: 'pretext', seed: spec.seed, labels: 0 };
}

// Salts for the training seeds. Rotation's pretext and the three heads keep the salts they had before
// tasks existed (100-103), so the numbers the README and the shipped models quote do not move. Fine-tuning
// came later and takes the next salt, leaving the other four untouched.
const USE_SALT: Record<TrunkUse, number> = { pretext: 100, transfer: 101, scratch: 102, random: 103, finetune: 104 };

/** A stable number per task (0 for rotation, whose seeds predate the registry). */
export function taskSalt(task: TaskId): number {
  if (task === 'rotation') return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < task.length; i++) hash = Math.imul(hash ^ task.charCodeAt(i), 0x01000193) >>> 0;
  return 1000 + (hash % 1_000_000);
}

/**
 * The seed for a run's shuffles. The digit heads do not depend on the task: every task's frozen trunk gets
 * the same head initialisation and the same shuffles, so the only difference between two tasks' rows on the
 * leaderboard is the trunk.
 */
export function trainSeed(spec: RunSpec): number {
  return deriveSeed(spec.seed, USE_SALT[spec.use] + (spec.use === 'pretext' ? taskSalt(spec.task) : 0));
}

/** The seed a task's training examples are generated with (hole positions, permutations, ...). */
export function exampleSeed(task: TaskId, seed: number): number {
  return deriveSeed(seed, 200 + taskSalt(task));
}

/** The seed of a task's test examples: fixed, so every seed's pretext score is measured on the same examples. */
export function testExampleSeed(task: TaskId): number {
  return deriveSeed(0, 300 + taskSalt(task));
}

/**
 * The settings of a run: the task's pretext settings, the frozen heads' (`downstream`), or the baseline's;
 * fine-tuning trains every layer, so it takes the baseline's settings with a smaller learning rate, and the
 * two differ only in where the trunk starts and how far each step moves it.
 */
export function settingsFor(use: TrunkUse, config: ExperimentConfig): StepSettings {
  if (use === 'pretext') return taskById(config.task).settings(config.preset === 'custom' ? 'lecture' : config.preset, config.pretext);
  if (use === 'finetune') return { ...config.supervised, learningRate: config.supervised.learningRate * FINETUNE_LR_FACTOR };
  return use === 'scratch' ? config.supervised : config.downstream;
}

/** Trainer options for a run: Adam for the pretext task, SGD with momentum for the digit heads. */
export function trainOptionsFor(spec: RunSpec, config: ExperimentConfig): TrainOptions {
  const settings = settingsFor(spec.use, config);
  const task = taskById(spec.task);
  return {
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    optimizer: spec.use === 'pretext'
      ? { kind: 'adam', learningRate: settings.learningRate }
      : { kind: 'sgd', learningRate: settings.learningRate, momentum: settings.momentum },
    shuffle: settings.shuffle,
    seed: trainSeed(spec),
    validationSplit: settings.validationSplit,
    patience: settings.patience,
    scaling: config.scaling,
    ...(spec.use === 'pretext' ? { objective: task.objective, groupSize: objectiveTraits(task.objective).groupSize } : {}),
  };
}

/** What a run is, in words for messages and panels ("the jigsaw pretext model", "the supervised baseline"). */
export function describeRun(spec: RunSpec, titleOf: (task: TaskId) => string = (t) => taskById(t).title.toLowerCase()): string {
  switch (spec.use) {
    case 'pretext': return `the ${titleOf(spec.task)} pretext model`;
    case 'transfer': return `the self-supervised head on ${titleOf(spec.task)} features`;
    case 'scratch': return 'the supervised baseline';
    case 'random': return 'the random-features control';
    case 'finetune': return `the network fine-tuned from ${titleOf(spec.task)} features`;
  }
}

/** Why a transfer or fine-tune run cannot start yet: its task's pretext model does not exist. */
export function needsPretextMessage(spec: RunSpec): string {
  const who = spec.use === 'finetune' ? 'the fine-tuned network starts from' : 'the self-supervised head reuses';
  return `Train ${describeRun(sourceOf(spec))} first: ${who} its convolutions.`;
}
