import { describe, expect, it } from 'vitest';
import type { BatchEvent } from '../ml/train/events';
import { batchPoint, describeRuns, epochPoints, epochTicks, logDomain } from './chartPoints';

describe('epochPoints', () => {
  it('puts epoch e (0-based) at x = e + 1 and keeps validation when present', () => {
    const history = [
      { epoch: 0, loss: 2.1, accuracy: 0.3, valLoss: 2.0, valAccuracy: 0.35 },
      { epoch: 1, loss: 1.2, accuracy: 0.6 },
    ];
    expect(epochPoints(history, 'loss')).toEqual([{ x: 1, train: 2.1, val: 2.0 }, { x: 2, train: 1.2 }]);
    expect(epochPoints(history, 'accuracy')[0]).toEqual({ x: 1, train: 0.3, val: 0.35 });
  });
});

describe('batchPoint', () => {
  it('places a batch at its fraction of the epoch, with the running mean', () => {
    const event: BatchEvent = {
      type: 'batch', epoch: 2, batch: 99, batchesPerEpoch: 200, loss: 0.5, accuracy: 0.8,
      epochLoss: 0.42, epochAccuracy: 0.85, examplesSeen: 0, elapsedMs: 0,
    };
    expect(batchPoint(event, 'loss')).toEqual({ x: 2.5, train: 0.42 });
    expect(batchPoint(event, 'accuracy')).toEqual({ x: 2.5, train: 0.85 });
  });
});

describe('logDomain', () => {
  it('spans whole decades around the data', () => {
    expect(logDomain([1523, 0.42, 3])).toEqual({ domain: [0.1, 10000], ticks: [0.1, 1, 10, 100, 1000, 10000] });
  });
  it('widens a single decade and survives no data', () => {
    expect(logDomain([2, 3]).domain).toEqual([1, 10]);
    expect(logDomain([]).domain).toEqual([0.1, 10]);
    expect(logDomain([0, Number.NaN]).domain).toEqual([0.1, 10]);
  });
  it('thins ticks when the data spans many decades', () => {
    const { ticks } = logDomain([1e-4, 1e8]);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks[ticks.length - 1]).toBe(1e8);
  });
});

describe('describeRuns', () => {
  it('says where one run stands', () => {
    expect(describeRuns([{ name: '', color: '#000', points: [{ x: 3, train: 0.5, val: 0.6 }, { x: 3.5, train: 0.42 }] }], 'loss'))
      .toBe('loss after 3.5 epochs: 0.42 training, 0.6 validation');
    expect(describeRuns([{ name: '', color: '#000', points: [{ x: 3.5, train: 0.42 }] }], 'loss'))
      .toBe('loss after 3.5 epochs: 0.42');
  });
  it('names each run of a comparison and shows accuracy as a percent', () => {
    const runs = [
      { name: 'Self-supervised', color: '#000', points: [{ x: 12, train: 0.9, val: 0.81 }] },
      { name: 'Supervised', color: '#000', points: [] },
    ];
    expect(describeRuns(runs, 'accuracy')).toBe('Self-supervised: accuracy after 12 epochs: 90.0% training, 81.0% validation');
  });
  it('says "1 epoch", not "1 epochs"', () => {
    expect(describeRuns([{ name: '', color: '#000', points: [{ x: 1, train: 0.5 }] }], 'accuracy'))
      .toBe('accuracy after 1 epoch: 50.0%');
  });
  it('admits an empty chart', () => {
    expect(describeRuns([], 'loss')).toBe('loss: no data yet');
  });
});

describe('epochTicks', () => {
  it('labels whole epochs with a round step and at most about ten labels', () => {
    expect(epochTicks(50)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    expect(epochTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(epochTicks(3.5)).toEqual([0, 1, 2, 3, 4]);
    expect(epochTicks(0)).toEqual([0, 1]);
    expect(epochTicks(17)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });
});
