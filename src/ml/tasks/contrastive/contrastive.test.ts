import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS, IMAGE_SIZE, type ImageSet } from '../../data/mnist';
import { loadMnistFromDisk } from '../../data/node-assets';
import { createRng } from '../../train/random';
import { TrainingRun } from '../../train/trainer';
import { evaluate } from '../../eval/evaluate';
import { buildTaskModel } from '../../models/architecture';
import { leakedTensors, toyImageSet, useWasmBackend } from '../../testing/fixtures';
import { chanceScore } from '../chance';
import { contrastiveChance } from '../../objectives/contrastive';
import { DEFAULT_STRENGTH, randomView, type AugmentStrength } from './augment';
import { buildContrastiveSet, partnerRow, sourceOfRow } from './contrastive';
import { contrastiveTask } from './index';

const NONE: AugmentStrength = { maxDegrees: 0, minScale: 1, maxScale: 1, maxShift: 0, strokeChance: 0 };

function row(set: ImageSet, r: number): Uint8Array {
  return set.images.subarray(r * IMAGE_PIXELS, (r + 1) * IMAGE_PIXELS);
}

describe('contrastive views', () => {
  let mnist: Awaited<ReturnType<typeof loadMnistFromDisk>>;
  beforeAll(async () => { mnist = await loadMnistFromDisk(); });

  it('lays out two rounds of pairs: rows 2i and 2i+1, then 2N+2i and 2N+2i+1, come from image i', () => {
    const images = { ...toyImageSet(5, 5, 2), labels: new Uint8Array(5).fill(255) };
    // With every augmentation turned off, a view is its image, so the layout can be read off exactly.
    const set = buildContrastiveSet(images, 3, NONE);
    expect(set.count).toBe(20);
    for (let r = 0; r < set.count; r++) {
      const { image, round } = sourceOfRow(r, 5);
      expect(round).toBe(r < 10 ? 0 : 1);
      expect(image).toBe(Math.floor((r % 10) / 2));
      expect(row(set, r)).toEqual(row(images, image));
      expect(partnerRow(r)).toBe(r % 2 === 0 ? r + 1 : r - 1);
    }
    // The data panel shows a view beside its partner.
    const view = contrastiveTask.describe(buildContrastiveSet(images, 3), 6);
    expect(view.target).toEqual(row(buildContrastiveSet(images, 3), 7));
  });

  it('draws every view within the stated strength, and changes the stroke width about two times in three', () => {
    const rng = createRng(1);
    const strokes = { '-1': 0, '0': 0, '1': 0 };
    for (let i = 0; i < 3000; i++) {
      const v = randomView(rng);
      expect(Math.abs(v.degrees)).toBeLessThanOrEqual(DEFAULT_STRENGTH.maxDegrees);
      expect(v.scale).toBeGreaterThanOrEqual(DEFAULT_STRENGTH.minScale);
      expect(v.scale).toBeLessThanOrEqual(DEFAULT_STRENGTH.maxScale);
      expect(Math.max(Math.abs(v.shiftRow), Math.abs(v.shiftCol))).toBeLessThanOrEqual(DEFAULT_STRENGTH.maxShift);
      strokes[String(v.stroke) as keyof typeof strokes]++;
    }
    for (const n of Object.values(strokes)) expect(n / 3000).toBeCloseTo(1 / 3, 1);
  });

  it('never flips or turns a digit over: ink in the top-left corner stays top-left in every view', () => {
    // An "L" drawn in the top-left quarter: a mirror image would move it right, a half-turn to the bottom.
    const corner = new Uint8Array(IMAGE_PIXELS);
    // Far enough into the corner that the largest allowed turn, zoom-out and shift cannot carry it across.
    for (let r = 2; r <= 8; r++) corner[r * IMAGE_SIZE + 3] = 255;
    for (let c = 3; c <= 7; c++) corner[8 * IMAGE_SIZE + c] = 255;
    const views = buildContrastiveSet({ images: corner, labels: new Uint8Array(1), count: 1 }, 1);
    const many = buildContrastiveSet({ images: new Uint8Array(IMAGE_PIXELS * 250).map((_, p) => corner[p % IMAGE_PIXELS]), labels: new Uint8Array(250), count: 250 }, 2);
    for (const set of [views, many]) {
      for (let r = 0; r < set.count; r++) {
        let ink = 0, rowSum = 0, colSum = 0;
        row(set, r).forEach((p, i) => { ink += p; rowSum += p * Math.floor(i / IMAGE_SIZE); colSum += p * (i % IMAGE_SIZE); });
        expect(ink).toBeGreaterThan(0);
        expect(rowSum / ink).toBeLessThan(13.5);
        expect(colSum / ink).toBeLessThan(13.5);
      }
    }
  });

  it('makes two different views of each real digit, so the task is not copying', () => {
    const set = buildContrastiveSet({ ...mnist.train, count: 50 }, 7);
    // And the two views of a pair really differ (the task is not trivial copying).
    let identical = 0;
    for (let r = 0; r < set.count; r += 2) if (row(set, r).every((p, i) => p === row(set, r + 1)[i])) identical++;
    expect(identical).toBe(0);
  });

  it('counts chance per view among the other views of its evaluation batch, the last batch included', () => {
    expect(contrastiveChance(384, 192)).toBeCloseTo(1 / 191, 12);
    // 40,000 test views: 208 batches of 192 and one of 64.
    expect(contrastiveChance(40_000, 192)).toBeCloseTo((39_936 / 191 + 64 / 63) / 40_000, 12);
    expect(contrastiveChance(2, 192)).toBe(1);
    expect(chanceScore(contrastiveTask, { images: new Uint8Array(0), labels: new Uint8Array(400), count: 400 })).toBeCloseTo(contrastiveChance(400, 192), 12);
  });
});

