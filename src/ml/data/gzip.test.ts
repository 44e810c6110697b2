import { afterEach, describe, expect, it, vi } from 'vitest';
import { gzipSync } from 'node:zlib';
import { inflateWithStreams, NO_DECOMPRESSION_STREAM } from './gzip';

describe('inflating MNIST', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('inflates gzip bytes with DecompressionStream', async () => {
    const text = new TextEncoder().encode('seven sevens');
    expect(await inflateWithStreams(new Uint8Array(gzipSync(text)))).toEqual(text);
  });

  it('tells a browser without DecompressionStream what it lacks, instead of failing on an unknown name', async () => {
    vi.stubGlobal('DecompressionStream', undefined);
    await expect(inflateWithStreams(new Uint8Array(gzipSync(new Uint8Array([1]))))).rejects.toThrow(NO_DECOMPRESSION_STREAM);
  });
});
