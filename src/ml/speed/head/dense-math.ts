/**
 * The arithmetic of one Dense(10) head with the lecture's cross-entropy, on plain Float32Arrays.
 *
 * A head on cached features is tiny: a 64 x 288 times 288 x 10 product forward and one of the same size
 * backward. Done with tensors, each of the ~50 operations of a training step pays a fixed fee to the backend
 * (creating, recording and freeing tensors), and those fees are most of the cost. Done here, a step is a few
 * loops over numbers we already hold.
 *
 * We copy tfjs's order of operations, as its CPU backend performs them, so that the numbers come out the same:
 * - every value that tfjs keeps in a float32 tensor is rounded to float32 here too (Float32Array stores, or
 *   Math.fround), while sums run in a JavaScript double, as the CPU kernels' loops do;
 * - a matrix product adds its inner dimension in blocks of 48 (the CPU backend's block size): each block's
 *   sum is a double, and the blocks are added one by one into the float32 result;
 * - the loss is the same composition tfjs differentiates: log-softmax (shift by the row's largest logit,
 *   subtract the log of the sum of exponentials), times a one-hot row, summed, negated, averaged over the
 *   batch. Its gradient is computed step by step as tfjs's gradient functions do, not by the shortcut
 *   "softmax minus one-hot", because the shortcut rounds differently.
 * Other backends (WASM, WebGL) add in their own orders, so against them we agree to rounding, not to the bit
 * (js-fit.test.ts measures how far).
 */

/** The CPU backend's matrix-product block: the inner dimension is summed 48 terms at a time. */
export const MATMUL_BLOCK = 48;

/** A dense layer's weights: `kernel` is [inputs, classes] row-major, `bias` [classes]. */
export interface DenseWeights {
  readonly kernel: Float32Array;
  readonly bias: Float32Array;
  readonly inputs: number;
  readonly classes: number;
}

/**
 * a · b over `length` terms (a from `aAt`, b from `bAt`), summed as tfjs's CPU matrix product sums one
 * output: 48 terms at a time in a double, each block's sum then added to a float32 total.
 */
export function blockedDot(a: Float32Array, aAt: number, b: Float32Array, bAt: number, length: number): number {
  let total = 0;
  for (let k0 = 0; k0 < length; k0 += MATMUL_BLOCK) {
    const k1 = Math.min(k0 + MATMUL_BLOCK, length);
    let sum = 0;
    for (let k = k0; k < k1; k++) sum += a[aAt + k] * b[bAt + k];
    total = Math.fround(total + sum);
  }
  return total;
}

/**
 * Four dot products at once, rows a0, a1 of `a` against rows b0, b1 of `b`, into out[outAt + r * outRowStep + c]
 * for r, c in {0, 1}. Why four: a running sum must wait for its previous addition before the next, so one sum
 * at a time leaves the processor idle most of the time; four independent sums overlap, and every number read
 * serves two of them. Each sum still adds its own terms in blockedDot's order, so nothing rounds differently.
 * (This made the 1,000-label head about 2.5 times faster than one dot product at a time.)
 */
function blockedDotQuad(
  a: Float32Array, a0: number, a1: number, b: Float32Array, b0: number, b1: number, length: number,
  out: Float32Array, outAt: number, outRowStep: number,
): void {
  let t00 = 0;
  let t01 = 0;
  let t10 = 0;
  let t11 = 0;
  for (let k0 = 0; k0 < length; k0 += MATMUL_BLOCK) {
    const k1 = Math.min(k0 + MATMUL_BLOCK, length);
    let s00 = 0;
    let s01 = 0;
    let s10 = 0;
    let s11 = 0;
    for (let k = k0; k < k1; k++) {
      const x0 = a[a0 + k];
      const x1 = a[a1 + k];
      const y0 = b[b0 + k];
      const y1 = b[b1 + k];
      s00 += x0 * y0;
      s01 += x0 * y1;
      s10 += x1 * y0;
      s11 += x1 * y1;
    }
    t00 = Math.fround(t00 + s00);
    t01 = Math.fround(t01 + s01);
    t10 = Math.fround(t10 + s10);
    t11 = Math.fround(t11 + s11);
  }
  out[outAt] = t00;
  out[outAt + 1] = t01;
  out[outAt + outRowStep] = t10;
  out[outAt + outRowStep + 1] = t11;
}

/**
 * out[r * cols + c] = a-row r · b-row c for r < aRows, c < cols, where a-row r starts at aStart(r) and b-row c
 * at c * length: a small matrix product in tfjs's summation order, four outputs at a time.
 */
export function blockedProduct(
  a: Float32Array, aStart: (r: number) => number, aRows: number, b: Float32Array, cols: number, length: number, out: Float32Array,
): void {
  let r = 0;
  for (; r + 1 < aRows; r += 2) {
    const a0 = aStart(r);
    const a1 = aStart(r + 1);
    let c = 0;
    for (; c + 1 < cols; c += 2) blockedDotQuad(a, a0, a1, b, c * length, (c + 1) * length, length, out, r * cols + c, cols);
    if (c < cols) {
      out[r * cols + c] = blockedDot(a, a0, b, c * length, length);
      out[(r + 1) * cols + c] = blockedDot(a, a1, b, c * length, length);
    }
  }
  if (r < aRows) for (let c = 0; c < cols; c++) out[r * cols + c] = blockedDot(a, aStart(r), b, c * length, length);
}

