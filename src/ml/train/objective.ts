/**
 * What a network is trained to do, as the training loop and the evaluator see it: how to turn rows of a
 * task's examples into target tensors, the loss to minimise, and a score a student can read.
 *
 * Three kinds exist. A *classifier* names one of a few classes (rotation's 4 turns, jigsaw's 24 orders, the 10
 * digits): cross-entropy from the logits and accuracy, exactly as the lecture's Keras model computes them. A
 * *reconstruction* predicts pixels (inpainting, super-resolution): a squared error per pixel, and as the score
 * the fraction of the pixels that matter painted the right colour, ink or paper, which reads like an accuracy
 * (1 is perfect). A *per-pixel classifier* (colourization) names a class for every pixel: cross-entropy per
 * pixel, and as the score the fraction of the pixels that matter given the right class. A *contrastive*
 * objective (SimCLR) has no target at all but the pairing of rows: each view must find its partner among the
 * batch (see `nt-xent.ts`).
 */
import * as tf from '#tf';
import { IMAGE_PIXELS, IMAGE_SIZE } from '../data/mnist';
import { countCorrect, softmaxCrossEntropyPerExample } from './loss';
import { ntXentPerRow, partnerPositions, partnersFound } from './nt-xent';
import type { InputScaling, TaskSet } from './task-set';
import type { ObjectiveSpec } from '../tasks/types';
import { scoreName } from '../tasks/score-name';

export type { TaskSet } from './task-set';

/** How a network's output is judged. Every tensor returned is the caller's to dispose. */
export interface Objective {
  readonly kind: ObjectiveSpec['kind'];
  /** What the score means, in words for a chart's axis ("accuracy", "pixels within 10%"). */
  readonly scoreName: string;
  /** The targets of the given rows: int32 class labels [b], or float pixels [b, 28, 28, 1] in 0-1. */
  targets(set: TaskSet, rows: ArrayLike<number>): tf.Tensor;
  /** The mean loss over the batch: what the optimiser minimises. */
  meanLoss(targets: tf.Tensor, output: tf.Tensor): tf.Scalar;
  /** The per-row loss summed over the batch (evaluation divides by the row count). */
  lossSum(targets: tf.Tensor, output: tf.Tensor): tf.Scalar;
  /** The per-row score (1 right, 0 wrong, or a fraction between) summed over the batch. */
  scoreSum(targets: tf.Tensor, output: tf.Tensor): tf.Scalar;
}

/** Classification with the Keras-equivalent cross-entropy from logits, scored by accuracy. */
export const CLASSIFY: Objective = {
  kind: 'classify',
  scoreName: 'accuracy',
  targets(set, rows) {
    const labels = new Int32Array(rows.length);
    for (let b = 0; b < rows.length; b++) labels[b] = set.labels[rows[b]];
    return tf.tensor1d(labels, 'int32');
  },
  meanLoss(targets, output) {
    return tf.tidy(() => tf.mean(softmaxCrossEntropyPerExample(targets as tf.Tensor1D, output as tf.Tensor2D)) as tf.Scalar);
  },
  lossSum(targets, output) {
    return tf.tidy(() => tf.sum(softmaxCrossEntropyPerExample(targets as tf.Tensor1D, output as tf.Tensor2D)) as tf.Scalar);
  },
  scoreSum(targets, output) {
    return countCorrect(targets as tf.Tensor1D, output as tf.Tensor2D);
  },
};

/**
 * The targets of pixel rows with their masks in one tensor [b, 28, 28, 2] (channel 0 the target divided by
 * `divisor`, channel 1 the mask), so the Objective interface needs only one target tensor.
 */
function packPixelTargets(set: TaskSet, rows: ArrayLike<number>, divisor: number, missing: string): tf.Tensor4D {
  if (!set.targets || !set.masks) throw new Error(missing);
  const out = new Float32Array(rows.length * IMAGE_PIXELS * 2);
  for (let b = 0; b < rows.length; b++) {
    const src = rows[b] * IMAGE_PIXELS;
    const dst = b * IMAGE_PIXELS * 2;
    for (let p = 0; p < IMAGE_PIXELS; p++) {
      out[dst + 2 * p] = set.targets[src + p] / divisor;
      out[dst + 2 * p + 1] = set.masks[src + p] ? 1 : 0;
    }
  }
  return tf.tensor4d(out, [rows.length, IMAGE_SIZE, IMAGE_SIZE, 2]);
}

