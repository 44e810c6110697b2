import { describe, expect, it } from 'vitest';
import {
  argmaxRows, cell, cellMembers, confusionFromProbabilities, confusionMatrix, matrixAccuracy, rotationConfusionByDigit, rowTotal, topConfusions,
} from './confusion';

describe('confusion matrices', () => {
  it('counts each (truth, prediction) pair in its row and column', () => {
    const m = confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3);
    expect(Array.from(m.counts)).toEqual([1, 1, 0, 0, 1, 0, 1, 0, 2]);
    expect(m.total).toBe(6);
    expect(rowTotal(m, 2)).toBe(3);
    expect(matrixAccuracy(m)).toBeCloseTo(4 / 6);
  });

  it('reads predictions from probabilities, first class on ties', () => {
    expect(Array.from(argmaxRows([0.1, 0.7, 0.2, 0.5, 0.5, 0], 3))).toEqual([1, 0]);
    const m = confusionFromProbabilities(new Float32Array([0.9, 0.1, 0.2, 0.8, 0.6, 0.4]), new Uint8Array([0, 0, 1]), 2);
    expect(cell(m, 0, 0)).toBe(1);
    expect(cell(m, 0, 1)).toBe(1);
    expect(cell(m, 1, 0)).toBe(1);
  });

  it('lists the examples behind a cell and the most frequent mistakes', () => {
    const truth = [4, 4, 4, 9, 7, 4];
    const predicted = [9, 4, 9, 4, 1, 9];
    expect(cellMembers(truth, predicted, 4, 9)).toEqual([0, 2, 5]);
    const top = topConfusions(confusionMatrix(truth, predicted, 10), 2);
    expect(top).toEqual([{ truth: 4, predicted: 9, count: 3 }, { truth: 7, predicted: 1, count: 1 }]);
  });

  it('refuses classes out of range and lists of different lengths', () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(RangeError);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(RangeError);
  });

  it('splits rotation predictions by digit: an upside-down 6 read as upright lands in its 180 -> 0 cell', () => {
    // Image 0 is a 6 whose half-turn is taken for upright; image 1 is a 1 read perfectly.
    const predicted = [0, 1, 0, 3, 0, 1, 2, 3];
    const byDigit = rotationConfusionByDigit(predicted, [6, 1]);
    expect(byDigit).toHaveLength(10);
    expect(cell(byDigit[6], 2, 0)).toBe(1);
    expect(matrixAccuracy(byDigit[6])).toBe(0.75);
    expect(matrixAccuracy(byDigit[1])).toBe(1);
    expect(byDigit[3].total).toBe(0);
    expect(() => rotationConfusionByDigit([0, 1], [6])).toThrow(RangeError);
  });
});
