import { describe, expect, it } from 'vitest';
import { tilesCsv } from './tile-csv';

describe('tilesCsv', () => {
  it('writes one row per tile, its values in reading order under named columns', () => {
    const csv = tilesCsv([1, 2, 3, 4, 5, 6, 7, 8], 2, 'filter', 'weight');
    expect(csv.header).toEqual(['filter', 'row 1 column 1 (weight)', 'row 1 column 2 (weight)', 'row 2 column 1 (weight)', 'row 2 column 2 (weight)']);
    expect(csv.rows).toEqual([[1, 1, 2, 3, 4], [2, 5, 6, 7, 8]]);
  });
});
