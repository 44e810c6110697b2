/**
 * Turning a student's drawing into the kind of image the models were trained on.
 *
 * A model trained on MNIST has only ever seen digits prepared one particular way, so a drawing must be
 * prepared the same way or the model is tested on something it never learned. LeCun, Cortes & Burges
 * describe the recipe: the digit is scaled, keeping its aspect ratio, to fit a 20 x 20 box (the
 * resampling makes anti-aliased grey edges), then placed in a 28 x 28 image so that the centre of mass of
 * its pixel intensities sits at the centre. We do exactly that. Fed a real MNIST digit, enlarged, this
 * gives back nearly the same image (correlation above 0.99) for ~97% of the test digits: the best
 * evidence we have that a drawing ends up where, and how, MNIST would have put it.
 *
 * DOM-free: the caller reads the pixels off its canvas and hands us a plain grey-level array.
 */
import { IMAGE_PIXELS, IMAGE_SIZE } from '../data/mnist';
import { placeShifted, resizeBox } from './resample';

/** Side of the output image in pixels, as in MNIST. */
export const OUTPUT_SIZE = IMAGE_SIZE;
/** Side of the box the digit is scaled into; the 4-pixel margin leaves room for the centring shift. */
export const DIGIT_BOX = 20;
/**
 * Where MNIST puts a digit's centre of mass, in continuous coordinates (pixel i spans [i, i + 1)): the
 * middle of pixel (14, 14), not the geometric centre (14, 14) of the image. Measured, not assumed: over
 * all of MNIST the centre of mass is spread evenly over [14, 15] on each axis with mean 14.50, which is
 * what "shift by a whole number of pixels to bring it to pixel 14" produces. Aiming at 14.0 instead
 * moves every drawing half a pixel up and left of where the models saw their training digits.
 */
export const MASS_CENTER = 14.5;
/**
 * Grey levels below this (of 255) count as background. Canvas anti-aliasing and a smudge of noise leave
 * faint pixels far from the stroke; without a threshold they would stretch the bounding box.
 */
export const INK_THRESHOLD = 32;
/**
 * A drawing with ink on fewer than this fraction of the input's pixels is treated as empty. A single tap
 * of a pen a tenth of the canvas wide covers about 0.8%, so only specks and stray clicks fall below.
 */
export const MIN_INK_FRACTION = 0.0005;

/**
 * How the digit is moved to centre its mass.
 * - `whole-pixel`: by a whole number of pixels, as MNIST did. The strokes stay as crisp as the scaling
 *   left them, and the centre of mass lands within half a pixel of MASS_CENTER, like MNIST's own.
 * - `sub-pixel`: by the exact fraction, blending neighbouring pixels. The centre lands on MASS_CENTER to
 *   within rounding, at the price of slightly softer strokes than the models were trained on.
 */
export type Centering = 'whole-pixel' | 'sub-pixel';

/** A point in continuous pixel coordinates: pixel i covers [i, i + 1), its centre is at i + 0.5. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned rectangle in whole pixels of the input image. */
export interface BoundingBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * What `preprocessDrawing` returns. `pixels` always holds 784 grey levels (0-255, white digit on black,
 * row-major), all zero when the drawing is empty, so it can go straight to a model either way.
 */
export type PreprocessResult =
  | { readonly empty: true; readonly pixels: Uint8Array; readonly bbox: null; readonly centerOfMass: null }
  | {
      readonly empty: false;
      readonly pixels: Uint8Array;
      /** Where the ink was found in the input image. */
      readonly bbox: BoundingBox;
      /** The centre of mass of `pixels`, measured after centring: near (MASS_CENTER, MASS_CENTER). */
      readonly centerOfMass: Point;
      /** Output pixels per input pixel: how much the digit was shrunk (or enlarged) to fit 20 px. */
      readonly scale: number;
      /** How far the scaled digit was moved, in output pixels, to centre its mass. */
      readonly shift: Point;
    };