describe('training contrastive views', () => {
  beforeAll(useWasmBackend);

  it('keeps pairs together: whole, adjacent pairs in every batch, even with shuffling, an odd batch size and a validation split', async () => {
    const set = buildContrastiveSet(toyImageSet(30, 5, 4), 2);
    const model = buildTaskModel(contrastiveTask, 1);
    const sizes: number[] = [];
    let seen = 0;
    // The objective refuses any batch holding a split pair (see nt-xent.test.ts), so finishing is the proof.
    const result = await new TrainingRun(model, set, {
      epochs: 2, batchSize: 13, optimizer: { kind: 'adam', learningRate: 0.001 }, shuffle: true, seed: 3,
      validationSplit: 0.25, patience: null, scaling: 'raw', objective: contrastiveTask.objective, groupSize: 2,
    }, { onBatchEnd: (e) => { sizes.push(e.examplesSeen - seen); seen = e.examplesSeen; } }).run();
    model.dispose();
    expect(result.reason).toBe('completed');
    // The held-out pairs were scored too (a number, a share of views), in whole pairs like the training batches.
    const val = result.history[1].valAccuracy;
    expect(val).toBeTypeOf('number');
    expect(val).toBeGreaterThanOrEqual(0);
    expect(val).toBeLessThanOrEqual(1);
    // 120 views, the last 30 held out -> 90 rounded down to whole pairs = 90; batches of 6 pairs (12 rows).
    expect(sizes.every((n) => n % 2 === 0)).toBe(true);
    expect(sizes.slice(0, 8)).toEqual([12, 12, 12, 12, 12, 12, 12, 6]);
  });

  it('scores the same whatever batch size the caller asks for: the task fixes how many views compete', async () => {
    const set = buildContrastiveSet(toyImageSet(60, 5, 4), 2);
    const model = buildTaskModel(contrastiveTask, 1);
    const small = await evaluate(model, set, { scaling: 'raw', batchSize: 64, objective: contrastiveTask.objective });
    const large = await evaluate(model, set, { scaling: 'raw', batchSize: 192, objective: contrastiveTask.objective });
    model.dispose();
    expect(small).toEqual(large);
  });

  it('learns on a few hundred real digits: the loss falls and unseen test digits find their partners far above chance', async () => {
    const mnist = await loadMnistFromDisk();
    const train = buildContrastiveSet({ ...mnist.train, count: 200 }, 5);
    const test = buildContrastiveSet({ images: mnist.test.images.subarray(0, 96 * IMAGE_PIXELS), labels: mnist.test.labels, count: 96 }, 6);
    const model = buildTaskModel(contrastiveTask, 2);
    const losses: number[] = [];
    let after = { accuracy: 0, loss: 0, count: 0 };
    const leaked = await leakedTensors(async () => {
      await new TrainingRun(model, train, {
        epochs: 3, batchSize: 192, optimizer: { kind: 'adam', learningRate: 0.001 }, shuffle: false, seed: 1,
        validationSplit: 0, patience: null, scaling: 'raw', objective: contrastiveTask.objective, groupSize: 2,
      }, { onBatchEnd: (e) => losses.push(e.loss) }).run();
      after = await evaluate(model, test, { scaling: 'raw', objective: contrastiveTask.objective });
    });
    model.dispose();
    expect(leaked).toBe(0);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(-3))).toBeLessThan(mean(losses.slice(0, 3)) - 0.3);
    const chance = chanceScore(contrastiveTask, test);
    expect(chance).toBeCloseTo(1 / 191, 12);
    console.log(`contrastive test: losses ${losses[0].toFixed(3)} -> ${losses.at(-1)?.toFixed(3)}, partners found ${(100 * after.accuracy).toFixed(1)}% (chance ${(100 * chance).toFixed(2)}%)`);
    expect(after.accuracy).toBeGreaterThan(10 * chance);
  });
});
