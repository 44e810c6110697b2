/**
 * The arithmetic on first-layer filters that needs no tfjs: reordering a kernel, how far each filter moved,
 * and the verdict in words. Page-safe (no tfjs), so the filters tab can measure what the worker sent it
 * without pulling TensorFlow.js into the page's first load; filters.ts holds the parts that read models.
 */

/** A first-layer kernel as plain numbers, one filter after another (filter f's 3x3 weights at f*9 .. f*9+8). */
export interface FilterBank {
  readonly filters: number;
  /** Side of each square filter (3). */
  readonly size: number;
  /** filters x size x size, filter-major, each filter row-major. */
  readonly weights: Float32Array;
}

/**
 * Reorders a conv kernel from tfjs's layout ([height, width, inChannels=1, filters], filters fastest) to one
 * filter after another, so a filter's nine weights sit together for drawing and measuring.
 */
export function filterMajor(kernel: ArrayLike<number>, shape: readonly number[]): FilterBank {
  const [h, w, inChannels, filters] = shape;
  if (inChannels !== 1 || h !== w) throw new RangeError(`expected a square single-channel kernel, got [${shape.join(', ')}]`);
  const weights = new Float32Array(filters * h * w);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) for (let f = 0; f < filters; f++) weights[f * h * w + y * w + x] = kernel[(y * w + x) * filters + f];
  }
  return { filters, size: h, weights };
}

/** How far each filter moved: ||after - before|| / ||before||, one number per filter (0 = untouched). */
export function filterChanges(before: FilterBank, after: FilterBank): Float32Array {
  if (before.weights.length !== after.weights.length) throw new RangeError('the two filter banks differ in size');
  const n = before.size * before.size;
  const out = new Float32Array(before.filters);
  for (let f = 0; f < before.filters; f++) {
    let diff = 0;
    let norm = 0;
    for (let i = f * n; i < (f + 1) * n; i++) {
      const d = after.weights[i] - before.weights[i];
      diff += d * d;
      norm += before.weights[i] * before.weights[i];
    }
    out[f] = norm > 0 ? Math.sqrt(diff / norm) : Math.sqrt(diff);
  }
  return out;
}

/** How much a bank of filters moved, in the words the lesson uses. */
export type ChangeVerdict = 'untouched' | 'barely' | 'some' | 'much';

/** The median of a list of numbers (0 for an empty list). */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const sorted = Array.from(values).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A verdict on the median relative change: below 0.1% nothing moved (a frozen trunk), below 10% the filters
 * are almost their random start, below 50% they changed visibly, beyond that they were rewritten.
 */
export function changeVerdict(changes: ArrayLike<number>): ChangeVerdict {
  const m = median(changes);
  if (m < 1e-3) return 'untouched';
  if (m < 0.1) return 'barely';
  return m < 0.5 ? 'some' : 'much';
}

/** The first layer's outputs for one image: `channels` maps of size x size, channel-major. */
export interface FeatureMaps {
  readonly channels: number;
  readonly size: number;
  /** channels x size x size: map c is values[c*size*size ...]. */
  readonly values: Float32Array;
}
