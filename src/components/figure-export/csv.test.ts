import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it('writes numbers in full, with a dot and no separators', () => {
    expect(csvCell(0.123456789)).toBe('0.123456789');
    expect(csvCell(12345)).toBe('12345');
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(0.9123 * 100)).toBe('91.23');
  });
  it('leaves missing and non-finite values empty', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
  });
  it('quotes text with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('1,000 labels')).toBe('"1,000 labels"');
    expect(csvCell('the "random" trunk')).toBe('"the ""random"" trunk"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
  it('keeps text that starts like a formula from running as one, but not signed numbers', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('+1.2 ± 0.3')).toBe('+1.2 ± 0.3');
    expect(csvCell('-0.4')).toBe('-0.4');
  });
});

describe('toCsv', () => {
  it('writes the header, then the rows, each line ended by CRLF, short rows padded', () => {
    const csv = toCsv({ header: ['epoch', 'loss (cross-entropy)', 'accuracy (%)'], rows: [[1, 0.5, 80], [2, 0.25]] });
    expect(csv).toBe('epoch,loss (cross-entropy),accuracy (%)\r\n1,0.5,80\r\n2,0.25,\r\n');
  });
});
