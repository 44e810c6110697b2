/**
 * The training loop: one batch at a time, with pause, resume, single step and stop.
 *
 * We write the loop ourselves instead of calling model.fit because a classroom needs to stop and look:
 * Pause waits between batches, Step runs exactly one more batch, Stop ends the run (and unlike Pause it
 * cannot be resumed). It follows Keras's `fit` where the lecture relies on it: `validation_split` takes the
 * *last* fraction of the data before any shuffling; `shuffle` reorders the rest every epoch; the loss and
 * accuracy of an epoch are running means over its batches; early stopping watches training accuracy.
 */
import { EarlyStopping } from './early-stopping';
import * as tf from '#tf';
import { makeBatch, range, type InputScaling } from './batches';
import { objectiveFor, type TaskSet } from './objective';
import type { ObjectiveSpec } from '../objectives/registry';
import { createOptimizer, disposeOptimizer, type OptimizerSpec } from './optimizers';
import { createRng, shuffledIndices } from './random';
import { nextMacrotask } from './schedule';
import { trainRowCount } from './trainer-rows';

export { trainRowCount } from './trainer-rows';
import { trainableVariables } from '../models/architecture';
import { evaluate } from '../eval/evaluate';
import type { EpochRecord, RunState, TrainCallbacks, TrainResult } from './events';
import { checkChoice } from '../config/validate';
import { checkStep } from '../config/check-config';

/** Everything a run needs to know besides the model and the data. */
export interface TrainOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerSpec;
  /** Reshuffle the training rows every epoch (Keras's default); the lecture turns it off for the pretext. */
  readonly shuffle: boolean;
  /** Seed for the shuffles. */
  readonly seed: number;
  /** Fraction of the data (the last rows) held out for validation, 0 for none. */
  readonly validationSplit: number;
  /** Stop when training accuracy has not improved for this many epochs; null for never. */
  readonly patience: number | null;
  readonly scaling: InputScaling;
  /** Epochs already done (Keras's initial_epoch): continuing a run after a fault or a reload. */
  readonly initialEpoch?: number;
  /** What the network is trained to do (a task's description); classification with cross-entropy by default. */
  readonly objective?: ObjectiveSpec;
  /**
   * Rows that belong together and must stay in one batch, in order (contrastive learning's two views of an
   * image): shuffles and batches move whole groups. 1 by default: every row on its own.
   */
  readonly groupSize?: number;
}

/** Checks options; throws a SettingError naming the first bad one. `prefix` names the step, e.g. "pretext". */
export function validateTrainOptions(options: TrainOptions, examples: number, prefix = 'train'): void {
  const { optimizer } = options;
  checkStep(prefix, {
    ...options,
    learningRate: optimizer.learningRate,
    momentum: optimizer.kind === 'sgd' ? optimizer.momentum : 0,
  }, examples);
  checkChoice(`${prefix}.scaling`, options.scaling, ['raw', 'unit'] as const);
}

/**
 * One training run of `model` on `data`. Create it, call `run()`, and use pause/resume/step/stop from
 * anywhere (a button, a worker message) while it runs. The model's weights change in place.
 */
export class TrainingRun {
  private state: RunState = 'idle';
  private stopRequested = false;
  private stepsAllowed = Infinity;
  private wake: (() => void) | null = null;

  private readonly model: tf.LayersModel;
  private readonly data: TaskSet;
  private readonly options: TrainOptions;
  private readonly callbacks: TrainCallbacks;

  constructor(model: tf.LayersModel, data: TaskSet, options: TrainOptions, callbacks: TrainCallbacks = {}) {
    validateTrainOptions(options, data.count);
    this.model = model;
    this.data = data;
    this.options = options;
    this.callbacks = callbacks;
  }

  /** Where the run is now. */
  get status(): RunState {
    return this.state;
  }

  /** Waits before the next batch until resume() or step(). */
  pause(): void {
    if (this.state === 'running') this.stepsAllowed = 0;
  }

  /** Continues after pause(). */
  resume(): void {
    this.stepsAllowed = Infinity;
    this.wakeUp();
  }

  /** Runs exactly one more batch, then pauses again. */
  step(): void {
    this.stepsAllowed = (Number.isFinite(this.stepsAllowed) ? this.stepsAllowed : 0) + 1;
    this.wakeUp();
  }

