/**
 * The training loop for a head on cached features: TrainingRun's arithmetic without its per-batch overhead.
 *
 * TrainingRun reads every batch's loss back to JavaScript and yields to the event loop after each batch, so a
 * page can pause it and draw a live chart. That costs more than the head's arithmetic itself (a 64 x 288
 * times 288 x 10 product). Here the features live on the backend as one tensor, batches are gathered there,
 * and the loss and correct counts are summed on the backend and read once per epoch. Everything that moves the
 * weights is what TrainingRun does, in the same order: the same shuffles from the same seed, the same batches,
 * the same loss, optimiser and update. So the weights, the accuracies and early stopping come out identical
 * (features.test.ts); only the reported loss is summed in float32 instead of float64.
 */
import * as tf from '@tensorflow/tfjs';
import { EarlyStopping } from '../train/early-stopping';
import { CLASSIFY } from '../train/objective';
import { createOptimizer, disposeOptimizer } from '../train/optimizers';
import { createRng, shuffledIndices } from '../train/random';
import { trainRowCount } from '../train/trainer-rows';
import { validateTrainOptions, type TrainOptions } from '../train/trainer';
import { trainableVariables } from '../models/architecture';
import type { EpochEvent, EpochRecord, TrainResult } from '../train/events';
import type { FeatureMatrix } from './extract';

/** Trains `head` (a model taking [b, width] features) in place; resolves with a history like TrainingRun's. */
export async function fitHead(
  head: tf.LayersModel, features: FeatureMatrix, labels: Uint8Array, options: TrainOptions,
  onEpochEnd?: (event: EpochEvent) => void,
): Promise<TrainResult> {
  const count = labels.length;
  validateTrainOptions(options, count);
  if ((options.groupSize ?? 1) !== 1 || (options.objective && options.objective.kind !== 'classify')) {
    throw new Error('fitHead trains digit classifiers only (rows of their own, cross-entropy).');
  }
  const { epochs, batchSize, shuffle, seed, validationSplit, patience } = options;
  const trainCount = trainRowCount(count, validationSplit);
  const batchesPerEpoch = Math.ceil(trainCount / batchSize);
  const x = tf.tensor2d(features.values, [count, features.width]);
  const y = tf.tensor1d(Int32Array.from(labels), 'int32');
  const valX = trainCount < count ? tf.slice(x, trainCount) : null;
  const valY = trainCount < count ? tf.slice(y, trainCount) : null;
  const optimizer = createOptimizer(options.optimizer);
  const variables = trainableVariables(head);
  const rng = createRng(seed);
  const history: EpochRecord[] = [];
  let elapsedMs = 0;
  const stopping = new EarlyStopping(patience);
  let reason: TrainResult['reason'] = 'completed';
  let message: string | undefined;
  let checkpoint: tf.Tensor[] = [];
  try {
    for (let e = 0; e < (options.initialEpoch ?? 0) && shuffle; e++) shuffledIndices(trainCount, rng);
    for (let epoch = options.initialEpoch ?? 0; epoch < epochs; epoch++) {
      const started = performance.now();
      checkpoint.forEach((t) => t.dispose());
      checkpoint = variables.map((v) => tf.clone(v));
      const order = shuffle ? shuffledIndices(trainCount, rng) : Uint32Array.from({ length: trainCount }, (_, i) => i);
      let lossSum = tf.scalar(0);
      let correctSum = tf.scalar(0);
      for (let batch = 0; batch < batchesPerEpoch; batch++) {
        const rows = order.subarray(batch * batchSize, Math.min(trainCount, (batch + 1) * batchSize));
        const index = tf.tensor1d(Int32Array.from(rows), 'int32');
        const xs = tf.gather(x, index);
        const ys = tf.gather(y, index);
        const kept: { correct?: tf.Scalar } = {};
        const loss = optimizer.minimize(() => {
          const output = head.apply(xs) as tf.Tensor;
          kept.correct = tf.keep(CLASSIFY.scoreSum(ys, output));
          return CLASSIFY.meanLoss(ys, output);
        }, true, variables) as tf.Scalar;
        const [nextLoss, nextCorrect] = tf.tidy(() => [tf.add(lossSum, tf.mul(loss, rows.length)), tf.add(correctSum, kept.correct as tf.Scalar)]);
        tf.dispose([index, xs, ys, loss, kept.correct as tf.Scalar, lossSum, correctSum]);
        lossSum = nextLoss;
        correctSum = nextCorrect;
      }
      const [lossTotal, correctTotal] = await Promise.all([lossSum.data(), correctSum.data()]);
      tf.dispose([lossSum, correctSum]);
      if (!Number.isFinite(lossTotal[0])) {
        variables.forEach((v, i) => v.assign(checkpoint[i]));
        reason = 'diverged';
        message = `The loss became ${lossTotal[0]} in epoch ${epoch + 1}. The weights were restored to the start of that epoch.`;
        break;
      }
      let record: EpochRecord = { epoch, loss: lossTotal[0] / trainCount, accuracy: correctTotal[0] / trainCount };
      if (valX && valY) {
        const [valLoss, valCorrect] = tf.tidy(() => {
          const output = head.apply(valX) as tf.Tensor;
          return [CLASSIFY.lossSum(valY, output), CLASSIFY.scoreSum(valY, output)];
        });
        const [l, c] = await Promise.all([valLoss.data(), valCorrect.data()]);
        tf.dispose([valLoss, valCorrect]);
        record = { ...record, valLoss: l[0] / (count - trainCount), valAccuracy: c[0] / (count - trainCount) };
      }
      history.push(record);
      elapsedMs += performance.now() - started;
      onEpochEnd?.({ type: 'epoch', ...record, elapsedMs });
      const stop = stopping.update(record.accuracy, epoch);
      if (stop !== null) {
        reason = 'early-stopped';
        message = stop;
        break;
      }
    }
  } finally {
    checkpoint.forEach((t) => t.dispose());
    disposeOptimizer(optimizer, options.optimizer);
    tf.dispose([x, y, ...(valX ? [valX] : []), ...(valY ? [valY] : [])]);
  }
  const examplesSeen = history.length * trainCount;
  return { reason, epochsRun: (options.initialEpoch ?? 0) + history.length, history, examplesSeen, elapsedMs, ...(message ? { message } : {}) };
}
