/**
 * The lecture's whole experiment, end to end, as one function: rotation data, pretext training, the
 * frozen-feature head (self-supervised), the same network from scratch (supervised), and the control the
 * lecture lacks: the same frozen head on random, untrained convolutions.
 *
 * The panels and the worker run the same steps one at a time; this is the version for the command line and
 * for tests.
 */
import * as tf from '@tensorflow/tfjs';
import type { ImageSet, Mnist } from '../data/mnist';
import { makeSplits, type Splits } from '../data/splits';
import { buildRotationSet } from '../pretext/rotation';
import { buildDigitClassifier, buildPretextModel, type FeatureSource } from '../models/architecture';
import { summarizeModel } from '../models/summary';
import { TrainingRun, type TrainOptions } from '../train/trainer';
import type { BatchEvent, EpochEvent, EpochRecord, TrainResult } from '../train/events';
import { evaluate } from '../eval/evaluate';
import { checkConfig } from '../config/check-config';
import type { ExperimentConfig, StepSettings } from '../config/presets';
import { deriveSeed } from '../train/random';

/** The training steps of the experiment. */
export type StepName = 'pretext' | 'selfSupervised' | 'supervised' | 'randomFrozen';

/** Outcome of one classifier arm. */
export interface ArmResult {
  readonly testAccuracy: number;
  readonly testLoss: number;
  readonly epochs: number;
  readonly reason: TrainResult['reason'];
  readonly history: readonly EpochRecord[];
}

/** The parameter counts the lecture prints. */
export interface ParamCounts {
  readonly pretext: number;
  readonly downstreamTotal: number;
  readonly downstreamTrainable: number;
  readonly downstreamFrozen: number;
  readonly supervised: number;
}

/** Everything one seed of the experiment produced. */
export interface ExperimentResult {
  readonly seed: number;
  readonly pretext: {
    readonly loss: number;
    readonly accuracy: number;
    readonly epochs: number;
    /** Rotation accuracy on the rotated test images (how well the pretext task itself was learned). */
    readonly rotationTestAccuracy: number;
    readonly history: readonly EpochRecord[];
  };
  readonly selfSupervised: ArmResult;
  readonly supervised: ArmResult;
  readonly randomFrozen: ArmResult;
  readonly params: ParamCounts;
  readonly testCount: number;
  readonly elapsedMs: number;
}

/** Progress callbacks, tagged with the step they come from. */
export interface ExperimentCallbacks {
  onStepStart?(step: StepName): void;
  onBatchEnd?(step: StepName, event: BatchEvent): void;
  onEpochEnd?(step: StepName, event: EpochEvent): void;
  /**
   * Called, and awaited, with each step's model once it has finished training (and, for the classifiers, its
   * test evaluation), just before runExperiment disposes it: the only way to keep the very weights the protocol
   * trained, e.g. to ship them (`npm run pretrain`). The pretext model is handed over before any head trains;
   * the heads copy its weights, so it never changes afterwards. Must not dispose or modify the model. Time
   * spent here counts towards `elapsedMs` but not towards the steps' own training times.
   */
  onModelTrained?(step: StepName, model: tf.LayersModel, result: TrainResult): void | Promise<void>;
}

/** The settings of a step: the pretext's, the supervised baseline's, or the frozen heads' (both use `downstream`). */
export function settingsFor(step: StepName, config: ExperimentConfig): StepSettings {
  return step === 'pretext' ? config.pretext : step === 'supervised' ? config.supervised : config.downstream;
}

/** What a step is scored on: the test digits, or for the rotation model the test digits at all four rotations. */
export function testSetFor(step: StepName, splits: Splits): ImageSet {
  return step === 'pretext' ? buildRotationSet(splits.test, 'grouped') : splits.test;
}

/** Turns a step's settings into trainer options. Pretext uses Adam, the heads SGD with momentum. */
export function trainOptionsFor(step: StepName, settings: StepSettings, config: ExperimentConfig): TrainOptions {
  return {
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    optimizer: step === 'pretext'
      ? { kind: 'adam', learningRate: settings.learningRate }
      : { kind: 'sgd', learningRate: settings.learningRate, momentum: settings.momentum },
    shuffle: settings.shuffle,
    seed: deriveSeed(config.seed, ['pretext', 'selfSupervised', 'supervised', 'randomFrozen'].indexOf(step) + 100),
    validationSplit: settings.validationSplit,
    patience: settings.patience,
    scaling: config.scaling,
  };
}

async function trainArm(
  step: StepName, features: FeatureSource, splits: Splits, config: ExperimentConfig,
  pretext: tf.LayersModel, callbacks: ExperimentCallbacks,
): Promise<ArmResult> {
  callbacks.onStepStart?.(step);
  const model = buildDigitClassifier(features, config.seed, pretext);
  try {
    const result = await new TrainingRun(model, splits.labelled, trainOptionsFor(step, settingsFor(step, config), config), {
      onBatchEnd: (e) => callbacks.onBatchEnd?.(step, e),
      onEpochEnd: (e) => callbacks.onEpochEnd?.(step, e),
    }).run();
    const test = await evaluate(model, splits.test, { scaling: config.scaling, batchSize: 64 });
    await callbacks.onModelTrained?.(step, model, result);
    return { testAccuracy: test.accuracy, testLoss: test.loss, epochs: result.epochsRun, reason: result.reason, history: result.history };
  } finally {
    model.dispose();
  }
}

/** Runs the whole protocol for one seed. Throws a SettingError before any work if the config is invalid. */
export async function runExperiment(mnist: Mnist, config: ExperimentConfig, callbacks: ExperimentCallbacks = {}): Promise<ExperimentResult> {
  checkConfig(config, mnist.train.count);
  const started = performance.now();
  const splits = makeSplits(mnist, config.splits);
  const rotated = buildRotationSet(splits.pretext, config.rotationOrder);
  const pretext = buildPretextModel(config.seed);
  try {
    callbacks.onStepStart?.('pretext');
    const pretextRun = await new TrainingRun(pretext, rotated, trainOptionsFor('pretext', config.pretext, config), {
      onBatchEnd: (e) => callbacks.onBatchEnd?.('pretext', e),
      onEpochEnd: (e) => callbacks.onEpochEnd?.('pretext', e),
    }).run();
    const rotationTest = await evaluate(pretext, testSetFor('pretext', splits), { scaling: config.scaling, batchSize: 192 });
    const last = pretextRun.history[pretextRun.history.length - 1];
    await callbacks.onModelTrained?.('pretext', pretext, pretextRun);
    const selfSupervised = await trainArm('selfSupervised', 'transfer', splits, config, pretext, callbacks);
    const supervised = await trainArm('supervised', 'scratch', splits, config, pretext, callbacks);
    const randomFrozen = await trainArm('randomFrozen', 'random', splits, config, pretext, callbacks);
    return {
      seed: config.seed,
      pretext: {
        loss: last?.loss ?? NaN, accuracy: last?.accuracy ?? NaN, epochs: pretextRun.epochsRun,
        rotationTestAccuracy: rotationTest.accuracy, history: pretextRun.history,
      },
      selfSupervised, supervised, randomFrozen,
      params: countParams(pretext),
      testCount: splits.test.count,
      elapsedMs: performance.now() - started,
    };
  } finally {
    pretext.dispose();
  }
}

/** The parameter counts of the lecture's three models (built and disposed here; no training). */
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