/** `out` [cols, rows] becomes the transpose of `m` [rows, cols]: a kernel laid out one class per row. */
export function transpose(m: Float32Array, rows: number, cols: number, out: Float32Array): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c];
}

/**
 * logits = x W + b for the given rows of `x` (row r starts at r * inputs), into `out` ([rows, classes]).
 * `kernelT` is the kernel transposed ([classes, inputs]), so every logit is one contiguous dot product: the
 * same terms in the same order as tfjs adds them, but read from memory in a straight line.
 */
export function denseLogits(x: Float32Array, rows: ArrayLike<number>, w: DenseWeights, kernelT: Float32Array, out: Float32Array): void {
  const { bias, inputs, classes } = w;
  blockedProduct(x, (i) => rows[i] * inputs, rows.length, kernelT, classes, inputs, out);
  for (let i = 0; i < rows.length; i++) for (let j = 0; j < classes; j++) out[i * classes + j] += bias[j];
}

/** What one batch's loss came to. */
export interface BatchLoss {
  /** The batch's mean loss, as tf.mean gives it (each row divided by the count, then summed). */
  readonly meanLoss: number;
  /** The per-row losses added in a double (what an evaluation sums). */
  readonly lossSum: number;
  /** Rows whose largest logit (the first, on a tie) is at the label. */
  readonly correct: number;
}

/**
 * The cross-entropy of `n` rows of logits against `labels[rows[i]]`. When `dLogits` is given, it receives the
 * gradient of the batch's *mean* loss with respect to each logit, as tfjs's backward pass computes it.
 * `scratch` holds `classes` floats.
 */
export function crossEntropy(
  logits: Float32Array, labels: Uint8Array, rows: ArrayLike<number>, classes: number,
  dLogits: Float32Array | null, scratch: Float32Array,
): BatchLoss {
  const n = rows.length;
  const f = Math.fround;
  // d(mean)/d(row) is 1/n, rounded to float32 as tfjs's division by the row count rounds it.
  const g = f(1 / n);
  let meanLoss = 0;
  let lossSum = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const o = i * classes;
    const label = labels[rows[i]];
    // Accuracy: argMax keeps the first of equal maxima (and ignores NaN), as tfjs's does.
    let best = logits[o];
    let arg = 0;
    for (let j = 1; j < classes; j++) if (logits[o + j] > best) { best = logits[o + j]; arg = j; }
    if (arg === label) correct++;
    // The shift: tfjs's max lets a NaN win, so a NaN logit poisons the whole row, as it should.
    let max = logits[o];
    for (let j = 0; j < classes; j++) { const v = logits[o + j]; if (Number.isNaN(v) || v > max) max = v; }
    let expSum = 0;
    for (let j = 0; j < classes; j++) {
      scratch[j] = logits[o + j] - max; // rounded by the store
      expSum += f(Math.exp(scratch[j]));
    }
    const logSum = f(Math.log(f(expSum)));
    // Row loss: -(one-hot . log-softmax), with 0 * value kept literally so an infinite value gives NaN as in tfjs.
    let picked = 0;
    for (let j = 0; j < classes; j++) {
      scratch[j] = scratch[j] - logSum; // log-softmax, rounded by the store
      picked += j === label ? scratch[j] : 0 * scratch[j];
    }
    const rowLoss = -f(picked);
    lossSum += rowLoss;
    meanLoss += f(rowLoss / n);
    if (dLogits) {
      // Backward through mean, neg, sum and the one-hot product: -1/n at the label, -0 elsewhere; their sum is
      // -1/n. Then log-softmax's own gradient, dy - sum(dy) * exp(log-softmax).
      for (let j = 0; j < classes; j++) {
        const dy = j === label ? -g : -0;
        dLogits[o + j] = dy - f(-g * f(Math.exp(scratch[j])));
      }
    }
  }
  return { meanLoss: f(meanLoss), lossSum, correct };
}

/**
 * The weights' gradients from a batch's logit gradients. tfjs computes the kernel's as the product xᵀ dLogits,
 * whose inner dimension is the batch's rows (summed 48 rows at a time), and the bias's as each class's
 * dLogits summed over the rows in a double. `xT` ([inputs, n]) and `dT` ([classes, n]) are scratch space for
 * the batch transposed, so that each of the 2,880 kernel entries is again one contiguous dot product.
 */
export function weightGradients(
  x: Float32Array, rows: ArrayLike<number>, dLogits: Float32Array, inputs: number, classes: number,
  gKernel: Float32Array, gBias: Float32Array, xT: Float32Array, dT: Float32Array,
): void {
  const n = rows.length;
  for (let i = 0; i < n; i++) {
    const base = rows[i] * inputs;
    for (let k = 0; k < inputs; k++) xT[k * n + i] = x[base + k];
  }
  transpose(dLogits, n, classes, dT);
  blockedProduct(xT, (k) => k * n, inputs, dT, classes, n, gKernel);
  for (let j = 0; j < classes; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += dT[j * n + i];
    gBias[j] = sum;
  }
}