/** The loss and score sums of an objective whose loss and score are computed row by row. */
function perRowMeasures(perRow: (targets: tf.Tensor, output: tf.Tensor) => { loss: tf.Tensor; score: tf.Tensor }): Pick<Objective, 'meanLoss' | 'lossSum' | 'scoreSum'> {
  return {
    meanLoss: (targets, output) => tf.tidy(() => tf.mean(perRow(targets, output).loss) as tf.Scalar),
    lossSum: (targets, output) => tf.tidy(() => tf.sum(perRow(targets, output).loss) as tf.Scalar),
    scoreSum: (targets, output) => tf.tidy(() => tf.sum(perRow(targets, output).score) as tf.Scalar),
  };
}

/** Settings of a pixel reconstruction objective. */
export interface ReconstructionOptions {
  /**
   * What one unit of the network's output means on the 0-1 pixel scale: 1/255 when the network is fed raw
   * 0-255 pixels (as the lecture does), so it answers in the same units it is given, 1 for unit pixels.
   * Asking a network fed values in the hundreds to answer in fractions pushes its ReLUs to zero and kills it.
   */
  readonly outputScale: number;
  /** Weight of pixels outside the mask (inpainting: 0.1, so the loss is mostly about the hole). */
  readonly outsideWeight: number;
  /** A pixel counts as right when it is on the same side of this brightness (0-1) as the truth. */
  readonly inkThreshold: number;
  /** What the mask pixels are called in the score's name ("hidden" when absent). */
  readonly maskName?: 'hidden' | 'blurred';
}

/**
 * Per-pixel reconstruction: the network outputs [b, 28, 28, 1] values meant to be pixels on a 0-1 scale.
 * The loss is a weighted mean squared error (mask pixels weight 1, others `outsideWeight`), per row; the
 * score is the fraction of the row's mask pixels within `tolerance` of the truth.
 */
export function reconstruction(options: ReconstructionOptions): Objective {
  const { outsideWeight, inkThreshold, outputScale, maskName } = options;
  // Targets and masks travel together in one tensor [b, 28, 28, 2] (channel 0 target, channel 1 mask), so
  // the Objective interface needs only one target tensor.
  const split = (targets: tf.Tensor) => {
    const [pixels, mask] = tf.split(targets as tf.Tensor4D, 2, 3);
    return { pixels, mask };
  };
  const perRow = (targets: tf.Tensor, raw: tf.Tensor) => {
    const { pixels, mask } = split(targets);
    const output = outputScale === 1 ? raw : tf.mul(raw, outputScale);
    const weights = tf.add(tf.mul(mask, 1 - outsideWeight), outsideWeight);
    const squared = tf.square(tf.sub(output, pixels));
    const loss = tf.div(tf.sum(tf.mul(squared, weights), [1, 2, 3]), tf.sum(weights, [1, 2, 3]));
    const close = tf.cast(tf.equal(tf.greater(output, inkThreshold), tf.greater(pixels, inkThreshold)), 'float32');
    const maskCount = tf.maximum(tf.sum(mask, [1, 2, 3]), 1);
    const score = tf.div(tf.sum(tf.mul(close, mask), [1, 2, 3]), maskCount);
    return { loss, score };
  };
  return {
    kind: 'reconstruct',
    scoreName: scoreName({ kind: 'reconstruct', outsideWeight, inkThreshold, ...(maskName ? { maskName } : {}) }),
    targets: (set, rows) => packPixelTargets(set, rows, 255, 'A reconstruction task needs target pixels and masks.'),
    ...perRowMeasures(perRow),
  };
}

