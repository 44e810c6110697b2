import { describe, expect, it } from 'vitest';
import { DataAssetError, encodeIdx, parseIdx } from './idx';
import { fnv1a32 } from './checksum';

describe('IDX files', () => {
  it('round-trips dimensions and bytes', () => {
    const data = Uint8Array.from({ length: 2 * 3 * 4 }, (_, i) => i);
    const parsed = parseIdx(encodeIdx([2, 3, 4], data), 'x.idx');
    expect(parsed.dims).toEqual([2, 3, 4]);
    expect(Array.from(parsed.data)).toEqual(Array.from(data));
  });

  it('refuses a truncated file and names it', () => {
    const bytes = encodeIdx([10], new Uint8Array(10)).subarray(0, 15);
    expect(() => parseIdx(bytes, 'train-labels.idx')).toThrow(DataAssetError);
    expect(() => parseIdx(bytes, 'train-labels.idx')).toThrow(/train-labels\.idx.*truncated or corrupt.*npm run data/);
  });

  it('refuses a file that is not IDX', () => {
    expect(() => parseIdx(new TextEncoder().encode('<html>404</html>'), 'a.idx')).toThrow(/magic number/);
  });

  it('checksums with the published FNV-1a test vectors', () => {
    expect(fnv1a32(new Uint8Array())).toBe('811c9dc5');
    expect(fnv1a32(new TextEncoder().encode('a'))).toBe('e40c292c');
    expect(fnv1a32(new TextEncoder().encode('foobar'))).toBe('bf9cf968');
  });
});
