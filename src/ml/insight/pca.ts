/**
 * Principal component analysis, exactly: the directions along which a cloud of feature vectors varies most.
 *
 * We build the covariance matrix (288 x 288 for the trunk's features) and find its top eigenvectors by power
 * iteration with deflation: multiply a vector by the matrix until it stops turning (it lines up with the
 * direction of greatest variance), remove that direction, repeat. No randomness is left in the answer: the
 * start vector is seeded and each component's sign is fixed by a rule, so a replay draws the same picture.
 *
 * PCA is linear, so what it shows is honest but flattened: classes that a curved boundary separates may
 * overlap here. That is why the lesson shows UMAP beside it.
 */
import { createRng } from '../train/random';

/** Rows of features: `count` rows of `width` numbers, row-major. */
export interface Rows {
  readonly values: ArrayLike<number>;
  readonly width: number;
  readonly count: number;
}

/** A PCA projection. */
export interface Projection {
  /** count x components coordinates, row-major. */
  readonly points: Float32Array;
  /** The components (unit vectors), components x width, row-major. */
  readonly axes: Float64Array;
  /** Each component's share of the total variance (0-1). */
  readonly explained: readonly number[];
}

/** Options of {@link pca}. */
export interface PcaOptions {
  /** How many components (default 2). */
  readonly components?: number;
  /** Seed of the start vectors (default 1): the result does not depend on it beyond rounding. */
  readonly seed?: number;
  /** Most power iterations per component (default 500). */
  readonly maxIterations?: number;
}

/** The covariance matrix of the rows (width x width, divided by count - 1) and the column means. */
export function covariance(rows: Rows): { readonly cov: Float64Array; readonly mean: Float64Array } {
  const { values, width, count } = rows;
  const mean = new Float64Array(width);
  for (let i = 0; i < count; i++) for (let j = 0; j < width; j++) mean[j] += values[i * width + j];
  for (let j = 0; j < width; j++) mean[j] /= Math.max(1, count);
  const cov = new Float64Array(width * width);
  const centred = new Float64Array(width);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < width; j++) centred[j] = values[i * width + j] - mean[j];
    // Upper triangle only; mirrored below. This loop is the whole cost: count x width^2 / 2.
    for (let a = 0; a < width; a++) {
      const ca = centred[a];
      if (ca === 0) continue;
      const row = a * width;
      for (let b = a; b < width; b++) cov[row + b] += ca * centred[b];
    }
  }
  const scale = 1 / Math.max(1, count - 1);
  for (let a = 0; a < width; a++) {
    for (let b = a; b < width; b++) {
      const v = cov[a * width + b] * scale;
      cov[a * width + b] = v;
      cov[b * width + a] = v;
    }
  }
  return { cov, mean };
}

function normalise(v: Float64Array): number {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] /= norm;
  return norm;
}

/** Projects rows onto their top principal components (exact up to floating-point rounding). */
export function pca(rows: Rows, options: PcaOptions = {}): Projection {
  const { width, count, values } = rows;
  const k = options.components ?? 2;
  if (k < 1 || k > width) throw new RangeError(`components must be 1-${width}, got ${k}`);
  if (values.length < width * count) throw new RangeError(`${values.length} values cannot hold ${count} rows of ${width}`);
  const { cov, mean } = covariance(rows);
  let trace = 0;
  for (let j = 0; j < width; j++) trace += cov[j * width + j];
  const rng = createRng(options.seed ?? 1);
  const axes = new Float64Array(k * width);
  const explained: number[] = [];
  const next = new Float64Array(width);
  for (let c = 0; c < k; c++) {
    const v = new Float64Array(width);
    for (let j = 0; j < width; j++) v[j] = rng() - 0.5;
    normalise(v);
    let eigenvalue = 0;
    for (let it = 0; it < (options.maxIterations ?? 500); it++) {
      next.fill(0);
      for (let a = 0; a < width; a++) {
        let sum = 0;
        const row = a * width;
        for (let b = 0; b < width; b++) sum += cov[row + b] * v[b];
        next[a] = sum;
      }
      eigenvalue = normalise(next);
      let change = 0;
      for (let j = 0; j < width; j++) change = Math.max(change, Math.abs(next[j] - v[j]));
      v.set(next);
      if (eigenvalue === 0 || change < 1e-10) break;
    }
    // An eigenvector's sign is arbitrary; fix it (largest entry positive) so the picture never flips on replay.
    let largest = 0;
    for (let j = 1; j < width; j++) if (Math.abs(v[j]) > Math.abs(v[largest])) largest = j;
    if (v[largest] < 0) for (let j = 0; j < width; j++) v[j] = -v[j];
    axes.set(v, c * width);
    explained.push(trace > 0 ? eigenvalue / trace : 0);
    // Deflate: remove this direction's variance so the next power iteration finds the next component.
    for (let a = 0; a < width; a++) for (let b = 0; b < width; b++) cov[a * width + b] -= eigenvalue * v[a] * v[b];
  }
  const points = new Float32Array(count * k);
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let j = 0; j < width; j++) sum += (values[i * width + j] - mean[j]) * axes[c * width + j];
      points[i * k + c] = sum;
    }
  }
  return { points, axes, explained };
}
