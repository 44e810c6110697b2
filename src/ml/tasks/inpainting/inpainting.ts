/**
 * Inpainting (after Pathak et al. 2016, "Context Encoders"): a square hole is cut out of the digit and the
 * network must paint back what was there, from the context around it.
 *
 * The hole is 10-14 pixels wide, placed at random inside the 20x20 box where MNIST centres its digits, and
 * filled with mid-grey so the network (and the student) can see exactly what is missing.
 */
import { IMAGE_PIXELS, IMAGE_SIZE, type ImageSet } from '../../data/mnist';
import type { TaskSet } from '../../train/task-set';
import { createRng } from '../../train/random';

/** Smallest and largest hole side, in pixels. */
export const HOLE_SIZES = { min: 10, max: 14 } as const;
/** MNIST's digit box: 20x20 pixels starting at row and column 4. */
export const DIGIT_BOX = { start: 4, size: 20 } as const;
/** The grey that marks the hole in the input. */
export const HOLE_FILL = 128;

/** One hole: top-left corner and side. */
export interface Hole {
  readonly row: number;
  readonly col: number;
  readonly size: number;
}

/** Draws a random hole inside the digit box. */
export function randomHole(rng: () => number): Hole {
  const size = HOLE_SIZES.min + Math.floor(rng() * (HOLE_SIZES.max - HOLE_SIZES.min + 1));
  const span = DIGIT_BOX.size - size + 1;
  return {
    row: DIGIT_BOX.start + Math.floor(rng() * span),
    col: DIGIT_BOX.start + Math.floor(rng() * span),
    size,
  };
}

/** Copies `src` into `input` with the hole greyed out, and marks the hole with 1s in `mask`. */
export function cutHole(src: Uint8Array, input: Uint8Array, mask: Uint8Array, hole: Hole): void {
  input.set(src);
  mask.fill(0);
  for (let r = hole.row; r < hole.row + hole.size; r++) {
    for (let c = hole.col; c < hole.col + hole.size; c++) {
      input[r * IMAGE_SIZE + c] = HOLE_FILL;
      mask[r * IMAGE_SIZE + c] = 1;
    }
  }
}

/** `perImage` corrupted copies of each image (rows image*perImage ...), with the originals as targets. */
export function buildInpaintingSet(set: ImageSet, seed: number, perImage = 4): TaskSet {
  const rng = createRng(seed);
  const count = set.count * perImage;
  const images = new Uint8Array(count * IMAGE_PIXELS);
  const targets = new Uint8Array(count * IMAGE_PIXELS);
  const masks = new Uint8Array(count * IMAGE_PIXELS);
  for (let i = 0; i < set.count; i++) {
    const src = set.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
    for (let k = 0; k < perImage; k++) {
      const at = (i * perImage + k) * IMAGE_PIXELS;
      targets.set(src, at);
      cutHole(src, images.subarray(at, at + IMAGE_PIXELS), masks.subarray(at, at + IMAGE_PIXELS), randomHole(rng));
    }
  }
  // Digit labels are never read by a pretext task; zeros make that plain.
  return { images, labels: new Uint8Array(count), count, targets, masks };
}
