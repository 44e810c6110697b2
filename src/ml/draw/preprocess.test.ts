import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../data/node-assets';
import { IMAGE_PIXELS } from '../data/mnist';
import {
  DIGIT_BOX,
  INK_THRESHOLD,
  MASS_CENTER,
  OUTPUT_SIZE,
  centerOfMass,
  preprocessDrawing,
  type BoundingBox,
  type PreprocessResult,
} from './preprocess';
import { resizeBox } from './resample';

const SIDE = 280;
/** Whole-pixel centring, like MNIST's, lands within half a pixel (plus a hair for rounding to bytes). */
const WHOLE_PIXEL_TOLERANCE = 0.52;
/** Sub-pixel centring lands on the target up to the rounding of intensities to bytes. */
const SUB_PIXEL_TOLERANCE = 0.05;

/** Distance from (px, py) to the segment from (ax, ay) to (bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy || 1)));
  return Math.hypot(px - ax - t * vx, py - ay - t * vy);
}

/**
 * A blank canvas with a shape painted in, anti-aliased like a browser canvas: a pixel whose centre lies
 * within `radius` of the shape is full ink, fading to nothing over one pixel beyond.
 */
function paint(side: number, distance: (x: number, y: number) => number, radius: number): Uint8ClampedArray {
  const gray = new Uint8ClampedArray(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const d = distance(x + 0.5, y + 0.5);
      gray[y * side + x] = Math.max(0, Math.min(1, radius + 0.5 - d)) * 255;
    }
  }
  return gray;
}

/** A round-capped pen stroke from (ax, ay) to (bx, by), `width` pixels wide. */
const stroke = (ax: number, ay: number, bx: number, by: number, width: number, side = SIDE) =>
  paint(side, (x, y) => segmentDistance(x, y, ax, ay, bx, by), width / 2);

/** A circle of radius `r` about (cx, cy), drawn with a pen `width` pixels wide. */
const ring = (cx: number, cy: number, r: number, width: number) =>
  paint(SIDE, (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r), width / 2);

