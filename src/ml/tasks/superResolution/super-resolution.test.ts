import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS, IMAGE_SIZE, type ImageSet } from '../../data/mnist';
import { loadMnistFromDisk } from '../../data/node-assets';
import { taskById } from '../registry';
import { chanceScore } from '../chance';
import { CHANGED, buildSuperResolutionSet } from './super-resolution';

let images: ImageSet;
beforeAll(async () => {
  const { train } = await loadMnistFromDisk();
  images = { images: train.images.subarray(0, 300 * IMAGE_PIXELS), labels: new Uint8Array(300).fill(255), count: 300 };
});

/** The block grid of an input: the factor and phase under which every block is flat and the source's mean. */
function blockGridOf(input: Uint8Array, src: Uint8Array, side: number): boolean {
  const factor = IMAGE_SIZE / side;
  for (let py = 0; py < factor; py++) {
    for (let px = 0; px < factor; px++) {
      const sums = new Map<number, number>();
      const values = new Map<number, Set<number>>();
      for (let p = 0; p < IMAGE_PIXELS; p++) {
        const block = Math.floor((Math.floor(p / IMAGE_SIZE) + py) / factor) * 100 + Math.floor(((p % IMAGE_SIZE) + px) / factor);
        sums.set(block, (sums.get(block) ?? 0) + src[p]);
        values.set(block, (values.get(block) ?? new Set()).add(input[p]));
      }
      const fits = [...values].every(([block, seen]) => seen.size === 1 && [...seen][0] === Math.round((sums.get(block) as number) / (factor * factor)));
      if (fits) return true;
    }
  }
  return false;
}

describe('super-resolution', () => {
  it('enlarges a 14x14 or 7x7 block-mean copy back to 28x28, asks for the original, and scores the changed pixels', () => {
    const few: ImageSet = { ...images, count: 40 };
    const set = buildSuperResolutionSet(few, 2);
    const sides = new Set<number>();
    for (let row = 0; row < set.count; row++) {
      const src = few.images.subarray(Math.floor(row / 4) * IMAGE_PIXELS, (Math.floor(row / 4) + 1) * IMAGE_PIXELS);
      const input = set.images.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS);
      const side = set.labels[row];
      sides.add(side);
      expect([7, 14]).toContain(side);
      expect(blockGridOf(input, src, side), `row ${row}`).toBe(true);
      expect(Array.from((set.targets as Uint8Array).subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS))).toEqual(Array.from(src));
      const mask = Array.from((set.masks as Uint8Array).subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS));
      expect(mask).toEqual(Array.from(src).map((v, p) => (Math.abs(v - input[p]) > CHANGED ? 1 : 0)));
    }
    expect([...sides].sort()).toEqual([14, 7]);
  });

  it('counts as chance painting the blurred pixels as paper, which copying the blurry input already beats', () => {
    const set = buildSuperResolutionSet(images, 1);
    const chance = chanceScore(taskById('superResolution'), set);
    // What the score would be if the network just repeated its input: a baseline a trained model should pass.
    let copy = 0;
    let paper = 0;
    for (let row = 0; row < set.count; row++) {
      let [n, sameSide, dark] = [0, 0, 0];
      for (let p = row * IMAGE_PIXELS; p < (row + 1) * IMAGE_PIXELS; p++) {
        if (!(set.masks as Uint8Array)[p]) continue;
        n++;
        const truth = (set.targets as Uint8Array)[p] > 127.5;
        if ((set.images[p] > 127.5) === truth) sameSide++;
        if (!truth) dark++;
      }
      copy += n ? sameSide / n : 0;
      paper += n ? dark / n : 0;
    }
    expect(chance).toBeCloseTo(paper / set.count, 12);
    expect(chance).toBeGreaterThan(0.45);
    expect(chance).toBeLessThan(0.65);
    expect(copy / set.count).toBeGreaterThan(chance + 0.1);
  });
});
