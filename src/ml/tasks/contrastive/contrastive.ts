/**
 * Contrastive examples (after Chen et al. 2020, "SimCLR"): pairs of random views of the same image. There is
 * no label; the pair itself is the target. Within a batch, each view must pick out its partner among all the
 * other views, which are views of other images.
 *
 * Budget and layout: every task makes 4 examples per image, so contrastive makes 2 pairs (4 views) per image,
 * in two rounds: rows 0 .. 2N-1 hold the first pair of each of the N images (image i at rows 2i and 2i+1),
 * rows 2N .. 4N-1 the second pair, made with fresh random views. The two rounds are kept apart on purpose:
 * the lecture's pretext training does not shuffle, so if an image's two pairs sat next to each other they
 * would land in the same batch, and the loss would push apart two views of the same digit as if they were
 * different images. Apart, a batch holds views of as many different images as it has pairs, like a second
 * epoch of SimCLR with new augmentations.
 */
import { IMAGE_PIXELS, type ImageSet } from '../../data/mnist';
import type { TaskSet } from '../../train/task-set';
import { createRng } from '../../train/random';
import { VIEWS_PER_PAIR } from '../../objectives/contrastive';
import { DEFAULT_STRENGTH, randomView, writeView, type AugmentStrength } from './augment';

/** Pairs made of each image (2 pairs x 2 views = the 4 examples per image every task gets). */
export const PAIRS_PER_IMAGE = 2;

/** The row of the other view of `row`'s pair. */
export function partnerRow(row: number): number {
  return row ^ 1;
}

/** Which image and which round (0 or 1) row `row` of a set made from `images` images belongs to. */
export function sourceOfRow(row: number, images: number): { readonly image: number; readonly round: number } {
  const perRound = images * VIEWS_PER_PAIR;
  return { image: Math.floor((row % perRound) / VIEWS_PER_PAIR), round: Math.floor(row / perRound) };
}

/** Two pairs of random views of each image, in the two-round layout above. Digit labels are never read. */
export function buildContrastiveSet(set: ImageSet, seed: number, strength: AugmentStrength = DEFAULT_STRENGTH): TaskSet {
  const rng = createRng(seed);
  const count = set.count * PAIRS_PER_IMAGE * VIEWS_PER_PAIR;
  const images = new Uint8Array(count * IMAGE_PIXELS);
  for (let row = 0; row < count; row++) {
    const { image } = sourceOfRow(row, set.count);
    const src = set.images.subarray(image * IMAGE_PIXELS, (image + 1) * IMAGE_PIXELS);
    writeView(src, images.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS), randomView(rng, strength));
  }
  // No labels: zeros make that plain. The partner of each row is the target, found by position.
  return { images, labels: new Uint8Array(count), count };
}