/** The box around the output's ink, counting the same pixels the preprocessing counts as ink. */
function inkBox(pixels: Uint8Array): BoundingBox {
  let minX = OUTPUT_SIZE;
  let minY = OUTPUT_SIZE;
  let maxX = -1;
  let maxY = -1;
  for (let i = 0; i < pixels.length; i++) {
    if (pixels[i] < INK_THRESHOLD) continue;
    const x = i % OUTPUT_SIZE;
    const y = Math.floor(i / OUTPUT_SIZE);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/** Checks what every drawn digit must satisfy, and narrows the result to the non-empty case. */
function expectMnistLike(
  result: PreprocessResult,
  tolerance = WHOLE_PIXEL_TOLERANCE,
): Extract<PreprocessResult, { empty: false }> {
  if (result.empty) throw new Error('expected a digit, got an empty result');
  expect(result.pixels).toHaveLength(IMAGE_PIXELS);
  const box = inkBox(result.pixels);
  expect(Math.abs(Math.max(box.width, box.height) - DIGIT_BOX)).toBeLessThanOrEqual(1);
  const mass = centerOfMass(result.pixels, OUTPUT_SIZE);
  expect(mass).not.toBeNull();
  expect(Math.abs((mass?.x ?? 0) - MASS_CENTER)).toBeLessThanOrEqual(tolerance);
  expect(Math.abs((mass?.y ?? 0) - MASS_CENTER)).toBeLessThanOrEqual(tolerance);
  expect(result.centerOfMass.x).toBeCloseTo(mass?.x ?? 0, 6);
  return result;
}

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < a.length; i++) {
    ma += a[i] / a.length;
    mb += b[i] / b.length;
  }
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('centerOfMass', () => {
  it('weighs pixels by brightness, in continuous coordinates', () => {
    const img = new Uint8Array(9);
    img[4] = 100; // the middle pixel of 3 x 3, whose centre is (1.5, 1.5)
    expect(centerOfMass(img, 3)).toEqual({ x: 1.5, y: 1.5 });
    img[5] = 100; // and its right-hand neighbour, centred at (2.5, 1.5)
    expect(centerOfMass(img, 3)).toEqual({ x: 2, y: 1.5 });
    expect(centerOfMass(new Uint8Array(4), 2)).toBeNull();
  });
});

describe('resizeBox', () => {
  it('averages areas, so a one-pixel line shrunk 10x survives as a faint grey', () => {
    const src = new Float32Array(100 * 100);
    for (let y = 0; y < 100; y++) src[y * 100 + 42] = 255;
    const out = resizeBox(src, 100, 100, 10, 10);
    expect(out[5 * 10 + 4]).toBeCloseTo(25.5, 3);
    expect(out.reduce((s, v) => s + v, 0) * 100).toBeCloseTo(255 * 100, 0); // ink is conserved
  });
});

describe('preprocessDrawing', () => {
  it('scales a centred vertical bar to 20 px tall and centres its mass', () => {
    const result = expectMnistLike(preprocessDrawing(stroke(140, 60, 140, 220, 28), SIDE, SIDE));
    expect(inkBox(result.pixels).height).toBe(DIGIT_BOX);
    expect(result.bbox).toEqual({ x: 126, y: 46, width: 28, height: 188 });
    expect(Number.isInteger(result.shift.x) && Number.isInteger(result.shift.y)).toBe(true);
  });

  it('centres to a fraction of a pixel when asked for sub-pixel centring', () => {
    for (const gray of [stroke(133, 60, 141, 221, 28), stroke(60, 200, 210, 80, 28), ring(150, 130, 90, 24)]) {
      const result = expectMnistLike(preprocessDrawing(gray, SIDE, SIDE, 'sub-pixel'), SUB_PIXEL_TOLERANCE);
      // Bilinear blending spreads the edge over one more pixel at most.
      expect(Math.max(inkBox(result.pixels).width, inkBox(result.pixels).height)).toBeLessThanOrEqual(DIGIT_BOX + 1);
    }
  });

  it('puts a bar drawn in the top-left corner exactly where the centred one goes', () => {
    const centred = preprocessDrawing(stroke(140, 60, 140, 220, 28), SIDE, SIDE);
    const corner = expectMnistLike(preprocessDrawing(stroke(30, 30, 30, 190, 28), SIDE, SIDE));
    expect(corner.bbox.x).toBeLessThan(20);
    expect(Array.from(corner.pixels)).toEqual(Array.from(centred.pixels));
  });

  it('keeps a ring ring-shaped: a dark hole inside a bright loop', () => {
    const result = expectMnistLike(preprocessDrawing(ring(150, 130, 90, 24), SIDE, SIDE));
    const at = (x: number, y: number) => result.pixels[y * OUTPUT_SIZE + x];
    // The middle of the image is the hole.
    for (const [x, y] of [[13, 13], [14, 13], [13, 14], [14, 14]]) expect(at(x, y)).toBeLessThan(10);
    // The loop has radius ~9 px after scaling 20/204: bright left, right, above and below the hole.
    const brightest = (cells: number[][]) => Math.max(...cells.map(([x, y]) => at(x, y)));
    expect(brightest([[4, 13], [5, 13], [4, 14], [5, 14]])).toBeGreaterThan(200);
    expect(brightest([[22, 13], [23, 13], [22, 14], [23, 14]])).toBeGreaterThan(200);
    expect(brightest([[13, 4], [13, 5], [14, 4], [14, 5]])).toBeGreaterThan(200);
    expect(brightest([[13, 22], [13, 23], [14, 22], [14, 23]])).toBeGreaterThan(200);
  });

  it('keeps the aspect ratio: a tall thin "1" becomes 20 px tall and only a few wide', () => {
    const result = expectMnistLike(preprocessDrawing(stroke(100, 30, 104, 250, 20), SIDE, SIDE));
    const box = inkBox(result.pixels);
    expect(box.height).toBe(DIGIT_BOX);
    expect(box.width).toBeGreaterThanOrEqual(2);
    expect(box.width).toBeLessThanOrEqual(4);
  });

  it('gives the same digit whatever the canvas resolution (e.g. a 2x high-DPI backing store)', () => {
    const low = expectMnistLike(preprocessDrawing(stroke(60, 200, 210, 80, 28), SIDE, SIDE));
    const high = expectMnistLike(preprocessDrawing(stroke(120, 400, 420, 160, 56, 560), 560, 560));
    const worst = Math.max(...low.pixels.map((v, i) => Math.abs(v - high.pixels[i])));
    expect(worst).toBeLessThanOrEqual(12);
  });

  it('accepts Float32Array input on the same 0-255 scale', () => {
    const bytes = stroke(140, 60, 140, 220, 28);
    const floats = Float32Array.from(bytes);
    expect(preprocessDrawing(floats, SIDE, SIDE).pixels).toEqual(preprocessDrawing(bytes, SIDE, SIDE).pixels);
  });

  it('calls a blank canvas or a stray speck empty, with 784 zeros', () => {
    for (const gray of [new Uint8Array(SIDE * SIDE), stroke(50, 50, 50, 50, 3)]) {
      const result = preprocessDrawing(gray, SIDE, SIDE);
      expect(result.empty).toBe(true);
      expect(result.bbox).toBeNull();
      expect(result.pixels).toEqual(new Uint8Array(IMAGE_PIXELS));
    }
    // Faint haze below the ink threshold is background too.
    expect(preprocessDrawing(new Uint8Array(SIDE * SIDE).fill(INK_THRESHOLD - 1), SIDE, SIDE).empty).toBe(true);
  });

  it('refuses an array that does not match the stated size', () => {
    expect(() => preprocessDrawing(new Uint8Array(10), 3, 3)).toThrow(/3 x 3 image needs 9 values, got 10/);
    expect(() => preprocessDrawing(new Uint8Array(0), 0, 0)).toThrow(RangeError);
  });

  it('aims where MNIST aims: its own digits have their centre of mass spread over [14, 15], mean 14.5', async () => {
    const { test } = await loadMnistFromDisk();
    let sumX = 0;
    let sumY = 0;
    for (let n = 0; n < test.count; n++) {
      const mass = centerOfMass(test.images.subarray(n * IMAGE_PIXELS, (n + 1) * IMAGE_PIXELS), OUTPUT_SIZE);
      expect(Math.abs((mass?.x ?? 0) - MASS_CENTER)).toBeLessThanOrEqual(WHOLE_PIXEL_TOLERANCE);
      expect(Math.abs((mass?.y ?? 0) - MASS_CENTER)).toBeLessThanOrEqual(WHOLE_PIXEL_TOLERANCE);
      sumX += mass?.x ?? 0;
      sumY += mass?.y ?? 0;
    }
    expect(sumX / test.count).toBeCloseTo(MASS_CENTER, 1);
    expect(sumY / test.count).toBeCloseTo(MASS_CENTER, 1);
  });

  it('lands a real MNIST digit, enlarged 10x, where MNIST put it', async () => {
    const { test } = await loadMnistFromDisk();
    const factor = 10;
    const big = new Uint8Array(SIDE * SIDE);
    const correlations: number[] = [];
    for (let n = 0; n < 200; n++) {
      const digit = test.images.subarray(n * IMAGE_PIXELS, (n + 1) * IMAGE_PIXELS);
      for (let y = 0; y < SIDE; y++) {
        for (let x = 0; x < SIDE; x++) {
          big[y * SIDE + x] = digit[Math.floor(y / factor) * OUTPUT_SIZE + Math.floor(x / factor)];
        }
      }
      const result = expectMnistLike(preprocessDrawing(big, SIDE, SIDE));
      correlations.push(correlation(result.pixels, digit));
    }
    // Re-preparing an already prepared digit should give back nearly the same image. A few differ more:
    // a centre of mass sitting right on a half pixel can round the other way, a one-pixel shift.
    const nearlySame = correlations.filter((c) => c > 0.99).length / correlations.length;
    expect(nearlySame).toBeGreaterThan(0.9);
    expect(correlations.reduce((s, c) => s + c, 0) / correlations.length).toBeGreaterThan(0.98);
  });
});
