/**
 * Measuring a trained classifier: accuracy and mean cross-entropy on a set of images, and the full
 * probability vector of any image (for the stem plots).
 */
import * as tf from '#tf';
import { IMAGE_PIXELS, type ImageSet } from '../data/mnist';
import { makeBatch, range, type InputScaling } from '../train/batches';
import { objectiveFor, type TaskSet } from '../train/objective';
import { objectiveTraits, type ObjectiveSpec } from '../objectives/registry';
import { CLASSIFY_SPEC } from '../objectives/classify';

/** Which rows to evaluate (default all), in what scaling, in batches of what size (default 64, as the lecture;
 * an objective may insist on its own: a contrastive one always compares its `evaluationRows`). */
export interface EvaluateOptions {
  readonly rows?: ArrayLike<number>;
  readonly scaling: InputScaling;
  readonly batchSize?: number;
  /** How outputs are judged (a task's description); classification (loss and accuracy) by default. */
  readonly objective?: ObjectiveSpec;
}

/** Accuracy (or a reconstruction's score) as a fraction 0-1, mean loss, and how many images it was measured on. */
export interface Evaluation {
  readonly accuracy: number;
  readonly loss: number;
  readonly count: number;
}

/** Evaluates `model` on `set` (what Keras's `model.evaluate` returns: loss and accuracy). */
export async function evaluate(model: tf.LayersModel, set: TaskSet, options: EvaluateOptions): Promise<Evaluation> {
  const rows = options.rows ?? range(0, set.count);
  // The objective may insist on its own batch size (a contrastive score depends on how many views compete).
  // Batches start at row 0 of `rows`, so rows that must stay together (adjacent pairs) stay whole.
  const spec = options.objective ?? CLASSIFY_SPEC;
  const batchSize = objectiveTraits(spec).evaluationBatch(options.batchSize ?? 64);
  const objective = objectiveFor(spec, options.scaling);
  let lossSum = 0;
  let correctSum = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batchRows = Array.prototype.slice.call(rows, start, Math.min(rows.length, start + batchSize)) as number[];
    const { xs, ys } = makeBatch(set, batchRows, options.scaling, objective);
    let l: Float32Array | Int32Array | Uint8Array;
    let c: Float32Array | Int32Array | Uint8Array;
    const made: tf.Tensor[] = [xs, ys];
    try {
      const [loss, correct] = tf.tidy(() => {
        // apply, not predict: predict would split the batch into chunks of 32 behind our back.
        const output = model.apply(xs) as tf.Tensor;
        return [objective.lossSum(ys, output), objective.scoreSum(ys, output)];
      });
      made.push(loss, correct);
      [l, c] = await Promise.all([loss.data(), correct.data()]);
    } finally {
      tf.dispose(made);
    }
    lossSum += l[0];
    correctSum += c[0];
  }
  const count = rows.length;
  return { accuracy: count ? correctSum / count : NaN, loss: count ? lossSum / count : NaN, count };
}

/**
 * Class probabilities (softmax of the logits) for the given rows, as one flat array of rows x classes.
 * The models output logits; the softmax the lecture's Dense layer applies happens here.
 */
export async function predictProbabilities(
  model: tf.LayersModel, set: ImageSet, rows: ArrayLike<number>, scaling: InputScaling,
): Promise<Float32Array> {
  const { xs, ys } = makeBatch(set, rows, scaling);
  const made: tf.Tensor[] = [xs, ys];
  try {
    const probs = tf.tidy(() => tf.softmax(model.apply(xs) as tf.Tensor2D));
    made.push(probs);
    return (await probs.data()) as Float32Array;
  } finally {
    tf.dispose(made);
  }
}

/** Probabilities for raw 28x28 pixels (0-255, e.g. a drawn digit), one row. */
export async function predictPixels(model: tf.LayersModel, pixels: Uint8Array, scaling: InputScaling): Promise<Float32Array> {
  return predictProbabilities(model, { images: pixels, labels: new Uint8Array(1), count: 1 }, [0], scaling);
}

/**
 * What a reconstruction model paints for each 28x28 input (`pixels`, n x 784 bytes): its output, read on the
 * 0-1 scale its objective uses, as bytes 0-255 for display.
 */
export async function reconstructPixels(model: tf.LayersModel, pixels: Uint8Array, scaling: InputScaling): Promise<Uint8Array> {
  const count = Math.floor(pixels.length / IMAGE_PIXELS);
  const { xs, ys } = makeBatch({ images: pixels, labels: new Uint8Array(count), count }, range(0, count), scaling);
  const made: tf.Tensor[] = [xs, ys];
  try {
    // The network answers in the units it is fed (see objective.ts): 0-255 for raw pixels, 0-1 for unit.
    const scale = scaling === 'raw' ? 1 : 255;
    const out = tf.tidy(() => tf.clipByValue(tf.mul(model.apply(xs) as tf.Tensor, scale), 0, 255));
    made.push(out);
    return Uint8Array.from(await out.data());
  } finally {
    tf.dispose(made);
  }
}
