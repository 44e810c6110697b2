/**
 * Training a digit head on cached features in plain JavaScript: TrainingRun's algorithm without tensors.
 *
 * With the trunk frozen, the head is one Dense layer on 288 numbers per image, and a training step is a
 * couple of small matrix products. Driving tfjs for that costs about fifty tensor operations per step, and
 * their fixed overhead, not the arithmetic, was most of a head's time (about 2 s for 1,000 labels). So the
 * head's weights are read once into Float32Arrays, trained here (dense-math.ts, array-optimizers.ts), and
 * written back into the tfjs model, which evaluation and prediction keep using.
 *
 * Everything that decides the weights is TrainingRun's: the same option checks, the same validation rows
 * (the last fraction, before shuffling), the same seeded shuffles (replayed for a continued run), the same
 * batches, loss, optimiser and update rule, the same per-epoch records, early stopping and NaN handling. The
 * arithmetic follows tfjs's CPU backend operation by operation, so on that backend the weights agree to the
 * bit; on WASM they agree to float rounding, which js-fit.test.ts measures and bounds.
 */
import * as tf from '#tf';
import { EarlyStopping } from '../../train/early-stopping';
import { createRng, shuffledIndices } from '../../train/random';
import { nextMacrotask } from '../../train/schedule';
import { trainRowCount } from '../../train/trainer-rows';
import { validateTrainOptions, type TrainOptions } from '../../train/trainer';
import { range } from '../../train/batches';
import type { EpochEvent, EpochRecord, TrainResult } from '../../train/events';
import { createArrayOptimizer } from './array-optimizers';
import { crossEntropy, denseLogits, transpose, weightGradients, type DenseWeights } from './dense-math';
import type { FeatureMatrix } from '../../features/extract';
import { isClassify } from '../../objectives/classify';

/**
 * Trains `weights` in place on `features` (one row of `weights.inputs` numbers per label) with `options`, as a
 * TrainingRun of the head would; resolves with a history like TrainingRun's. Yields to the event loop once an
 * epoch, so a worker keeps answering messages while a large head trains.
 */
