/**
 * The lecture's whole experiment, end to end, as one function, for any pretext task: the task's examples,
 * pretext training, the frozen-trunk digit head (self-supervised), the same network from scratch
 * (supervised), and the control the lecture lacks: the same frozen head on random, untrained convolutions.
 *
 * The panels and the worker run the same runs one at a time; this is the version for the command line and
 * for tests.
 */
import * as tf from '#tf';
import type { ImageSet, Mnist } from '../data/mnist';
import { makeSplits, type Splits } from '../data/splits';
import { buildDigitClassifier, buildTaskModel } from '../models/architecture';
import { summarizeModel } from '../models/summary';
import { TrainingRun } from '../train/trainer';
import type { BatchEvent, EpochEvent, EpochRecord, TrainResult } from '../train/events';
import type { TaskSet } from '../train/objective';
import { evaluate } from '../eval/evaluate';
import { checkConfig } from '../config/check-config';
import type { ExperimentConfig } from '../config/presets';
import { taskById, type TaskId } from '../tasks/registry';
import { scoreName } from '../objectives/registry';
import { chanceScore } from '../tasks/chance';
import { exampleSeed, experimentSpecs, testExampleSeed, trainOptionsFor, type RunSpec, type TrunkUse } from './runs';

/** Outcome of one classifier arm. */
export interface ArmResult {
  readonly testAccuracy: number;
  readonly testLoss: number;
  readonly epochs: number;
  readonly reason: TrainResult['reason'];
  readonly history: readonly EpochRecord[];
}

/** The parameter counts the lecture prints (the pretext model's for the task run). */
export interface ParamCounts {
  readonly pretext: number;
  readonly downstreamTotal: number;
  readonly downstreamTrainable: number;
  readonly downstreamFrozen: number;
  readonly supervised: number;
}

/** Everything one seed of the experiment produced. Field names predate tasks and keep their meaning. */
export interface ExperimentResult {
  readonly task: TaskId;
  readonly seed: number;
  readonly pretext: {
    readonly loss: number;
    /** The pretext score on its own training examples at the last epoch (accuracy for classifiers). */
    readonly accuracy: number;
    readonly epochs: number;
    /** What the pretext score measures ("accuracy", "pixels within 10%"). */
    readonly metric: string;
    /** The pretext score on the task's examples made from the test images. */
    readonly testScore: number;
    /** What `testScore` would be with nothing learned: guessing, or painting every hidden pixel as paper. */
    readonly chanceScore: number;
    /** Rotation only (null for other tasks): rotation accuracy on the rotated test images. */
    readonly rotationTestAccuracy: number | null;
    readonly history: readonly EpochRecord[];
  };
  readonly selfSupervised: ArmResult;
  readonly supervised: ArmResult;
  readonly randomFrozen: ArmResult;
  readonly params: ParamCounts;
  readonly testCount: number;
  readonly elapsedMs: number;
}

/** Progress callbacks, tagged with the run's use of the trunk. */
export interface ExperimentCallbacks {
  onStepStart?(use: TrunkUse): void;
  onBatchEnd?(use: TrunkUse, event: BatchEvent): void;
  onEpochEnd?(use: TrunkUse, event: EpochEvent): void;
  /**
   * Called, and awaited, with each run's model once it has finished training (and, for the classifiers, its
   * test evaluation), just before runExperiment disposes it: the only way to keep the very weights the protocol
   * trained, e.g. to ship them (`npm run pretrain`). The pretext model is handed over before any head trains;
   * the heads copy its weights, so it never changes afterwards. Must not dispose or modify the model.
   */
  onModelTrained?(use: TrunkUse, model: tf.LayersModel, result: TrainResult): void | Promise<void>;
}

/** A task's examples made from the test images, to score the pretext task itself (fixed seed). */
export function pretextTestSet(task: TaskId, splits: Splits): TaskSet {
  return taskById(task).buildExamples(splits.test, { seed: testExampleSeed(task) });
}

/** A task's training examples from the unlabelled pretext images. */
export function pretextTrainSet(config: ExperimentConfig, pretextImages: ImageSet): TaskSet {
  return taskById(config.task).buildExamples(pretextImages, { seed: exampleSeed(config.task, config.seed), config });
}

/** A task's pretext run, trained and scored on the test images' examples; the model is the caller's to dispose. */
export interface PretextOutcome {
  readonly model: tf.LayersModel;
  readonly summary: ExperimentResult['pretext'];
}

