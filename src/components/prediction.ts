/**
 * Reading a probability vector the way the lecture does (np.argmax), as plain functions so the stem plot's
 * highlight and its spoken summary can never disagree, and both are tested in Node.
 */
import { formatPercent } from './format';

/** The ten MNIST classes, named as the digits they are. */
export const DIGIT_CLASSES: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The four RotNet classes: k quarter-turns counter-clockwise (np.rot90), named by angle. */
export const ROTATION_CLASSES: readonly string[] = ['0°', '90°', '180°', '270°'];

/**
 * Index of the largest finite value, the first one on ties (as np.argmax); -1 when there is none
 * (empty, or all NaN, e.g. a diverged model), so callers can show "no prediction" instead of a wrong one.
 */
export function argmax(values: ArrayLike<number>): number {
  let best = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v) && v > bestValue) {
      best = i;
      bestValue = v;
    }
  }
  return best;
}

/** Name of class i: its entry in classNames, or the index itself when the list is short. */
export function className(classNames: readonly string[], i: number): string {
  return classNames[i] ?? String(i);
}

/**
 * One sentence for a screen reader (and a caption): "predicts 7 with 93% confidence", plus the true label
 * when known, so a listener hears right or wrong without reading ten numbers.
 */
export function describePrediction(
  probabilities: ArrayLike<number>,
  classNames: readonly string[],
  trueLabel?: number,
): string {
  const best = argmax(probabilities);
  if (best < 0) return 'no prediction';
  let text = `predicts ${className(classNames, best)} with ${formatPercent(probabilities[best])} confidence`;
  if (trueLabel !== undefined) {
    text += best === trueLabel ? ' (correct)' : `; the true label is ${className(classNames, trueLabel)}`;
  }
  return text;
}
