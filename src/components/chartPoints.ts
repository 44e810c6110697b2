/**
 * The data side of TrainingChart, kept pure: converting the trainer's events into chart points, choosing a
 * log-scale domain, and the sentence a screen reader hears. Tested in Node; the chart itself only draws.
 */
import type { BatchEvent, EpochRecord } from '../ml/train/events';
import { formatEpochs, formatLoss, formatPercent } from './format';

/** Which quantity a chart shows: loss (lower is better, unbounded) or accuracy (a fraction in [0, 1]). */
export type ChartMetric = 'loss' | 'accuracy';

/**
 * One point of a training curve. `x` is in epochs and may be fractional: 2.5 is halfway through the third
 * epoch, so batch-level points and epoch-end points share one axis. `val` is usually only present at epoch
 * ends (Keras validates once per epoch).
 */
export interface ChartPoint {
  readonly x: number;
  readonly train?: number;
  readonly val?: number;
}

/** One named run drawn in its own colour (train solid, validation dashed). */
export interface ChartRun {
  readonly name: string;
  readonly color: string;
  readonly points: readonly ChartPoint[];
}

/** A vertical line at an epoch with a short label, e.g. where early stopping ended a run. */
export interface ChartMarker {
  readonly x: number;
  readonly label: string;
}

/**
 * Epoch-end points from a training history. Epoch e (0-based, as the trainer counts) ends at x = e + 1, so
 * the first point sits at "1 epoch" on the axis, where Keras would print "Epoch 1/50".
 */
export function epochPoints(history: readonly EpochRecord[], metric: ChartMetric): ChartPoint[] {
  return history.map((r) => {
    const val = metric === 'loss' ? r.valLoss : r.valAccuracy;
    const point: ChartPoint = { x: r.epoch + 1, train: metric === 'loss' ? r.loss : r.accuracy };
    return val === undefined ? point : { ...point, val };
  });
}

/**
 * A live point from a batch event: the running mean of the epoch so far (what Keras's progress bar shows) at
 * the fraction of the epoch done, so the curve grows smoothly between epoch ends.
 */
export function batchPoint(event: BatchEvent, metric: ChartMetric): ChartPoint {
  return {
    x: event.epoch + (event.batch + 1) / event.batchesPerEpoch,
    train: metric === 'loss' ? event.epochLoss : event.epochAccuracy,
  };
}

/** Values a chart can draw: finite, and positive on a log axis (log 0 is minus infinity). */
export function drawable(value: number | undefined, logScale: boolean): value is number {
  return value !== undefined && Number.isFinite(value) && (!logScale || value > 0);
}

/**
 * A log axis spanning whole decades around the data, with a tick per decade. Whole decades because
 * "the loss fell from 1,000 to 1" is the story of raw-pixel training, and 10^k ticks tell it at a glance.
 */
export function logDomain(values: readonly number[]): { domain: [number, number]; ticks: number[] } {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  if (positive.length === 0) return { domain: [0.1, 10], ticks: [0.1, 1, 10] };
  let lo = Math.floor(Math.log10(Math.min(...positive)));
  let hi = Math.ceil(Math.log10(Math.max(...positive)));
  if (hi === lo) hi += 1;
  // Too many decades make unreadable tick labels; thin them to at most about six.
  const stride = Math.max(1, Math.ceil((hi - lo) / 6));
  lo = hi - Math.ceil((hi - lo) / stride) * stride;
  const ticks: number[] = [];
  for (let k = lo; k <= hi; k += stride) ticks.push(10 ** k);
  return { domain: [10 ** lo, 10 ** hi], ticks };
}

/**
 * Whole-epoch ticks from 0 with a round step (1, 2, 5, 10, 20, 25, 50, ...) giving at most ~10 labels, up to
 * the first multiple of the step at or beyond max. A 50-epoch axis reads 0, 5, ..., 50 rather than recharts'
 * default 0, 15, 30, 45, 50; and a live axis grows a whole step at a time instead of on every batch.
 */
export function epochTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  const step = steps.find((s) => top / s <= 10) ?? Math.ceil(top / 10);
  const ticks: number[] = [];
  for (let t = 0; t < top + step; t += step) ticks.push(t);
  return ticks;
}

/** A value of the metric for display: accuracy as a percent with one decimal, loss to three figures. */
export function formatMetric(value: number, metric: ChartMetric): string {
  return metric === 'accuracy' ? formatPercent(value, 1) : formatLoss(value);
}

/** The last drawable value of one series, with its x, or null when the series is empty. */
export function lastValue(points: readonly ChartPoint[], key: 'train' | 'val'): { x: number; value: number } | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const v = points[i][key];
    if (drawable(v, false)) return { x: points[i].x, value: v };
  }
  return null;
}

function describeOne(points: readonly ChartPoint[], metric: ChartMetric): string | null {
  const train = lastValue(points, 'train');
  const val = lastValue(points, 'val');
  const latest = train ?? val;
  if (latest === null) return null;
  const values: string[] = [];
  if (train) values.push(`${formatMetric(train.value, metric)}${val ? ' training' : ''}`);
  if (val) values.push(`${formatMetric(val.value, metric)} validation`);
  const x = Math.max(train?.x ?? 0, val?.x ?? 0);
  return `${metric} after ${formatEpochs(x)} ${x === 1 ? 'epoch' : 'epochs'}: ${values.join(', ')}`;
}

/**
 * The chart as one sentence, for its aria-label: "loss after 3.5 epochs: 0.42" for one run, each run by name
 * for a comparison. A blind student hears where training stands, not a list of hundreds of points.
 */
export function describeRuns(runs: readonly ChartRun[], metric: ChartMetric): string {
  const parts: string[] = [];
  for (const run of runs) {
    const text = describeOne(run.points, metric);
    if (text !== null) parts.push(run.name === '' ? text : `${run.name}: ${text}`);
  }
  return parts.length === 0 ? `${metric}: no data yet` : parts.join('; ');
}

/** One drawable line: a run's training or validation values, cleaned for the axis it goes on. */
export interface Series {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly dashed: boolean;
  readonly data: { x: number; y: number }[];
  readonly latest: number | null;
}

/** Splits runs into drawable series, one per run and per train/val, dropping NaN (and non-positive on a log axis). */
export function toSeries(runs: readonly ChartRun[], logScale: boolean): Series[] {
  const out: Series[] = [];
  runs.forEach((run, r) => {
    for (const key of ['train', 'val'] as const) {
      const data: { x: number; y: number }[] = [];
      for (const p of run.points) {
        const v = p[key];
        if (drawable(v, logScale)) data.push({ x: p.x, y: v });
      }
      if (data.length === 0) continue;
      const what = key === 'train' ? 'training' : 'validation';
      out.push({
        id: `${r}-${key}`,
        label: run.name === '' ? what : `${run.name} · ${what}`,
        color: run.color,
        dashed: key === 'val',
        data,
        latest: lastValue(run.points, key)?.value ?? null,
      });
    }
  });
  return out;
}
