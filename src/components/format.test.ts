import { describe, expect, it } from 'vitest';
import {
  NO_VALUE, formatDuration, formatEpochs, formatEta, formatLoss, formatPercent, formatShape, formatThousands,
} from './format';

describe('formatPercent', () => {
  it('rounds to whole percent by default and to the asked digits', () => {
    expect(formatPercent(0.931)).toBe('93%');
    expect(formatPercent(0.8067, 2)).toBe('80.67%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
  });
  it('shows a dash for numbers that are not numbers', () => {
    expect(formatPercent(Number.NaN)).toBe(NO_VALUE);
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe(NO_VALUE);
  });
});

describe('formatThousands', () => {
  it("prints the downstream model's totals as Keras does", () => {
    expect(formatThousands(21994)).toBe('21,994');
    expect(formatThousands(2890)).toBe('2,890');
    expect(formatThousands(19104)).toBe('19,104');
    expect(formatThousands(0)).toBe('0');
    expect(formatThousands(1234567)).toBe('1,234,567');
  });
});

describe('formatDuration', () => {
  it('spells out hours, minutes and seconds, dropping zero parts', () => {
    expect(formatDuration(130)).toBe('2 min 10 s');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(3725)).toBe('1 h 2 min 5 s');
    expect(formatDuration(0.4)).toBe('0 s');
  });
  it('refuses negative and non-finite durations', () => {
    expect(formatDuration(-1)).toBe(NO_VALUE);
    expect(formatDuration(Number.NaN)).toBe(NO_VALUE);
  });
});

describe('formatEta', () => {
  it('reads as an estimate, rounded coarser as it grows', () => {
    expect(formatEta(130)).toBe('about 2 min 10 s left');
    expect(formatEta(134)).toBe('about 2 min 10 s left');
    expect(formatEta(42.4)).toBe('about 42 s left');
    expect(formatEta(59.6)).toBe('about 1 min left');
    expect(formatEta(754)).toBe('about 13 min left');
    expect(formatEta(3725)).toBe('about 1 h left');
    expect(formatEta(0.2)).toBe('almost done');
  });
  it('refuses nonsense', () => {
    expect(formatEta(Number.NaN)).toBe(NO_VALUE);
    expect(formatEta(-5)).toBe(NO_VALUE);
  });
});

describe('formatShape', () => {
  it('writes the batch dimension as None', () => {
    expect(formatShape([null, 14, 14, 64])).toBe('(None, 14, 14, 64)');
    expect(formatShape([null, 288])).toBe('(None, 288)');
  });
});

describe('formatLoss', () => {
  it('keeps three significant figures and switches to exponents for huge raw-pixel losses', () => {
    expect(formatLoss(0.42134)).toBe('0.421');
    expect(formatLoss(2.302585)).toBe('2.3');
    expect(formatLoss(1523.7)).toBe('1.52e+3');
    expect(formatLoss(0)).toBe('0');
    expect(formatLoss(Number.NaN)).toBe(NO_VALUE);
  });
});

describe('formatEpochs', () => {
  it('prints whole epochs plainly and fractional ones to a tenth', () => {
    expect(formatEpochs(3)).toBe('3');
    expect(formatEpochs(3.456)).toBe('3.5');
  });
});
