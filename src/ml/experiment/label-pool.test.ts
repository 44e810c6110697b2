import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../data/node-assets';
import { makeSplits, LECTURE_SPLITS } from '../data/splits';
import type { Mnist } from '../data/mnist';
import { presetConfig } from '../config/presets';
import { CURVE_TRUNKS, checkCurveRequest } from './curve';
import { gatherRows, isBalanced, labelPoolSize, labelRows } from './label-pool';

let mnist: Mnist;
beforeAll(async () => {
  mnist = await loadMnistFromDisk();
});

describe('the labelled pool of the curve', () => {
  it('is training images 10,000-19,999: after every preset\'s pretext images, apart from the test file', () => {
    expect(labelPoolSize(mnist.train.count)).toBe(10_000);
    for (const n of [10, 100, 101, 1000, 9000, 10_000]) {
      const rows = labelRows(mnist, n, 1);
      expect(rows).toHaveLength(n);
      expect(new Set(rows).size).toBe(n);
      expect(Math.min(...rows)).toBeGreaterThanOrEqual(10_000);
      expect(Math.max(...rows)).toBeLessThan(20_000);
    }
    for (const preset of ['lecture', 'quick', 'smoke'] as const) expect(presetConfig(preset).splits.pretextCount).toBeLessThanOrEqual(10_000);
  });

  it('draws up to 100 labels balanced, differently per seed, in rounds of one digit each', () => {
    for (const n of [10, 20, 50, 100]) {
      expect(isBalanced(n)).toBe(true);
      const labels = gatherRows(mnist.train, labelRows(mnist, n, 3)).labels;
      const counts = Array.from({ length: 10 }, (_, d) => labels.filter((l) => l === d).length);
      expect(counts).toEqual(Array(10).fill(n / 10));
      // Every round of ten holds each digit once, so the first 4/5 (the lecture's training part) is balanced too.
      expect(new Set(labels.subarray(0, 10)).size).toBe(10);
    }
    expect(labelRows(mnist, 20, 1)).not.toEqual(labelRows(mnist, 20, 2));
    expect(labelRows(mnist, 20, 1)).toEqual(labelRows(mnist, 20, 1));
  });

  it('takes larger counts in order, so 1,000 labels are the lecture\'s labelled set and sets are nested', () => {
    expect(isBalanced(101)).toBe(false);
    const lecture = makeSplits(mnist, { ...LECTURE_SPLITS, testSet: 'full' }).labelled;
    const thousand = gatherRows(mnist.train, labelRows(mnist, 1000, 5));
    expect(thousand.labels).toEqual(lecture.labels);
    // (Compared as bytes: vitest's deep equality walks 784,000 elements one by one, slowly.)
    expect(Buffer.from(thousand.images).equals(Buffer.from(lecture.images))).toBe(true);
    expect(labelRows(mnist, 3000, 1).subarray(0, 1000)).toEqual(labelRows(mnist, 1000, 2));
  });

  it('refuses counts the pool cannot give, unknown trunks and empty lists, naming what is allowed', () => {
    const request = { config: presetConfig('smoke'), trunks: ['random'] as const, labels: [10], seeds: [1], validation: 'none' as const };
    expect(() => checkCurveRequest(request, mnist.train.count)).not.toThrow();
    expect(() => labelRows(mnist, 15, 1)).toThrow('labels must be 10-100 in steps of 10 (balanced per digit), or 101-10000 (the pool\'s first N), got 15');
    expect(() => checkCurveRequest({ ...request, labels: [10_001] }, mnist.train.count)).toThrow(/or 101-10000 .*got 10001/);
    expect(() => checkCurveRequest({ ...request, labels: [] }, mnist.train.count)).toThrow('labels must list at least one label count');
    expect(() => checkCurveRequest({ ...request, trunks: ['imagenet' as 'random'] }, mnist.train.count))
      .toThrow(`trunks must be among ${CURVE_TRUNKS.join(', ')}, got "imagenet"`);
    expect(() => checkCurveRequest({ ...request, seeds: [] }, mnist.train.count)).toThrow('seeds must list at least one seed');
  });
});
