/**
 * Where a label-efficiency curve's labelled digits come from, and which ones a label count gets.
 *
 * The pool is training images 10,000-19,999: the lecture's 1,000 labelled digits (10,000-10,999) and the
 * 9,000 after them. It never overlaps the pretext images (0-9,999 at most, only their pixels are used) or
 * the test set (a separate file). Two ways of choosing N digits from it:
 *
 * - N up to 100 is drawn *balanced*: N/10 of each digit, at random with the run's seed. With 10 or 20 labels
 *   a plain slice could miss a digit entirely, and the curve would measure the draw, not the features.
 * - Larger N are the pool's first N digits, in order, at their natural frequencies: so 1,000 labels are the
 *   lecture's 1,000 exactly, and each larger set contains every smaller one.
 */
import { IMAGE_PIXELS, type ImageSet, type Mnist } from '../data/mnist';
import { LECTURE_SPLITS } from '../data/splits';
import { SettingError } from '../config/validate';
import { createRng, deriveSeed, shuffledIndices } from '../train/random';

/**
 * The ten digits. The same constant as models/architecture.ts, written here again because the page imports
 * this file to check a sweep's label counts, and importing architecture.ts would pull tfjs into the page.
 */
const DIGIT_CLASSES = 10;

/** The first training image of the pool: right after the lecture's 10,000 pretext images. */
export const LABEL_POOL_START = LECTURE_SPLITS.pretextCount;
/** The largest label count drawn balanced; larger counts are taken in order. */
export const BALANCED_UP_TO = 100;
/** The smallest label count: one digit of each class. */
export const MIN_LABELS = DIGIT_CLASSES;

/** How many labelled digits the pool holds with `trainImages` training images shipped (10,000 for 20,000). */
export function labelPoolSize(trainImages: number): number {
  return Math.max(0, trainImages - LABEL_POOL_START);
}

/** True when `labels` digits are drawn balanced per class. */
export function isBalanced(labels: number): boolean {
  return labels <= BALANCED_UP_TO;
}

/** Words for the allowed label counts, for refusals and usage text. */
export function allowedLabelCounts(poolSize: number): string {
  return `${MIN_LABELS}-${BALANCED_UP_TO} in steps of ${DIGIT_CLASSES} (balanced per digit), or ${BALANCED_UP_TO + 1}-${poolSize} (the pool's first N)`;
}

/** Throws a SettingError unless `labels` is a count the pool can give. */
export function checkLabelCount(labels: number, poolSize: number, setting = 'labels'): number {
  const ok = Number.isInteger(labels) && labels >= MIN_LABELS && labels <= poolSize && (!isBalanced(labels) || labels % DIGIT_CLASSES === 0);
  if (!ok) throw new SettingError(setting, `${setting} must be ${allowedLabelCounts(poolSize)}, got ${labels}`);
  return labels;
}

/**
 * The training-set rows of the `labels` digits for `seed`. Balanced draws are arranged in rounds of one digit
 * of each class (in a shuffled order per round), so any leading part of the list (e.g. the four fifths the
 * lecture's validation split leaves for training) is as balanced as it can be.
 */
export function labelRows(mnist: Mnist, labels: number, seed: number): Uint32Array {
  checkLabelCount(labels, labelPoolSize(mnist.train.count));
  const rows = new Uint32Array(labels);
  if (!isBalanced(labels)) {
    for (let i = 0; i < labels; i++) rows[i] = LABEL_POOL_START + i;
    return rows;
  }
  const rng = createRng(deriveSeed(seed, 400));
  const poolSize = labelPoolSize(mnist.train.count);
  const byClass: number[][] = Array.from({ length: DIGIT_CLASSES }, () => []);
  for (const i of shuffledIndices(poolSize, rng)) byClass[mnist.train.labels[LABEL_POOL_START + i]].push(LABEL_POOL_START + i);
  const perClass = labels / DIGIT_CLASSES;
  let k = 0;
  for (let round = 0; round < perClass; round++) {
    for (const digit of shuffledIndices(DIGIT_CLASSES, rng)) {
      const row = byClass[digit][round];
      if (row === undefined) throw new RangeError(`the pool holds fewer than ${perClass} images of the digit ${digit}`);
      rows[k++] = row;
    }
  }
  return rows;
}

/** The images and labels of the given training rows, copied into a set of their own. */
export function gatherRows(set: ImageSet, rows: ArrayLike<number>): ImageSet {
  const images = new Uint8Array(rows.length * IMAGE_PIXELS);
  const labels = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    images.set(set.images.subarray(rows[i] * IMAGE_PIXELS, (rows[i] + 1) * IMAGE_PIXELS), i * IMAGE_PIXELS);
    labels[i] = set.labels[rows[i]];
  }
  return { images, labels, count: rows.length };
}
