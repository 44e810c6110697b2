/**
 * Putting features on one scale before a probe reads them.
 *
 * A trunk fed raw 0-255 pixels hands over features in the hundreds or thousands, some features far larger than
 * others. A linear probe's penalty (lambda ||W||^2) treats every weight alike, so without rescaling it would
 * punish the small-scale features' weights far more than the large ones': the verdict would depend on units.
 * The statistics come from the labelled *training* rows only; the test rows are scaled with them, as a model
 * in use would have to.
 */
import type { FeatureMatrix } from '../train/task-set';

/**
 * `per-feature`: every feature gets mean 0 and standard deviation 1 (the SSL literature's usual choice).
 * `global`: every feature gets mean 0, and all share one scale (the root of their mean variance), so
 * features keep their relative sizes: a second opinion at very few labels, where 10 rows' statistics per
 * feature are themselves noisy.
 */
export type ProbeNormalisation = 'per-feature' | 'global';

/** The shift and scale learned from training rows, to apply to any rows of the same width. */
export interface FeatureScaler {
  readonly normalisation: ProbeNormalisation;
  readonly mean: Float64Array;
  /** Multiplier per feature (0 for a feature that never varies, such as a dead ReLU's). */
  readonly scale: Float64Array;
}

/** Learns a scaler from the training rows. */
export function fitScaler(train: FeatureMatrix, normalisation: ProbeNormalisation): FeatureScaler {
  const { width, values } = train;
  const rows = width > 0 ? values.length / width : 0;
  const mean = new Float64Array(width);
  const variance = new Float64Array(width);
  for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) mean[j] += values[r * width + j];
  for (let j = 0; j < width; j++) mean[j] /= Math.max(1, rows);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < width; j++) {
      const d = values[r * width + j] - mean[j];
      variance[j] += d * d;
    }
  }
  for (let j = 0; j < width; j++) variance[j] /= Math.max(1, rows);
  const scale = new Float64Array(width);
  if (normalisation === 'per-feature') {
    for (let j = 0; j < width; j++) scale[j] = variance[j] > 0 ? 1 / Math.sqrt(variance[j]) : 0;
  } else {
    const meanVariance = variance.reduce((a, b) => a + b, 0) / Math.max(1, width);
    const shared = meanVariance > 0 ? 1 / Math.sqrt(meanVariance) : 0;
    for (let j = 0; j < width; j++) scale[j] = variance[j] > 0 ? shared : 0;
  }
  return { normalisation, mean, scale };
}

/** The rows of `m` shifted and scaled, in doubles (the probe's arithmetic). */
export function applyScaler(scaler: FeatureScaler, m: FeatureMatrix): Float64Array {
  const { width, values } = m;
  if (width !== scaler.mean.length) throw new RangeError(`features have width ${width}, the scaler was fitted on ${scaler.mean.length}`);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const j = i % width;
    out[i] = (values[i] - scaler.mean[j]) * scaler.scale[j];
  }
  return out;
}