/**
 * Contrastive learning's NT-Xent (see `nt-xent.ts`): the network outputs projections [b, d]; rows 2k and 2k+1
 * of every batch must be the two views of one image. The targets are each row's partner's position in the
 * batch, and building them checks that the batch really holds whole, adjacent pairs: a split pair would
 * silently turn a positive into a negative.
 */
export function contrastive(temperature: number): Objective {
  return {
    kind: 'contrastive',
    scoreName: scoreName({ kind: 'contrastive', temperature, evaluationRows: 0 }),
    targets(_set, rows) {
      if (rows.length % 2 !== 0) throw new Error(`A contrastive batch needs whole pairs of views; got ${rows.length} rows.`);
      for (let b = 0; b < rows.length; b += 2) {
        if (rows[b] % 2 !== 0 || rows[b + 1] !== rows[b] + 1) {
          throw new Error(`Rows ${rows[b]} and ${rows[b + 1]} are not the two views of one image; pairs must stay together.`);
        }
      }
      return tf.tensor1d(partnerPositions(rows.length), 'int32');
    },
    meanLoss(targets, output) {
      return tf.tidy(() => tf.mean(ntXentPerRow(targets as tf.Tensor1D, output as tf.Tensor2D, temperature)) as tf.Scalar);
    },
    lossSum(targets, output) {
      return tf.tidy(() => tf.sum(ntXentPerRow(targets as tf.Tensor1D, output as tf.Tensor2D, temperature)) as tf.Scalar);
    },
    scoreSum(targets, output) {
      return partnersFound(targets as tf.Tensor1D, output as tf.Tensor2D);
    },
  };
}

/**
 * Per-pixel classification (colourization): the network outputs [b, 28, 28, classes] logits; the loss is the
 * cross-entropy of every pixel, weighted (mask pixels 1, others `outsideWeight`) and averaged per row; the
 * score is the fraction of the row's mask pixels whose largest logit is the right class. Logits need no
 * rescaling, so unlike a reconstruction it does not care how the input was scaled.
 */
export function pixelClassification(classes: number, outsideWeight: number): Objective {
  // Class indices and masks travel together in one tensor [b, 28, 28, 2], as a reconstruction's do.
  const perRow = (targets: tf.Tensor, output: tf.Tensor) => {
    const rows = targets.shape[0];
    const [labels, mask] = tf.split(targets as tf.Tensor4D, 2, 3).map((t) => tf.reshape(t, [rows, IMAGE_PIXELS]));
    const flatLabels = tf.reshape(labels, [-1]) as tf.Tensor1D;
    const logits = tf.reshape(output, [-1, classes]) as tf.Tensor2D;
    const crossEntropy = tf.reshape(softmaxCrossEntropyPerExample(flatLabels, logits), [rows, IMAGE_PIXELS]);
    const weights = tf.add(tf.mul(mask, 1 - outsideWeight), outsideWeight);
    const loss = tf.div(tf.sum(tf.mul(crossEntropy, weights), 1), tf.sum(weights, 1));
    const right = tf.reshape(tf.cast(tf.equal(tf.argMax(logits, 1), tf.cast(flatLabels, 'int32')), 'float32'), [rows, IMAGE_PIXELS]);
    const score = tf.div(tf.sum(tf.mul(right, mask), 1), tf.maximum(tf.sum(mask, 1), 1));
    return { loss, score };
  };
  return {
    kind: 'classifyPixels',
    scoreName: scoreName({ kind: 'classifyPixels', classes, outsideWeight }),
    targets: (set, rows) => packPixelTargets(set, rows, 1, 'A per-pixel classification task needs class targets and masks.'),
    ...perRowMeasures(perRow),
  };
}

/** The objective a task describes, for a network fed pixels scaled as `scaling` says. */
export function objectiveFor(spec: ObjectiveSpec, scaling: InputScaling): Objective {
  switch (spec.kind) {
    case 'classify': return CLASSIFY;
    case 'reconstruct': return reconstruction({ ...spec, outputScale: scaling === 'raw' ? 1 / 255 : 1 });
    case 'contrastive': return contrastive(spec.temperature);
    case 'classifyPixels': return pixelClassification(spec.classes, spec.outsideWeight);
  }
}
