/**
 * The upper bound that bounds: a trunk trained on the digit labels themselves, to convergence.
 *
 * Every pretext trunk is meant to approach what a trunk trained *on the real task* would give. The first version
 * trained that trunk for only as many examples as a pretext task sees, which left it short of converged and,
 * under a noisy head, below one self-supervised row: an "upper bound" that did not bound. Here the digit
 * classifier trains on the pretext images with their labels, minus the last tenth held out, until the held-out
 * accuracy stops improving; the best epoch's weights are kept. The test images are never looked at.
 */
import * as tf from '#tf';
import type { Splits } from '../data/splits';
import type { ExperimentConfig } from '../config/presets';
import { buildDigitClassifier } from '../models/architecture';
import { TrainingRun } from '../train/trainer';
import { deriveSeed } from '../train/random';

/** How the upper bound's trunk is trained. */
export const UPPER_BOUND_TRAINING = {
  /** The last tenth of the pretext images is held out to decide when to stop. */
  heldOut: 0.1,
  maxEpochs: 40,
  /** Stop after this many epochs without a better held-out accuracy. */
  patience: 4,
  batchSize: 192,
  learningRate: 0.001,
} as const;

/** How many labelled images the upper bound's trunk trains on, from the pretext images' count. */
export function upperLabels(pretextCount: number): number {
  return pretextCount - Math.ceil(pretextCount * UPPER_BOUND_TRAINING.heldOut);
}

/** Trains the upper bound's trunk for `config.seed`; returns the model (the caller disposes it) and its epochs. */
export async function trainConvergedLabelledTrunk(splits: Splits, config: ExperimentConfig): Promise<{ model: tf.LayersModel; bestEpoch: number; heldOutAccuracy: number }> {
  const t = UPPER_BOUND_TRAINING;
  const model = buildDigitClassifier('scratch', config.seed);
  let best = -1;
  let bestEpoch = -1;
  let bestWeights: tf.Tensor[] = [];
  try {
    const run: TrainingRun = new TrainingRun(model, splits.pretext, {
      epochs: t.maxEpochs, batchSize: t.batchSize, optimizer: { kind: 'adam', learningRate: t.learningRate },
      shuffle: true, seed: deriveSeed(config.seed, 105), validationSplit: t.heldOut, patience: null, scaling: config.scaling,
    }, {
      onEpochEnd: (e) => {
        const accuracy = e.valAccuracy ?? 0;
        if (accuracy > best) {
          best = accuracy;
          bestEpoch = e.epoch;
          tf.dispose(bestWeights);
          bestWeights = model.getWeights().map((w) => w.clone());
        } else if (e.epoch - bestEpoch >= t.patience) {
          run.stop();
        }
      },
    });
    await run.run();
    model.setWeights(bestWeights);
    return { model, bestEpoch: bestEpoch + 1, heldOutAccuracy: best };
  } catch (err) {
    model.dispose();
    throw err;
  } finally {
    tf.dispose(bestWeights);
  }
}
