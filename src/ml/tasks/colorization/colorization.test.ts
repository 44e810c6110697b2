import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '#tf';
import { IMAGE_PIXELS, type ImageSet } from '../../data/mnist';
import { loadMnistFromDisk } from '../../data/node-assets';
import { useWasmBackend } from '../../testing/fixtures';
import { pixelClassification } from '../../objectives/classifyPixels/tensors';
import { range } from '../../train/batches';
import { taskById } from '../registry';
import { chanceScore } from '../chance';
import { COLOR_CLASSES, INK_LEVEL, INK_LUMA, PALETTE, buildColorizationSet, coloredPicture, inkOf } from './colorization';

let images: ImageSet;
beforeAll(async () => {
  await useWasmBackend();
  const { train } = await loadMnistFromDisk();
  images = { images: train.images.subarray(0, 500 * IMAGE_PIXELS), labels: new Uint8Array(500).fill(255), count: 500 };
});

describe('colorization', () => {
  it('uses inks that a grey picture can tell apart: their brightness differs by at least 0.15', () => {
    const sorted = [...INK_LUMA].sort((a, b) => b - a);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1] - sorted[i]).toBeGreaterThan(0.15);
    expect(COLOR_CLASSES).toBe(PALETTE.length + 1);
  });

  it('shows the grey of one ink per example and asks for that ink on every ink pixel, paper elsewhere', () => {
    const few: ImageSet = { ...images, count: 60 };
    const set = buildColorizationSet(few, 3);
    const used = new Set<number>();
    for (let row = 0; row < set.count; row++) {
      const src = Math.floor(row / 4) * IMAGE_PIXELS;
      const ink = inkOf(set, row) as number;
      used.add(ink);
      const source = Array.from(images.images.subarray(src, src + IMAGE_PIXELS));
      const slice = (a: Uint8Array | undefined) => Array.from((a as Uint8Array).subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS));
      expect(slice(set.images)).toEqual(source.map((v) => Math.round(v * INK_LUMA[ink])));
      expect(slice(set.targets)).toEqual(source.map((v) => (v > INK_LEVEL ? ink + 1 : 0)));
      expect(slice(set.masks)).toEqual(source.map((v) => (v > INK_LEVEL ? 1 : 0)));
      // The panel's coloured picture: the ink's own colour where the stroke is solid, black paper.
      const rgb = coloredPicture(set, row);
      const solid = Array.from(images.images.subarray(src, src + IMAGE_PIXELS)).indexOf(255);
      if (solid >= 0) expect(Array.from(rgb.subarray(solid * 3, solid * 3 + 3))).toEqual([...PALETTE[ink].rgb]);
      const paper = Array.from(images.images.subarray(src, src + IMAGE_PIXELS)).indexOf(0);
      expect(Array.from(rgb.subarray(paper * 3, paper * 3 + 3))).toEqual([0, 0, 0]);
    }
    expect(used.size).toBe(PALETTE.length);
  });

  it('counts as chance the most common ink, and scores a constant guess exactly that', async () => {
    const set = buildColorizationSet({ ...images, count: 150 }, 5);
    const rowsPerInk = new Array<number>(PALETTE.length).fill(0);
    for (let row = 0; row < set.count; row++) rowsPerInk[inkOf(set, row) as number]++;
    const chance = chanceScore(taskById('colorization'), set);
    expect(chance).toBeCloseTo(Math.max(...rowsPerInk) / set.count, 12);
    expect(chance).toBeGreaterThan(0.25);
    expect(chance).toBeLessThan(0.3);
    // The objective agrees: saying the most common ink everywhere scores chance; saying the truth scores 1;
    // saying paper everywhere scores 0, since only ink pixels count.
    const objective = pixelClassification({ kind: 'classifyPixels', classes: COLOR_CLASSES, outsideWeight: 0.1 });
    const best = rowsPerInk.indexOf(Math.max(...rowsPerInk)) + 1;
    const rows = range(0, set.count);
    const targets = objective.targets(set, rows);
    const constant = (cls: number) => tf.tidy(() => tf.mul(tf.oneHot(tf.fill([set.count * IMAGE_PIXELS], cls, 'int32'), COLOR_CLASSES), 5).reshape([set.count, 28, 28, COLOR_CLASSES]));
    const truth = tf.tidy(() => tf.mul(tf.oneHot(tf.tensor1d(set.targets as Uint8Array, 'int32'), COLOR_CLASSES), 5).reshape([set.count, 28, 28, COLOR_CLASSES]));
    const score = async (output: tf.Tensor) => {
      const sum = objective.scoreSum(targets, output);
      const value = (await sum.data())[0] / set.count;
      tf.dispose([sum, output]);
      return value;
    };
    const truthLoss = objective.meanLoss(targets, truth);
    const guessLoss = objective.meanLoss(targets, constant(best));
    expect((await truthLoss.data())[0]).toBeLessThan((await guessLoss.data())[0]);
    tf.dispose([truthLoss, guessLoss]);
    expect(await score(constant(best))).toBeCloseTo(chance, 5);
    expect(await score(constant(0))).toBe(0);
    expect(await score(truth)).toBeCloseTo(1, 6);
    targets.dispose();
  });
});