/** Trains `config.task`'s pretext model on the pretext images and scores it on the test images' examples. */
export async function trainPretext(splits: Splits, config: ExperimentConfig, callbacks: ExperimentCallbacks = {}): Promise<PretextOutcome> {
  const task = taskById(config.task);
  const spec = experimentSpecs(config).pretext;
  const examples = pretextTrainSet(config, splits.pretext);
  const model = buildTaskModel(task, config.seed);
  try {
    callbacks.onStepStart?.('pretext');
    const run = await new TrainingRun(model, examples, trainOptionsFor(spec, config), {
      onBatchEnd: (e) => callbacks.onBatchEnd?.('pretext', e),
      onEpochEnd: (e) => callbacks.onEpochEnd?.('pretext', e),
    }).run();
    const testExamples = pretextTestSet(config.task, splits);
    const test = await evaluate(model, testExamples, { scaling: config.scaling, batchSize: 192, objective: task.objective });
    const last = run.history[run.history.length - 1];
    await callbacks.onModelTrained?.('pretext', model, run);
    return {
      model,
      summary: {
        loss: last?.loss ?? NaN, accuracy: last?.accuracy ?? NaN, epochs: run.epochsRun,
        metric: scoreName(task.objective), testScore: test.accuracy, chanceScore: chanceScore(task, testExamples),
        rotationTestAccuracy: config.task === 'rotation' ? test.accuracy : null, history: run.history,
      },
    };
  } catch (err) {
    model.dispose();
    throw err;
  }
}

/**
 * Trains one digit classifier (a head use) on the labelled images and evaluates it on the test images.
 * `source` is the trained model whose trunk a transfer copies (any model with the trunk at layers 0-3).
 */
export async function trainArm(
  spec: RunSpec & { use: Exclude<TrunkUse, 'pretext'> }, splits: Splits, config: ExperimentConfig,
  source: tf.LayersModel | undefined, callbacks: ExperimentCallbacks = {},
): Promise<ArmResult> {
  const { use } = spec;
  callbacks.onStepStart?.(use);
  const model = buildDigitClassifier(use, config.seed, source);
  try {
    const result = await new TrainingRun(model, splits.labelled, trainOptionsFor(spec, config), {
      onBatchEnd: (e) => callbacks.onBatchEnd?.(use, e),
      onEpochEnd: (e) => callbacks.onEpochEnd?.(use, e),
    }).run();
    const test = await evaluate(model, splits.test, { scaling: config.scaling, batchSize: 64 });
    await callbacks.onModelTrained?.(use, model, result);
    return { testAccuracy: test.accuracy, testLoss: test.loss, epochs: result.epochsRun, reason: result.reason, history: result.history };
  } finally {
    model.dispose();
  }
}

/** Runs the whole protocol for one seed. Throws a SettingError before any work if the config is invalid. */
export async function runExperiment(mnist: Mnist, config: ExperimentConfig, callbacks: ExperimentCallbacks = {}): Promise<ExperimentResult> {
  checkConfig(config, mnist.train.count);
  const started = performance.now();
  const specs = experimentSpecs(config);
  const splits = makeSplits(mnist, config.splits);
  const { model: pretext, summary } = await trainPretext(splits, config, callbacks);
  try {
    const selfSupervised = await trainArm({ ...specs.transfer, use: 'transfer' }, splits, config, pretext, callbacks);
    const supervised = await trainArm({ ...specs.scratch, use: 'scratch' }, splits, config, pretext, callbacks);
    const randomFrozen = await trainArm({ ...specs.random, use: 'random' }, splits, config, pretext, callbacks);
    return {
      task: config.task,
      seed: config.seed,
      pretext: summary,
      selfSupervised, supervised, randomFrozen,
      params: countParams(pretext),
      testCount: splits.test.count,
      elapsedMs: performance.now() - started,
    };
  } finally {
    pretext.dispose();
  }
}

/** The parameter counts of the task's pretext model and the digit classifiers (built and disposed here). */
export function countParams(pretext: tf.LayersModel): ParamCounts {
  const downstream = buildDigitClassifier('transfer', 0, pretext);
  const supervised = buildDigitClassifier('scratch', 0);
  try {
    const p = summarizeModel(pretext);
    const d = summarizeModel(downstream);
    const s = summarizeModel(supervised);
    return {
      pretext: p.totalParams,
      downstreamTotal: d.totalParams,
      downstreamTrainable: d.trainableParams,
      downstreamFrozen: d.frozenParams,
      supervised: s.trainableParams,
    };
  } finally {
    downstream.dispose();
    supervised.dispose();
  }
}
