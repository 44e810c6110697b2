/**
 * Random views of a digit for contrastive learning (after Chen et al. 2020, "SimCLR"), adapted to 28x28
 * MNIST: SimCLR's crop-and-resize becomes a small zoom and shift, its colour distortion (MNIST has no
 * colour) becomes a change of stroke width, and a small rotation is added.
 *
 * What is left out matters as much: no flips and no large rotations. A mirrored 2 is not a 2 and a 6 turned
 * upside down is a 9, so such a "view" would teach the network that different digits are the same thing.
 * Every augmentation here keeps the digit's identity for a human reader.
 */
import { IMAGE_PIXELS, IMAGE_SIZE } from '../../data/mnist';
import type { Rng } from '../../train/random';

/** How strong the views are: the ranges each random choice is drawn from (uniformly). */
export interface AugmentStrength {
  /** Largest rotation either way, in degrees. */
  readonly maxDegrees: number;
  /** Smallest and largest zoom (1 = unchanged; above 1 is SimCLR's crop of a smaller region, resized). */
  readonly minScale: number;
  readonly maxScale: number;
  /** Largest shift either way, in pixels (MNIST leaves a 4-pixel margin around its 20x20 digit box). */
  readonly maxShift: number;
  /** Chance of thickening the strokes, and (separately) of thinning them; otherwise they stay as they are. */
  readonly strokeChance: number;
}

/** The default strength: ±15°, zoom 0.85-1.2, shift ±3 pixels, stroke width changed two times in three. */
export const DEFAULT_STRENGTH: AugmentStrength = { maxDegrees: 15, minScale: 0.85, maxScale: 1.2, maxShift: 3, strokeChance: 1 / 3 };

/** One drawn view: the affine part and the stroke change. */
export interface ViewParams {
  readonly degrees: number;
  readonly scale: number;
  readonly shiftRow: number;
  readonly shiftCol: number;
  /** -1 thinner, 0 unchanged, 1 thicker. */
  readonly stroke: -1 | 0 | 1;
}

/** Draws the parameters of one view. Always five draws from `rng`, so the stream stays aligned. */
export function randomView(rng: Rng, strength: AugmentStrength = DEFAULT_STRENGTH): ViewParams {
  const between = (lo: number, hi: number) => lo + (hi - lo) * rng();
  const degrees = between(-strength.maxDegrees, strength.maxDegrees);
  const scale = between(strength.minScale, strength.maxScale);
  const shiftRow = between(-strength.maxShift, strength.maxShift);
  const shiftCol = between(-strength.maxShift, strength.maxShift);
  const s = rng();
  const stroke = s < strength.strokeChance ? 1 : s < 2 * strength.strokeChance ? -1 : 0;
  return { degrees, scale, shiftRow, shiftCol, stroke };
}

const CENTRE = (IMAGE_SIZE - 1) / 2;

/**
 * Writes the view of `src` described by `view` into `dst` (both 784 bytes). Each output pixel looks up where
 * it came from (the inverse of rotate-zoom-shift about the centre) and reads the source there with bilinear
 * interpolation; outside the image is paper (0).
 */
export function writeView(src: Uint8Array, dst: Uint8Array, view: ViewParams): void {
  const angle = (view.degrees * Math.PI) / 180;
  const cos = Math.cos(angle) / view.scale;
  const sin = Math.sin(angle) / view.scale;
  const warped = new Float32Array(IMAGE_PIXELS);
  for (let r = 0; r < IMAGE_SIZE; r++) {
    for (let c = 0; c < IMAGE_SIZE; c++) {
      const y = r - CENTRE - view.shiftRow;
      const x = c - CENTRE - view.shiftCol;
      // Inverse rotation and zoom: where in the source this output pixel comes from.
      const sr = cos * y - sin * x + CENTRE;
      const sc = sin * y + cos * x + CENTRE;
      warped[r * IMAGE_SIZE + c] = bilinear(src, sr, sc);
    }
  }
  const stroked = view.stroke === 0 ? warped : view.stroke > 0 ? dilate(warped) : thin(warped);
  for (let p = 0; p < IMAGE_PIXELS; p++) dst[p] = Math.max(0, Math.min(255, Math.round(stroked[p])));
}

function pixel(src: ArrayLike<number>, r: number, c: number): number {
  return r < 0 || c < 0 || r >= IMAGE_SIZE || c >= IMAGE_SIZE ? 0 : src[r * IMAGE_SIZE + c];
}

function bilinear(src: Uint8Array, r: number, c: number): number {
  const r0 = Math.floor(r);
  const c0 = Math.floor(c);
  const fr = r - r0;
  const fc = c - c0;
  return (1 - fr) * ((1 - fc) * pixel(src, r0, c0) + fc * pixel(src, r0, c0 + 1))
    + fr * ((1 - fc) * pixel(src, r0 + 1, c0) + fc * pixel(src, r0 + 1, c0 + 1));
}

/** Thicker strokes: each pixel becomes the brightest of itself and its four neighbours (a grey dilation). */
function dilate(src: Float32Array): Float32Array {
  const out = new Float32Array(IMAGE_PIXELS);
  for (let r = 0; r < IMAGE_SIZE; r++) {
    for (let c = 0; c < IMAGE_SIZE; c++) {
      out[r * IMAGE_SIZE + c] = Math.max(pixel(src, r, c), pixel(src, r - 1, c), pixel(src, r + 1, c), pixel(src, r, c - 1), pixel(src, r, c + 1));
    }
  }
  return out;
}

/**
 * Thinner strokes: halfway between each pixel and the darkest of it and its four neighbours. A full erosion
 * would wipe out MNIST's two-pixel strokes altogether; halfway fades their edges and keeps their middle.
 */
function thin(src: Float32Array): Float32Array {
  const out = new Float32Array(IMAGE_PIXELS);
  for (let r = 0; r < IMAGE_SIZE; r++) {
    for (let c = 0; c < IMAGE_SIZE; c++) {
      const darkest = Math.min(pixel(src, r, c), pixel(src, r - 1, c), pixel(src, r + 1, c), pixel(src, r, c - 1), pixel(src, r, c + 1));
      out[r * IMAGE_SIZE + c] = (pixel(src, r, c) + darkest) / 2;
    }
  }
  return out;
}
