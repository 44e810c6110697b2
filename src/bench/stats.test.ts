import { describe, expect, it } from 'vitest';
import { epochRates, gapSummary, percentile, summarize, type BatchSample } from './stats';
import { benchQuery, parseBenchParams, DEFAULT_PARAMS } from './params';

describe('summaries', () => {
  it('takes the median of odd and even counts, with min and max', () => {
    expect(summarize([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(summarize([])).toBeNull();
  });

  it('uses the nearest-rank 95th percentile for frame gaps', () => {
    const gaps = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(gaps, 95)).toBe(95);
    expect(gapSummary([16.7, 16.7, 250])).toEqual({ max: 250, p95: 250, frames: 3 });
    expect(gapSummary([])).toBeNull();
  });
});

describe('epochRates', () => {
  const sample = (epoch: number, batch: number, examplesSeen: number, elapsedMs: number, at: number): BatchSample =>
    ({ epoch, batch, batchesPerEpoch: 2, examplesSeen, elapsedMs, at });

  it('differences the cumulative counters at each epoch end and marks warm-up epochs', () => {
    const samples = [
      sample(0, 0, 192, 200, 1_250), sample(0, 1, 384, 400, 1_500),
      sample(1, 0, 576, 500, 1_620), sample(1, 1, 768, 600, 1_740),
    ];
    const rates = epochRates(samples, 1_000, 1);
    expect(rates).toHaveLength(2);
    expect(rates[0]).toMatchObject({ epoch: 0, warmup: true, images: 384, trainMs: 400, wallMs: 500, imagesPerSecond: 960 });
    expect(rates[1]).toMatchObject({ epoch: 1, warmup: false, images: 384, trainMs: 200, wallMs: 240, imagesPerSecond: 1_920, wallImagesPerSecond: 1_600 });
  });

  it('ignores an epoch that did not finish', () => {
    expect(epochRates([sample(0, 0, 192, 100, 10)], 0, 0)).toEqual([]);
  });
});

describe('bench params', () => {
  it('round-trips through the query string and fills defaults', () => {
    const params = { ...DEFAULT_PARAMS, backend: 'webgl' as const, mode: 'main' as const, images: 1_920, memory: false, task: 'colorization' as const };
    expect(parseBenchParams(`?${benchQuery(params)}`)).toEqual(params);
    expect(parseBenchParams('')).toEqual(DEFAULT_PARAMS);
  });

  it('names the bad parameter', () => {
    expect(() => parseBenchParams('?backend=metal')).toThrow(/backend/);
    expect(() => parseBenchParams('?task=sudoku')).toThrow(/task/);
    expect(() => parseBenchParams('?images=1001')).toThrow(/multiple of 4/);
    expect(() => parseBenchParams('?epochs=0')).toThrow(/epochs/);
  });
});
