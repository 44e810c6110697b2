/**
 * The reconstruction objective, page-safe half: predict pixels (inpainting, super-resolution). A squared
 * error per pixel, and as the score the fraction of the pixels that matter painted the right colour, ink or
 * paper, which reads like an accuracy (1 is perfect). The tensors are in `tensors.ts`.
 */
import { IMAGE_PIXELS } from '../../data/mnist';
import type { TaskSet } from '../../train/task-set';
import type { ObjectiveTraits } from '../types';
import { examplePictures } from '../sample-pictures';

/**
 * Predict pixels: weighted squared error (mask pixels 1, others `outsideWeight`), scored by the fraction of
 * mask pixels painted the right colour: ink where the truth is brighter than `inkThreshold` (0-1), paper
 * where it is not. The task set's `targets` are the pixels and its `masks` say which ones count.
 */
export interface ReconstructSpec {
  readonly kind: 'reconstruct';
  readonly outsideWeight: number;
  readonly inkThreshold: number;
  /** What the mask pixels are, one word for the score's name and the loss ("hidden" when absent, "blurred"). */
  readonly maskName?: string;
}

/** What a reconstruction means to the page. */
export function reconstructTraits(spec: ReconstructSpec): ObjectiveTraits {
  const mask = spec.maskName ?? 'hidden';
  return {
    scoreName: `${mask} pixels right (ink or paper)`,
    // Weight 1 everywhere is the plain squared error; below 1 the mask pixels dominate.
    lossWords: spec.outsideWeight >= 1 ? 'squared error over every pixel' : `squared error, mostly over the ${mask === 'hidden' ? 'missing' : mask} pixels`,
    groupSize: 1,
    evaluationBatch: (requested) => requested,
    chance: (set) => allPaperScore(set, spec.inkThreshold),
    paints: true,
    namesClasses: false,
    samples: (examples, describe, painted) => examplePictures(examples, describe, 'target', painted),
  };
}

/**
 * A reconstruction's chance: the score of painting every mask pixel black, the background colour most of them
 * really have. Per row, the fraction of mask pixels painted the right colour; then the mean over rows.
 */
function allPaperScore(set: TaskSet, inkThreshold: number): number {
  const { targets, masks } = set;
  if (!targets || !masks) return NaN;
  const limit = inkThreshold * 255;
  let sum = 0;
  for (let row = 0; row < set.count; row++) {
    let inMask = 0;
    let close = 0;
    for (let p = row * IMAGE_PIXELS; p < (row + 1) * IMAGE_PIXELS; p++) {
      if (!masks[p]) continue;
      inMask++;
      if (!(targets[p] > limit)) close++;
    }
    sum += inMask > 0 ? close / inMask : 0;
  }
  return set.count > 0 ? sum / set.count : NaN;
}
