/**
 * The little statistics a fair comparison needs: mean and spread over seeds, and how noisy one accuracy is.
 */

/** Mean and sample standard deviation (n - 1 in the denominator; 0 for a single value). */
export interface MeanStd {
  readonly mean: number;
  readonly std: number;
}

/** Mean and sample standard deviation of the values. */
export function meanStd(values: readonly number[]): MeanStd {
  const n = values.length;
  if (n === 0) return { mean: NaN, std: NaN };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, std: Math.sqrt(variance) };
}

/**
 * Standard error of an accuracy `p` measured on `n` images, sqrt(p (1 - p) / n): each image is a coin flip
 * that comes up "right" with probability p. At 80% on 300 images it is 2.3 points, so two models 2 points
 * apart on the lecture's test set are not distinguishable by that test alone.
 */
export function accuracyStandardError(p: number, n: number): number {
  return Math.sqrt((p * (1 - p)) / n);
}
