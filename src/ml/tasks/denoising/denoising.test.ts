import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS, type ImageSet } from '../../data/mnist';
import { loadMnistFromDisk } from '../../data/node-assets';
import { taskById } from '../registry';
import { chanceScore } from '../chance';
import { createRng } from '../../train/random';
import { addNoise, buildDenoisingSet, INK_LIMIT, NOISE_NAMES, SALT_AND_PEPPER } from './denoising';

let images: ImageSet;
beforeAll(async () => {
  const { train } = await loadMnistFromDisk();
  images = { images: train.images.subarray(0, 200 * IMAGE_PIXELS), labels: new Uint8Array(200).fill(255), count: 200 };
});

const rowOf = (pixels: Uint8Array, row: number) => Array.from(pixels.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS));

describe('denoising', () => {
  it('asks for the clean digit from a noisy copy, marks the pixels the noise flipped, and uses every kind of noise', () => {
    const few: ImageSet = { ...images, count: 30 };
    const set = buildDenoisingSet(few, 2);
    expect(set.count).toBe(120);
    const kinds = new Set<number>();
    for (let row = 0; row < set.count; row++) {
      const src = rowOf(few.images, Math.floor(row / 4));
      const input = rowOf(set.images, row);
      kinds.add(set.labels[row]);
      expect(rowOf(set.targets as Uint8Array, row)).toEqual(src);
      const mask = rowOf(set.masks as Uint8Array, row);
      expect(mask).toEqual(src.map((v, p) => ((v > INK_LIMIT) !== (input[p] > INK_LIMIT) ? 1 : 0)));
      // Every row has something to restore, or its score would be 0 however good the network.
      expect(mask.some((m) => m === 1), `row ${row}`).toBe(true);
      expect(input).not.toEqual(src);
    }
    expect([...kinds].sort()).toEqual(NOISE_NAMES.map((_, k) => k));
  });

  it('sets about the level\'s share of pixels to pure white or black with salt and pepper, half each', () => {
    const src = new Uint8Array(IMAGE_PIXELS * 50).fill(100);
    const dst = new Uint8Array(src.length);
    addNoise(src, dst, { kind: 1, level: 1 }, createRng(3));
    const white = dst.filter((v) => v === 255).length / dst.length;
    const black = dst.filter((v) => v === 0).length / dst.length;
    expect(white + black).toBeCloseTo(SALT_AND_PEPPER.max, 2);
    expect(Math.abs(white - black)).toBeLessThan(0.01);
    expect(dst.filter((v) => v !== 0 && v !== 255 && v !== 100)).toHaveLength(0);
  });

  it('counts as chance painting the flipped pixels as paper; copying the noisy input gets none of them right', () => {
    const set = buildDenoisingSet(images, 1);
    const chance = chanceScore(taskById('denoising'), set);
    let paper = 0;
    let copy = 0;
    for (let row = 0; row < set.count; row++) {
      let [n, dark, same] = [0, 0, 0];
      for (let p = row * IMAGE_PIXELS; p < (row + 1) * IMAGE_PIXELS; p++) {
        if (!(set.masks as Uint8Array)[p]) continue;
        n++;
        if (!((set.targets as Uint8Array)[p] > INK_LIMIT)) dark++;
        if ((set.images[p] > INK_LIMIT) === ((set.targets as Uint8Array)[p] > INK_LIMIT)) same++;
      }
      paper += dark / n;
      copy += same / n;
    }
    expect(chance).toBeCloseTo(paper / set.count, 12);
    expect(copy).toBe(0);
    // Most flipped pixels are salt on the paper, which covers four fifths of a digit's picture.
    expect(chance).toBeGreaterThan(0.5);
    expect(chance).toBeLessThan(1);
  });

  it('makes the same set from the same seed and another from another', () => {
    const few: ImageSet = { ...images, count: 10 };
    expect(Array.from(buildDenoisingSet(few, 4).images)).toEqual(Array.from(buildDenoisingSet(few, 4).images));
    expect(Array.from(buildDenoisingSet(few, 4).images)).not.toEqual(Array.from(buildDenoisingSet(few, 5).images));
  });
});
