/**
 * The per-pixel classifier's objective, page-safe half (colorization): name a class for every pixel.
 * Cross-entropy per pixel, and as the score the fraction of the pixels that matter given the right class. The
 * tensors are in `tensors.ts`.
 */
import { IMAGE_PIXELS } from '../../data/mnist';
import type { TaskSet } from '../../train/task-set';
import type { ObjectiveTraits } from '../types';
import { examplePictures } from '../sample-pictures';

/**
 * Name a class for every pixel (colorization's colours): the output is [28, 28, classes] logits, the loss a
 * weighted cross-entropy per pixel (mask pixels 1, others `outsideWeight`), the score the fraction of mask
 * pixels given the right class. The task set's `targets` hold class indices, not brightness.
 */
export interface ClassifyPixelsSpec {
  readonly kind: 'classifyPixels';
  readonly classes: number;
  readonly outsideWeight: number;
}

/** What a per-pixel classifier means to the page. */
export function classifyPixelsTraits(spec: ClassifyPixelsSpec): ObjectiveTraits {
  return {
    scoreName: 'ink pixels given the right colour',
    lossWords: 'cross-entropy per pixel, mostly over the ink',
    groupSize: 1,
    evaluationBatch: (requested) => requested,
    chance: (set) => bestConstantClass(set, spec.classes),
    // It names classes per pixel; the data panel shows its targets in colour, not a painting.
    paints: false,
    namesClasses: false,
    samples: (examples, describe) => examplePictures(examples, describe, 'target', null),
  };
}

/**
 * A per-pixel classifier's chance: the score of the best single class said for every pixel, i.e. the largest
 * mean over rows of the share of a row's mask pixels whose class it is. For colorization that is the most
 * common ink: painting everything paper scores 0, since only ink pixels count.
 */
function bestConstantClass(set: TaskSet, classes: number): number {
  const { targets, masks } = set;
  if (!targets || !masks || set.count === 0) return NaN;
  const sums = new Float64Array(classes);
  const counts = new Float64Array(classes);
  for (let row = 0; row < set.count; row++) {
    counts.fill(0);
    let inMask = 0;
    for (let p = row * IMAGE_PIXELS; p < (row + 1) * IMAGE_PIXELS; p++) {
      if (!masks[p]) continue;
      inMask++;
      counts[targets[p]]++;
    }
    if (inMask > 0) for (let k = 0; k < classes; k++) sums[k] += counts[k] / inMask;
  }
  return Math.max(...sums) / set.count;
}