  /** Ends the run after the batch in progress. Unlike pause, it cannot be resumed. */
  stop(): void {
    this.stopRequested = true;
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private setState(state: RunState): void {
    if (this.state === state) return;
    this.state = state;
    this.callbacks.onStateChange?.(state);
  }

  /** Blocks while paused; returns false when the run should stop. */
  private async mayContinue(): Promise<boolean> {
    while (!this.stopRequested && this.stepsAllowed <= 0) {
      this.setState('paused');
      await new Promise<void>((resolve) => { this.wake = resolve; });
    }
    if (this.stopRequested) return false;
    this.setState('running');
    this.stepsAllowed -= 1;
    return true;
  }

  /** Trains; resolves with the history once the run completes, stops early, is stopped or diverges. */
  async run(): Promise<TrainResult> {
    if (this.state !== 'idle') throw new Error('A TrainingRun can only be run once; create a new one.');
    this.state = 'running';
    const { epochs, batchSize, shuffle, seed, validationSplit, patience, scaling } = this.options;
    const objective = objectiveFor(this.options.objective ?? { kind: 'classify' }, scaling);
    const group = this.options.groupSize ?? 1;
    const optimizer = createOptimizer(this.options.optimizer);
    const variables = trainableVariables(this.model);
    const rng = createRng(seed);
    const trainCount = trainRowCount(this.data.count, validationSplit, group);
    const valRows = range(trainCount, this.data.count);
    // Batches hold whole groups: with groups of 2, a batch of 192 rows is 96 pairs.
    const groupsPerBatch = Math.max(1, Math.floor(batchSize / group));
    const trainGroups = trainCount / group;
    const batchesPerEpoch = Math.ceil(trainGroups / groupsPerBatch);
    const history: EpochRecord[] = [];
    let examplesSeen = 0;
    let elapsedMs = 0;
    const stopping = new EarlyStopping(patience);
    let reason: TrainResult['reason'] = 'completed';
    let message: string | undefined;
    let checkpoint: tf.Tensor[] = [];

    try {
      const initialEpoch = this.options.initialEpoch ?? 0;
      // Replay the shuffles of the epochs already done, so a continued run sees the same order it would have.
      for (let e = 0; e < initialEpoch && shuffle; e++) shuffledIndices(trainGroups, rng);
      // No await at all without the callback: even an empty one would let other work in between (a test's fault).
      const boundary = this.callbacks.atEpochBoundary;
      if (boundary && initialEpoch < epochs) await boundary(initialEpoch);
      epochs: for (let epoch = initialEpoch; epoch < epochs; epoch++) {
        checkpoint.forEach((t) => t.dispose());
        checkpoint = variables.map((v) => tf.clone(v));
        const order = expandGroups(shuffle ? shuffledIndices(trainGroups, rng) : range(0, trainGroups), group);
        const rowsPerBatch = groupsPerBatch * group;
        let lossSum = 0;
        let correctSum = 0;
        let count = 0;
        for (let batch = 0; batch < batchesPerEpoch; batch++) {
          if (!(await this.mayContinue())) {
            reason = 'stopped';
            break epochs;
          }
          const started = performance.now();
          const rows = order.subarray(batch * rowsPerBatch, Math.min(trainCount, (batch + 1) * rowsPerBatch));
          const { xs, ys } = makeBatch(this.data, rows, scaling, objective);
          // minimize() disposes everything made inside the closure except the loss; the accuracy count
          // is kept out of that clean-up with tf.keep and disposed below.
          const kept: { correct?: tf.Scalar; loss?: tf.Scalar } = {};
          let lossValue: Float32Array | Int32Array | Uint8Array;
          let correctValue: Float32Array | Int32Array | Uint8Array;
          try {
            kept.loss = optimizer.minimize(() => {
              const output = this.model.apply(xs) as tf.Tensor;
              kept.correct = tf.keep(objective.scoreSum(ys, output));
              return objective.meanLoss(ys, output);
            }, true, variables) as tf.Scalar;
            [lossValue, correctValue] = await Promise.all([kept.loss.data(), (kept.correct as tf.Scalar).data()]);
          } finally {
            // Freed even when a step throws (a lost GPU context), so a fault never leaks the batch.
            tf.dispose([xs, ys, ...(kept.loss ? [kept.loss] : []), ...(kept.correct ? [kept.correct] : [])]);
          }
          elapsedMs += performance.now() - started;
          const batchLoss = lossValue[0];
          if (!Number.isFinite(batchLoss)) {
            variables.forEach((v, i) => v.assign(checkpoint[i]));
            reason = 'diverged';
            message = `The loss became ${batchLoss} in epoch ${epoch + 1}, batch ${batch + 1}. The weights were restored to the start of that epoch. Try a smaller learning rate or unit input scaling.`;
            break epochs;
          }
          lossSum += batchLoss * rows.length;
          correctSum += correctValue[0];
          count += rows.length;
          examplesSeen += rows.length;
          this.callbacks.onBatchEnd?.({
            type: 'batch', epoch, batch, batchesPerEpoch,
            loss: batchLoss, accuracy: correctValue[0] / rows.length,
            epochLoss: lossSum / count, epochAccuracy: correctSum / count,
            examplesSeen, elapsedMs,
          });
          await nextMacrotask();
        }
        let record: EpochRecord = { epoch, loss: lossSum / count, accuracy: correctSum / count };
        if (valRows.length > 0) {
          const started = performance.now();
          const val = await evaluate(this.model, this.data, { rows: valRows, scaling, batchSize, objective: this.options.objective });
          elapsedMs += performance.now() - started;
          record = { ...record, valLoss: val.loss, valAccuracy: val.accuracy };
        }
        history.push(record);
        this.callbacks.onEpochEnd?.({ type: 'epoch', ...record, elapsedMs });
        if (boundary) await boundary(epoch + 1);
        const stop = stopping.update(record.accuracy, epoch);
        if (stop !== null) {
          reason = 'early-stopped';
          message = stop;
          break;
        }
      }
    } finally {
      checkpoint.forEach((t) => t.dispose());
      disposeOptimizer(optimizer, this.options.optimizer);
      this.state = 'finished';
    }
    return { reason, epochsRun: (this.options.initialEpoch ?? 0) + history.length, history, examplesSeen, elapsedMs, ...(message ? { message } : {}) };
  }
}


/** Group indices to row indices: group g is rows g*size ... g*size+size-1. */
function expandGroups(groups: Uint32Array, size: number): Uint32Array {
  if (size === 1) return groups;
  const rows = new Uint32Array(groups.length * size);
  for (let i = 0; i < groups.length; i++) for (let k = 0; k < size; k++) rows[i * size + k] = groups[i] * size + k;
  return rows;
}
