import { describe, expect, it } from 'vitest';
import { trainingChartCsv } from './chart-csv';

describe('trainingChartCsv', () => {
  const runs = [{ name: 'pretext model', color: '#000', points: [{ x: 0.5, train: 0.25 }, { x: 1, train: 0.5, val: 0.4 }] }];
  it('writes accuracy in %, with the epoch and both lines', () => {
    expect(trainingChartCsv(runs, 'accuracy')).toEqual({
      header: ['run', 'epoch (fractional within an epoch)', 'training accuracy (%)', 'validation accuracy (%)'],
      rows: [['pretext model', 0.5, 25, null], ['pretext model', 1, 50, 40]],
    });
  });
  it('writes loss as it is, and names another score', () => {
    expect(trainingChartCsv(runs, 'loss').header[2]).toBe('training loss (mean per image)');
    expect(trainingChartCsv(runs, 'loss').rows[1]).toEqual(['pretext model', 1, 0.5, 0.4]);
    expect(trainingChartCsv(runs, 'accuracy', 'pixels within 10%').header[3]).toBe('validation pixels within 10% (%)');
  });
});