export async function trainDenseWeights(
  weights: DenseWeights, features: FeatureMatrix, labels: Uint8Array, options: TrainOptions,
  onEpochEnd?: (event: EpochEvent) => void,
): Promise<TrainResult> {
  const count = labels.length;
  validateTrainOptions(options, count);
  if ((options.groupSize ?? 1) !== 1 || (options.objective && !isClassify(options.objective))) {
    throw new Error('The typed-array head trainer trains digit classifiers only (rows of their own, cross-entropy).');
  }
  if (features.width !== weights.inputs || features.values.length !== count * features.width) {
    throw new RangeError(`features are ${features.values.length / Math.max(1, features.width)} rows of ${features.width}; the head takes ${weights.inputs} numbers and there are ${count} labels`);
  }
  const { epochs, batchSize, shuffle, seed, validationSplit, patience } = options;
  const { inputs, classes, kernel, bias } = weights;
  const x = features.values;
  const trainCount = trainRowCount(count, validationSplit);
  const valRows = range(trainCount, count);
  const batchesPerEpoch = Math.ceil(trainCount / batchSize);
  const optimizer = createArrayOptimizer(options.optimizer, [kernel.length, bias.length]);
  const rng = createRng(seed);
  // Scratch space, allocated once: a batch's logits and their gradient, the two weight gradients, the sums.
  const logits = new Float32Array(batchSize * classes);
  const dLogits = new Float32Array(batchSize * classes);
  const gKernel = new Float32Array(kernel.length);
  const gBias = new Float32Array(bias.length);
  const kernelT = new Float32Array(kernel.length);
  const xT = new Float32Array(batchSize * inputs);
  const dT = new Float32Array(batchSize * classes);
  const scratch = new Float32Array(classes);
  const history: EpochRecord[] = [];
  const stopping = new EarlyStopping(patience);
  let examplesSeen = 0;
  let elapsedMs = 0;
  let reason: TrainResult['reason'] = 'completed';
  let message: string | undefined;
  const initialEpoch = options.initialEpoch ?? 0;
  // Replay the shuffles of the epochs already done, so a continued run sees the same order it would have.
  for (let e = 0; e < initialEpoch && shuffle; e++) shuffledIndices(trainCount, rng);
  epochs: for (let epoch = initialEpoch; epoch < epochs; epoch++) {
    const started = performance.now();
    const checkpoint = [kernel.slice(), bias.slice()];
    const order = shuffle ? shuffledIndices(trainCount, rng) : range(0, trainCount);
    let lossSum = 0;
    let correctSum = 0;
    for (let batch = 0; batch < batchesPerEpoch; batch++) {
      const rows = order.subarray(batch * batchSize, Math.min(trainCount, (batch + 1) * batchSize));
      transpose(kernel, inputs, classes, kernelT);
      denseLogits(x, rows, weights, kernelT, logits);
      const loss = crossEntropy(logits, labels, rows, classes, dLogits, scratch);
      if (!Number.isFinite(loss.meanLoss)) {
        kernel.set(checkpoint[0]);
        bias.set(checkpoint[1]);
        reason = 'diverged';
        message = `The loss became ${loss.meanLoss} in epoch ${epoch + 1}, batch ${batch + 1}. The weights were restored to the start of that epoch. Try a smaller learning rate or unit input scaling.`;
        break epochs;
      }
      weightGradients(x, rows, dLogits, inputs, classes, gKernel, gBias, xT, dT);
      optimizer.step([kernel, bias], [gKernel, gBias]);
      lossSum += loss.meanLoss * rows.length;
      correctSum += loss.correct;
      examplesSeen += rows.length;
    }
    let record: EpochRecord = { epoch, loss: lossSum / trainCount, accuracy: correctSum / trainCount };
    if (valRows.length > 0) {
      transpose(kernel, inputs, classes, kernelT);
      const val = evaluateRows(weights, kernelT, x, labels, valRows, batchSize, logits, scratch);
      record = { ...record, valLoss: val.lossSum / valRows.length, valAccuracy: val.correct / valRows.length };
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
    await nextMacrotask();
  }
  return { reason, epochsRun: initialEpoch + history.length, history, examplesSeen, elapsedMs, ...(message ? { message } : {}) };
}

/**
 * The summed loss and the correct count of the given rows under the current weights, measured as TrainingRun's
 * evaluate measures its validation rows: in batches of `batchSize`, each batch's loss summed and rounded to
 * float32, the batches then added in a double.
 */
function evaluateRows(
  weights: DenseWeights, kernelT: Float32Array, x: Float32Array, labels: Uint8Array, rows: Uint32Array, batchSize: number,
  logits: Float32Array, scratch: Float32Array,
): { lossSum: number; correct: number } {
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.subarray(start, Math.min(rows.length, start + batchSize));
    denseLogits(x, batch, weights, kernelT, logits);
    const measured = crossEntropy(logits, labels, batch, weights.classes, null, scratch);
    lossSum += Math.fround(measured.lossSum);
    correct += measured.correct;
  }
  return { lossSum, correct };
}

/**
 * Trains `head` (a tfjs model whose only trainable weights are one Dense layer's kernel [width, classes] and
 * bias, as buildFeatureHead makes) on cached features: its weights are read once, trained as typed arrays,
 * and written back when training ends, whatever the reason. Makes no tensor that outlives the call.
 */
export async function fitHeadInJs(
  head: tf.LayersModel, features: FeatureMatrix, labels: Uint8Array, options: TrainOptions,
  onEpochEnd?: (event: EpochEvent) => void,
): Promise<TrainResult> {
  const variables = head.trainableWeights.map((w) => w.read() as tf.Variable);
  const [kernelVar, biasVar] = variables;
  if (variables.length !== 2 || kernelVar.rank !== 2 || biasVar.rank !== 1 || biasVar.shape[0] !== kernelVar.shape[1]) {
    throw new Error(`fitHeadInJs trains a single Dense layer (a kernel and a bias); this model has ${variables.length} trainable weights.`);
  }
  // The read may hand back the backend's own array (CPU); slice so training never writes into a tensor.
  const [kernel, bias] = await Promise.all([kernelVar.data(), biasVar.data()]);
  const weights: DenseWeights = {
    kernel: (kernel as Float32Array).slice(),
    bias: (bias as Float32Array).slice(),
    inputs: kernelVar.shape[0],
    classes: kernelVar.shape[1],
  };
  try {
    return await trainDenseWeights(weights, features, labels, options, onEpochEnd);
  } finally {
    writeBack(kernelVar, weights.kernel);
    writeBack(biasVar, weights.bias);
  }
}

/** Replaces a variable's values; the temporary tensor is freed (the variable keeps its own reference). */
function writeBack(variable: tf.Variable, values: Float32Array): void {
  const next = tf.tensor(values, variable.shape, 'float32');
  try {
    variable.assign(next);
  } finally {
    next.dispose();
  }
}
