import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS, IMAGE_SIZE, type ImageSet } from '../../data/mnist';
import { loadMnistFromDisk } from '../../data/node-assets';
import { taskById } from '../registry';
import { chanceScore } from '../chance';
import { CELL, JITTER, MIN_INK, NEIGHBOURS, PAIR_LEFT, PAIR_TOP, PATCH, ZOOM, buildContextSet } from './context';

/** The first `count` real training images, with their digit labels replaced (a task must not read them). */
let images: ImageSet;
beforeAll(async () => {
  const { train } = await loadMnistFromDisk();
  images = { images: train.images.subarray(0, 1000 * IMAGE_PIXELS), labels: new Uint8Array(1000).fill(255), count: 1000 };
});

/** The 7x7 patch shown enlarged at (PAIR_TOP, left) in an input, read back at its own size. */
function shownPatch(input: Uint8Array, left: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < PATCH; r++) {
    for (let c = 0; c < PATCH; c++) {
      // Every ZOOM x ZOOM block holds one source pixel, repeated.
      const block = [0, 1].flatMap((dr) => [0, 1].map((dc) => input[(PAIR_TOP + r * ZOOM + dr) * IMAGE_SIZE + left + c * ZOOM + dc]));
      expect(new Set(block).size).toBe(1);
      out.push(block[0]);
    }
  }
  return out;
}

/** Every corner (row, column), patches partly outside the image included, where `patch` appears in `src`. */
function placesOf(src: Uint8Array, patch: number[]): [number, number][] {
  const found: [number, number][] = [];
  for (let r0 = -PATCH + 1; r0 < IMAGE_SIZE; r0++) {
    for (let c0 = -PATCH + 1; c0 < IMAGE_SIZE; c0++) {
      let same = true;
      for (let i = 0; i < PATCH * PATCH && same; i++) {
        const [r, c] = [r0 + Math.floor(i / PATCH), c0 + (i % PATCH)];
        const v = r >= 0 && r < IMAGE_SIZE && c >= 0 && c < IMAGE_SIZE ? src[r * IMAGE_SIZE + c] : 0;
        same = v === patch[i];
      }
      if (same) found.push([r0, c0]);
    }
  }
  return found;
}

describe('context prediction', () => {
  it('shows the centre patch and a neighbour cut where the label says, 9 pixels apart give or take the jitter', () => {
    const few: ImageSet = { ...images, images: images.images.subarray(0, 25 * IMAGE_PIXELS), count: 25 };
    const set = buildContextSet(few, 4);
    for (let row = 0; row < set.count; row++) {
      const input = set.images.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS);
      const src = few.images.subarray(Math.floor(row / 4) * IMAGE_PIXELS, (Math.floor(row / 4) + 1) * IMAGE_PIXELS);
      // Nothing outside the two enlarged patches.
      for (let p = 0; p < IMAGE_PIXELS; p++) {
        const r = Math.floor(p / IMAGE_SIZE);
        if (r < PAIR_TOP || r >= PAIR_TOP + PATCH * ZOOM) expect(input[p]).toBe(0);
      }
      const centres = placesOf(src, shownPatch(input, PAIR_LEFT[0]));
      const neighbours = placesOf(src, shownPatch(input, PAIR_LEFT[1]));
      const [dr, dc] = NEIGHBOURS[set.labels[row]];
      // Some placement of the two patches is exactly the label's offset, up to both patches' jitter.
      const fits = centres.some(([cr, cc]) => neighbours.some(([nr, nc]) =>
        Math.abs(nr - cr - dr * CELL) <= 2 * JITTER && Math.abs(nc - cc - dc * CELL) <= 2 * JITTER));
      expect(fits, `row ${row}, label ${set.labels[row]}`).toBe(true);
    }
  });

  it('asks about all eight neighbours equally often, so chance is 1/8, and almost never shows an empty patch', () => {
    const set = buildContextSet(images, 1);
    const counts = new Array<number>(8).fill(0);
    let empty = 0;
    for (let row = 0; row < set.count; row++) {
      counts[set.labels[row]]++;
      for (const left of PAIR_LEFT) {
        let ink = 0;
        for (let r = 0; r < PATCH * ZOOM; r++) {
          for (let c = 0; c < PATCH * ZOOM; c++) if (set.images[row * IMAGE_PIXELS + (PAIR_TOP + r) * IMAGE_SIZE + left + c] > 127) ink++;
        }
        if (ink < MIN_INK * ZOOM * ZOOM) { empty++; break; }
      }
    }
    // 4,000 examples: each label's share within 2 points of 12.5% (its standard error is 0.5 points).
    for (const n of counts) expect(Math.abs(n / set.count - 1 / 8)).toBeLessThan(0.02);
    // Without moving the grid, about a quarter of all pairs had an empty patch; with it, about 1 in 100 (thin
    // 1s asked for a corner, where no cut can find ink).
    expect(empty / set.count).toBeLessThan(0.02);
    expect(chanceScore(taskById('context'), set)).toBe(1 / 8);
  });

  it('pictures the grid it cut from: the pair at full brightness where the input shows it', () => {
    const set = buildContextSet({ ...images, count: 3 }, 2);
    for (let row = 0; row < set.count; row++) {
      const grid = set.targets.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS);
      const input = set.images.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS);
      const src = images.images.subarray(Math.floor(row / 4) * IMAGE_PIXELS, (Math.floor(row / 4) + 1) * IMAGE_PIXELS);
      // Every pixel of the picture is the source pixel, dimmed or not, or black.
      for (let p = 0; p < IMAGE_PIXELS; p++) expect([0, src[p], Math.round(src[p] * 0.3)]).toContain(grid[p]);
      // The two shown patches appear undimmed in the picture.
      expect(placesOf(grid, shownPatch(input, PAIR_LEFT[0])).length).toBeGreaterThan(0);
      expect(placesOf(grid, shownPatch(input, PAIR_LEFT[1])).length).toBeGreaterThan(0);
    }
  });
});
