import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../data/node-assets';
import { sliceSet, type Mnist } from '../data/mnist';
import { buildDigitClassifier, buildTaskModel } from '../models/architecture';
import { taskById } from '../tasks/registry';
import { leakedTensors, useWasmBackend } from '../testing/fixtures';
import { blockName, probeTrunk, type ProbeRow } from './probe-trunk';

let mnist: Mnist;
beforeAll(async () => {
  await useWasmBackend();
  mnist = await loadMnistFromDisk();
});

describe('probing a trunk block by block', () => {
  it('reads each block of a pretext model (conv3 included) with both probes, leaving no tensor behind', async () => {
    const model = buildTaskModel(taskById('rotation'), 1);
    const train = sliceSet(mnist.train, 10_000, 200);
    const test = sliceSet(mnist.test, 0, 100);
    const seen: ProbeRow[] = [];
    let rows: ProbeRow[] = [];
    expect(await leakedTensors(async () => { rows = await probeTrunk(model, train, test, { scaling: 'raw', seed: 1 }, (r) => seen.push(r)); })).toBe(0);
    expect(rows.map((r) => [r.depth, r.block, r.width])).toEqual([[2, 'conv1 + pool', 7 * 7 * 64], [4, 'conv2 + pool', 3 * 3 * 32], [5, 'conv3', 2 * 2 * 16]]);
    expect(seen).toEqual(rows);
    for (const r of rows) {
      // Even random convolutions carry the digit well above chance (10%) on 200 training digits .
      expect(r.linear).toBeGreaterThan(0.3);
      expect(r.knn).toBeGreaterThan(0.3);
      expect(r.linear).toBeLessThanOrEqual(1);
    }
    // Seeded: the same probe gives the same numbers.
    expect(await probeTrunk(model, train, test, { scaling: 'raw', seed: 1 })).toEqual(rows);
    model.dispose();
  }, 60_000);

  it('stops at conv2 + pool for a digit classifier, which has no conv3', async () => {
    const model = buildDigitClassifier('random', 2);
    const rows = await probeTrunk(model, sliceSet(mnist.train, 10_000, 50), sliceSet(mnist.test, 0, 20), { scaling: 'raw', seed: 2 });
    expect(rows.map((r) => r.block)).toEqual(['conv1 + pool', 'conv2 + pool']);
    expect(blockName(5)).toBe('conv3');
    model.dispose();
  }, 30_000);
});
