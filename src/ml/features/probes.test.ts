import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../data/node-assets';
import { sliceSet, type Mnist } from '../data/mnist';
import { buildDigitClassifier, buildTaskModel } from '../models/architecture';
import { taskById } from '../tasks/registry';
import { leakedTensors, useWasmBackend } from '../testing/fixtures';
import { extractFeatures } from './extract';
import { blockDepths, knnProbe, standardize } from './probes';

let mnist: Mnist;
beforeAll(async () => {
  await useWasmBackend();
  mnist = await loadMnistFromDisk();
});

describe('probes', () => {
  it('end a block after each pool, and after the rotation head\'s conv3', () => {
    const pretext = buildTaskModel(taskById('rotation'), 1);
    const classifier = buildDigitClassifier('random', 1);
    expect(blockDepths(pretext)).toEqual([2, 4, 5]);
    expect(blockDepths(classifier)).toEqual([2, 4]);
    pretext.dispose();
    classifier.dispose();
  });

  it('standardise with the training set\'s statistics and leave constant features at 0', () => {
    const train = { values: Float32Array.from([1, 5, 3, 5]), width: 2 };
    const test = { values: Float32Array.from([2, 7]), width: 2 };
    const [a, b] = standardize(train, test);
    expect(Array.from(a.values)).toEqual([-1, 0, 1, 0]);
    expect(Array.from(b.values)).toEqual([0, 0]);
  });

  it('a 1-nearest-neighbour probe recognises its own training digits', async () => {
    const set = sliceSet(mnist.train, 10_000, 200);
    const trunk = buildDigitClassifier('random', 2);
    const features = await extractFeatures(trunk, set, { scaling: 'raw' });
    trunk.dispose();
    expect(await knnProbe({ features, labels: set.labels }, { features, labels: set.labels }, 1)).toBe(1);
    await expect(knnProbe({ features, labels: set.labels }, { features, labels: set.labels }, 0)).rejects.toThrow(/k must be a whole number from 1 to 200, got 0/);
  });

  it('the kNN vote reads digits far above chance (10%) after each block of a random trunk, and leaves no tensors', async () => {
    const train = sliceSet(mnist.train, 10_000, 600);
    const test = sliceSet(mnist.test, 0, 400);
    const trunk = buildDigitClassifier('random', 3);
    const scores: number[] = [];
    const leaked = await leakedTensors(async () => {
      for (const depth of blockDepths(trunk)) {
        const a = { features: await extractFeatures(trunk, train, { scaling: 'raw', depth }), labels: train.labels };
        const b = { features: await extractFeatures(trunk, test, { scaling: 'raw', depth }), labels: test.labels };
        scores.push(await knnProbe(a, b, 5));
      }
    });
    trunk.dispose();
    expect(leaked).toBe(0);
    for (const s of scores) expect(s).toBeGreaterThan(0.6);
  }, 120_000);
});
