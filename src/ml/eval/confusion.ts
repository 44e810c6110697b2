/**
 * Confusion matrices: for every true class, how often the classifier answered each class. Accuracy says how
 * often a model is wrong; the matrix says *how*: a 4 read as a 9 is a different lesson from a 4 read as a 1.
 *
 * Pure arithmetic on typed arrays (no tfjs), so the page can build one from the probabilities the engine's
 * `evaluated` event already carries, and the tests run in Node.
 */

/** A square table of counts: `counts[truth * classes + predicted]`. */
export interface ConfusionMatrix {
  readonly classes: number;
  /** Row-major: one row per true class, one column per predicted class. */
  readonly counts: Uint32Array;
  /** How many examples were counted (the sum of all cells). */
  readonly total: number;
}

/** The index of the largest value in each row of a row-major `rows x width` array (the first on ties). */
export function argmaxRows(values: ArrayLike<number>, width: number): Uint8Array {
  if (width < 1 || width > 256) throw new RangeError(`width must be 1-256, got ${width}`);
  const rows = Math.floor(values.length / width);
  const out = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < width; c++) if (values[r * width + c] > values[r * width + best]) best = c;
    out[r] = best;
  }
  return out;
}

/** Counts (truth, predicted) pairs; both lists must be as long as each other and hold classes 0..classes-1. */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): ConfusionMatrix {
  if (truth.length !== predicted.length) throw new RangeError(`${truth.length} true classes but ${predicted.length} predictions`);
  const counts = new Uint32Array(classes * classes);
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i];
    const p = predicted[i];
    if (t < 0 || t >= classes || p < 0 || p >= classes) throw new RangeError(`example ${i} has class ${t} -> ${p}, outside 0-${classes - 1}`);
    counts[t * classes + p]++;
  }
  return { classes, counts, total: truth.length };
}

/** The confusion matrix of a classifier from its probabilities (`count x classes`, row-major) and the labels. */
export function confusionFromProbabilities(probabilities: ArrayLike<number>, labels: ArrayLike<number>, classes: number): ConfusionMatrix {
  return confusionMatrix(labels, argmaxRows(probabilities, classes), classes);
}

/** One cell's count. */
export function cell(matrix: ConfusionMatrix, truth: number, predicted: number): number {
  return matrix.counts[truth * matrix.classes + predicted];
}

/** How many examples of a true class there are (a row's sum). */
export function rowTotal(matrix: ConfusionMatrix, truth: number): number {
  let sum = 0;
  for (let p = 0; p < matrix.classes; p++) sum += cell(matrix, truth, p);
  return sum;
}

/** The share of examples on the diagonal (0 for an empty matrix). */
export function matrixAccuracy(matrix: ConfusionMatrix): number {
  let right = 0;
  for (let c = 0; c < matrix.classes; c++) right += cell(matrix, c, c);
  return matrix.total === 0 ? 0 : right / matrix.total;
}

/** The examples (their positions in the lists) behind one cell: which images of `truth` were read as `predicted`. */
export function cellMembers(truth: ArrayLike<number>, predicted: ArrayLike<number>, t: number, p: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < truth.length; i++) if (truth[i] === t && predicted[i] === p) out.push(i);
  return out;
}

/** One off-diagonal cell: a kind of mistake and how often it happened. */
export interface Confusion {
  readonly truth: number;
  readonly predicted: number;
  readonly count: number;
}

/** The `top` most frequent mistakes, most frequent first (ties: lower true class, then lower prediction). */
export function topConfusions(matrix: ConfusionMatrix, top: number): Confusion[] {
  const out: Confusion[] = [];
  for (let t = 0; t < matrix.classes; t++) {
    for (let p = 0; p < matrix.classes; p++) if (t !== p && cell(matrix, t, p) > 0) out.push({ truth: t, predicted: p, count: cell(matrix, t, p) });
  }
  return out.sort((a, b) => b.count - a.count || a.truth - b.truth || a.predicted - b.predicted).slice(0, top);
}

/**
 * The rotation head's confusions, one 4x4 matrix per digit class. `predicted[i * 4 + k]` is the rotation (0-3
 * quarter-turns) the head chose for image i turned k quarter-turns; `digits[i]` is that image's digit.
 *
 * Why per digit: Gidaris et al. (2018) argue that predicting rotation forces a network to know what objects
 * look like upright. Some digits give it no way to know: a 0, a 1 or an 8 turned 180 degrees is still a 0, 1
 * or 8, and an upside-down 6 is a 9. Split by digit, those are exactly the matrices whose 0/180 cells blur.
 */
export function rotationConfusionByDigit(predicted: ArrayLike<number>, digits: ArrayLike<number>, digitClasses = 10): ConfusionMatrix[] {
  const rotations = 4;
  if (predicted.length !== digits.length * rotations) throw new RangeError(`${predicted.length} predictions for ${digits.length} images at 4 rotations`);
  const perDigit = Array.from({ length: digitClasses }, () => new Uint32Array(rotations * rotations));
  const totals = new Array<number>(digitClasses).fill(0);
  for (let i = 0; i < digits.length; i++) {
    const d = digits[i];
    for (let k = 0; k < rotations; k++) perDigit[d][k * rotations + predicted[i * rotations + k]]++;
    totals[d] += rotations;
  }
  return perDigit.map((counts, d) => ({ classes: rotations, counts, total: totals[d] }));
}
