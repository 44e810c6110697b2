/**
 * The benchmark's arithmetic: per-epoch training rates from the engine's batch events, and summaries
 * (median, min, max; max and 95th percentile of frame gaps). DOM-free so it is unit-tested in Node.
 */
import type { EpochRate, GapSummary, RateSummary } from './types';

/** What the page keeps of one `batch` event: the trainer's cumulative counters and when the page got it. */
export interface BatchSample {
  readonly epoch: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  /** Examples trained since the run started (cumulative). */
  readonly examplesSeen: number;
  /** Trainer's milliseconds inside training steps since the run started (cumulative). */
  readonly elapsedMs: number;
  /** performance.now() on the page when the event arrived. */
  readonly at: number;
}

/** Median, min and max; null for no values. */
export function summarize(values: readonly number[]): RateSummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** The nearest-rank percentile (p in 0-100) of the values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Max and 95th percentile of frame gaps; null when there were none. */
export function gapSummary(gaps: readonly number[]): GapSummary | null {
  if (gaps.length === 0) return null;
  return { max: Math.max(...gaps), p95: percentile(gaps, 95), frames: gaps.length };
}

/**
 * One rate per completed epoch, from the last batch event of each epoch. Because the trainer's counters
 * are cumulative, an epoch's images and time are differences between consecutive epoch ends. `startedAt`
 * is when the page sent the train command (the wall-clock start of epoch 0).
 */
export function epochRates(samples: readonly BatchSample[], startedAt: number, warmupEpochs: number): EpochRate[] {
  const ends = samples
    .filter((s) => s.batch === s.batchesPerEpoch - 1)
    .sort((a, b) => a.epoch - b.epoch);
  const rates: EpochRate[] = [];
  let previous = { examplesSeen: 0, elapsedMs: 0, at: startedAt };
  for (const end of ends) {
    const images = end.examplesSeen - previous.examplesSeen;
    const trainMs = end.elapsedMs - previous.elapsedMs;
    const wallMs = end.at - previous.at;
    rates.push({
      epoch: end.epoch,
      warmup: end.epoch < warmupEpochs,
      images,
      trainMs,
      imagesPerSecond: trainMs > 0 ? (images * 1000) / trainMs : Number.NaN,
      wallMs,
      wallImagesPerSecond: wallMs > 0 ? (images * 1000) / wallMs : Number.NaN,
    });
    previous = end;
  }
  return rates;
}