/** The result for a blank drawing: 784 zeros. A fresh array each time, so no caller can spoil another's. */
export function emptyPreprocessResult(): PreprocessResult {
  return { empty: true, pixels: new Uint8Array(IMAGE_PIXELS), bbox: null, centerOfMass: null };
}

/**
 * The intensity-weighted mean position of a `width` x `height` image (`height` defaults to `width`),
 * in continuous coordinates, or null if the image is all zeros.
 * This is the "centre of mass" MNIST centres on: think of each pixel as a weight equal to its brightness.
 */
export function centerOfMass(pixels: ArrayLike<number>, width: number, height: number = width): Point | null {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = pixels[y * width + x];
      mass += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass } : null;
}

function checkShape(length: number, width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`image size must be positive whole numbers, got ${width} x ${height}`);
  }
  if (length !== width * height) {
    throw new RangeError(`a ${width} x ${height} image needs ${width * height} values, got ${length}`);
  }
}

/** The box around every pixel at or above the ink threshold, and how many such pixels there are. */
function findInk(gray: ArrayLike<number>, width: number, height: number): { box: BoundingBox; count: number } {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (gray[y * width + x] < INK_THRESHOLD) continue;
      count++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return { box: { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 }, count };
}

/**
 * Prepares a drawing the way MNIST's digits were prepared.
 *
 * `gray` is a `width` x `height` grey-level image of the drawing, row-major, on the 0-255 scale whatever
 * the array type (Float32Array too): ink high, background 0. Any resolution works; a canvas's backing
 * store at the device's pixel ratio is fine. `centering` picks MNIST's whole-pixel shift (the default) or
 * an exact sub-pixel one.
 */
export function preprocessDrawing(
  gray: Uint8Array | Uint8ClampedArray | Float32Array,
  width: number,
  height: number,
  centering: Centering = 'whole-pixel',
): PreprocessResult {
  checkShape(gray.length, width, height);
  const { box, count } = findInk(gray, width, height);
  if (count === 0 || count < MIN_INK_FRACTION * width * height) return emptyPreprocessResult();

  // 1. Crop to the ink, dropping the faint pixels below the threshold inside the box as well.
  const crop = new Float32Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      const v = gray[(box.y + y) * width + box.x + x];
      crop[y * box.width + x] = v >= INK_THRESHOLD ? Math.min(255, v) : 0;
    }
  }

  // 2. Scale so the longer side is 20 px, the same factor both ways so a "1" stays tall and thin.
  const scale = DIGIT_BOX / Math.max(box.width, box.height);
  const fitWidth = Math.max(1, Math.round(box.width * scale));
  const fitHeight = Math.max(1, Math.round(box.height * scale));
  const fitted = resizeBox(crop, box.width, box.height, fitWidth, fitHeight);

  // 3. Move the digit so its centre of mass lands in the middle. Centring the mass rather than the box is
  //    MNIST's choice: a "7" sits a little low in its frame, because its heavy bar is at the top.
  const mass = centerOfMass(fitted, fitWidth, fitHeight);
  if (mass === null) return emptyPreprocessResult();
  const snap = centering === 'whole-pixel' ? Math.round : (v: number) => v;
  const shift = { x: snap(MASS_CENTER - mass.x), y: snap(MASS_CENTER - mass.y) };
  const placed = placeShifted(fitted, fitWidth, fitHeight, shift.x, shift.y, OUTPUT_SIZE);

  // 4. Back to bytes, like the dataset. Rounding moves the centre of mass by a hundredth of a pixel or so.
  const pixels = new Uint8Array(IMAGE_PIXELS);
  for (let i = 0; i < IMAGE_PIXELS; i++) pixels[i] = Math.max(0, Math.min(255, Math.round(placed[i])));
  const centre = centerOfMass(pixels, OUTPUT_SIZE);
  if (centre === null) return emptyPreprocessResult();
  return { empty: false, pixels, bbox: box, centerOfMass: centre, scale, shift };
}
