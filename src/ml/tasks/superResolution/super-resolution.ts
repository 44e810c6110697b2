/**
 * Super-resolution (lecture section 2.4; the lecture's pairs of small and upscaled images, as in Ledig et al.
 * 2017) on 28x28 digits: the image is shrunk by averaging blocks of pixels and enlarged back to 28x28 by
 * repeating each block's average, and the network must restore the sharp original.
 *
 * Each example is shrunk by 2 (to 14x14) or by 4 (to 7x7), drawn at random, and the block grid is moved by a
 * random 0 to factor-1 pixels, so the four examples of one image are four different blurs of it.
 */
import { IMAGE_PIXELS, IMAGE_SIZE, type ImageSet } from '../../data/mnist';
import type { TaskSet } from '../../train/task-set';
import { createRng } from '../../train/random';

/** How much an example is shrunk: 2 gives 14x14, 4 gives 7x7. */
export const FACTORS = [2, 4] as const;
/** A pixel the blur moved by more than this (of 255) is one where detail was lost: the mask, and the score. */
export const CHANGED = 16;

/** One shrinking: the factor and where the block grid starts (0 to factor-1 pixels up and left). */
export interface Shrink {
  readonly factor: number;
  readonly phase: readonly [number, number];
}

/**
 * Writes the small image enlarged back to 28x28: every pixel becomes the mean of its factor x factor block
 * (pixels of a block outside the image count as black, as MNIST's border is).
 */
export function shrinkAndEnlarge(src: Uint8Array, dst: Uint8Array, { factor, phase }: Shrink): void {
  const blocks = Math.ceil((IMAGE_SIZE + factor - 1) / factor);
  const sums = new Float64Array(blocks * blocks);
  const block = (r: number, c: number) => Math.floor((r + phase[0]) / factor) * blocks + Math.floor((c + phase[1]) / factor);
  for (let r = 0; r < IMAGE_SIZE; r++) for (let c = 0; c < IMAGE_SIZE; c++) sums[block(r, c)] += src[r * IMAGE_SIZE + c];
  const area = factor * factor;
  for (let r = 0; r < IMAGE_SIZE; r++) for (let c = 0; c < IMAGE_SIZE; c++) dst[r * IMAGE_SIZE + c] = Math.round(sums[block(r, c)] / area);
}

/** Draws a random shrinking. */
export function randomShrink(rng: () => number): Shrink {
  const factor = FACTORS[Math.floor(rng() * FACTORS.length)];
  return { factor, phase: [Math.floor(rng() * factor), Math.floor(rng() * factor)] };
}

/**
 * `perImage` blurred copies of each image (rows image*perImage ...), with the originals as targets, as mask
 * the pixels the blur changed by more than `CHANGED`, and as labels the small image's side (14 or 7).
 */
export function buildSuperResolutionSet(set: ImageSet, seed: number, perImage = 4): TaskSet {
  const rng = createRng(seed);
  const count = set.count * perImage;
  const images = new Uint8Array(count * IMAGE_PIXELS);
  const targets = new Uint8Array(count * IMAGE_PIXELS);
  const masks = new Uint8Array(count * IMAGE_PIXELS);
  const sides = new Uint8Array(count);
  for (let i = 0; i < set.count; i++) {
    const src = set.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
    for (let k = 0; k < perImage; k++) {
      const at = (i * perImage + k) * IMAGE_PIXELS;
      const shrink = randomShrink(rng);
      sides[i * perImage + k] = IMAGE_SIZE / shrink.factor;
      targets.set(src, at);
      shrinkAndEnlarge(src, images.subarray(at, at + IMAGE_PIXELS), shrink);
      for (let p = 0; p < IMAGE_PIXELS; p++) masks[at + p] = Math.abs(images[at + p] - src[p]) > CHANGED ? 1 : 0;
    }
  }
  // Digit labels are never read by a pretext task. The labels here say how small each example was made
  // (14 or 7), for the panel's captions; a reconstruction's objective never reads labels.
  return { images, labels: sides, count, targets, masks };
}
