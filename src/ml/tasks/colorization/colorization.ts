/**
 * Colorization (after Zhang, Isola & Efros 2016, "Colorful Image Colorization") made possible on MNIST,
 * which has no colour: each example's stroke is painted in one of four colours, drawn at random, and the
 * network sees what a black-and-white photograph of it would show, the brightness (luma) of that colour
 * times the ink. Like Zhang et al., who predict one of 313 colour bins per pixel rather than a colour
 * value, the network names a colour class for every pixel: paper, or one of the four inks.
 *
 * The four colours have clearly different brightness on purpose: a colour that cannot be told from its grey
 * could not be predicted at all. That also makes the task easy without knowing anything about digits (see
 * the task's `about`), which is the point the leaderboard can test.
 */
import { IMAGE_PIXELS, type ImageSet } from '../../data/mnist';
import type { TaskSet } from '../../train/task-set';
import { createRng } from '../../train/random';

/** One ink colour: its name and RGB. */
export interface InkColor {
  readonly name: string;
  readonly rgb: readonly [number, number, number];
}

/** The inks, brightest to darkest; class k + 1 is ink k, class 0 is paper. */
export const PALETTE: readonly InkColor[] = [
  { name: 'yellow', rgb: [255, 235, 60] },
  { name: 'green', rgb: [60, 210, 90] },
  { name: 'red', rgb: [240, 50, 40] },
  { name: 'blue', rgb: [30, 50, 220] },
];
/** Paper plus one class per ink. */
export const COLOR_CLASSES = PALETTE.length + 1;
/** A pixel brighter than this (of 255) in the original is ink, and gets its stroke's colour class. */
export const INK_LEVEL = 127;

/** The grey a black-and-white camera sees for a colour, 0-1 (ITU-R BT.601 luma, as in JPEG). */
export function luma([r, g, b]: readonly [number, number, number]): number {
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
}

/** Each ink's luma, in palette order. */
export const INK_LUMA: readonly number[] = PALETTE.map((c) => luma(c.rgb));

/**
 * `perImage` coloured copies of each image (rows image*perImage ...), each with its own random ink: `images`
 * is the grey picture the network sees, `targets` the colour class of every pixel (0 paper, k + 1 ink k),
 * `masks` 1 on ink pixels, where the score is counted.
 */
export function buildColorizationSet(set: ImageSet, seed: number, perImage = 4): TaskSet {
  const rng = createRng(seed);
  const count = set.count * perImage;
  const images = new Uint8Array(count * IMAGE_PIXELS);
  const targets = new Uint8Array(count * IMAGE_PIXELS);
  const masks = new Uint8Array(count * IMAGE_PIXELS);
  for (let i = 0; i < set.count; i++) {
    const src = i * IMAGE_PIXELS;
    for (let k = 0; k < perImage; k++) {
      const ink = Math.floor(rng() * PALETTE.length);
      const at = (i * perImage + k) * IMAGE_PIXELS;
      for (let p = 0; p < IMAGE_PIXELS; p++) {
        const v = set.images[src + p];
        images[at + p] = Math.round(v * INK_LUMA[ink]);
        const isInk = v > INK_LEVEL;
        targets[at + p] = isInk ? ink + 1 : 0;
        masks[at + p] = isInk ? 1 : 0;
      }
    }
  }
  // Digit labels are never read by a pretext task; zeros make that plain.
  return { images, labels: new Uint8Array(count), count, targets, masks };
}

/** The ink of row `row` (its ink pixels all share one), or null for a row without ink. */
export function inkOf(set: TaskSet, row: number): number | null {
  const targets = set.targets;
  if (!targets) return null;
  for (let p = row * IMAGE_PIXELS; p < (row + 1) * IMAGE_PIXELS; p++) if (targets[p] > 0) return targets[p] - 1;
  return null;
}

/**
 * The coloured picture of row `row` for the panel, 784 x RGB bytes: the ink's colour scaled by how much ink
 * each pixel holds (its grey divided by the ink's luma), on black paper.
 */
export function coloredPicture(set: TaskSet, row: number): Uint8Array {
  const out = new Uint8Array(IMAGE_PIXELS * 3);
  const ink = inkOf(set, row);
  if (ink === null) return out;
  const { rgb } = PALETTE[ink];
  for (let p = 0; p < IMAGE_PIXELS; p++) {
    // The grey of full ink is round(255 x luma): dividing by it gives solid strokes their colour exactly.
    const amount = Math.min(1, set.images[row * IMAGE_PIXELS + p] / Math.round(255 * INK_LUMA[ink]));
    for (let ch = 0; ch < 3; ch++) out[p * 3 + ch] = Math.round(rgb[ch] * amount);
  }
  return out;
}
