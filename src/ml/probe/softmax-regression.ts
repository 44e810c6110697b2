/**
 * Multinomial logistic regression (a softmax layer on fixed features) as one smooth, convex function.
 *
 * The objective is the mean cross-entropy over the rows plus an L2 penalty on the weights (not the biases):
 *
 *     f(W, b) = (1/n) sum_i -log softmax(x_i W + b)[y_i]  +  (lambda / 2) ||W||^2
 *
 * Because it is convex, it has one minimum, and any optimiser run to convergence reaches the same weights: the
 * probe's verdict then depends on the features and on lambda, not on a learning rate or on when training stopped.
 * That is what separates a *probe* (a measuring instrument) from the lecture's head (SGD that stops early).
 */

import { probeKernels } from './wasm-pass';

/** Rows of features (row-major, `width` per row) with a class label per row. */
export interface ProbeData {
  readonly x: Float64Array;
  readonly labels: Uint8Array;
  readonly rows: number;
  readonly width: number;
  readonly classes: number;
}

/** How many numbers a softmax layer on `width` features has: a [width, classes] kernel, then `classes` biases. */
export function parameterCount(width: number, classes: number): number {
  return (width + 1) * classes;
}

/**
 * The objective at `params` (kernel row-major, then biases), writing its gradient into `gradient`. The work is
 * two products of the data with the weights (logits forward, the gradient back), done row by row so a row's
 * features are read once while they sit in the processor's cache.
 */
export function lossAndGradient(params: Float64Array, data: ProbeData, lambda: number, gradient: Float64Array): number {
  const { width, classes } = data;
  const biasAt = width * classes;
  gradient.fill(0);
  const loss = classes === 10 ? tenClassPass(params, data, gradient) : anyClassPass(params, data, gradient);
  let penalty = 0;
  for (let k = 0; k < biasAt; k++) {
    penalty += params[k] * params[k];
    gradient[k] += lambda * params[k];
  }
  return loss + (lambda / 2) * penalty;
}

/**
 * Turns the logits in `z` into d(loss)/d(logits) for one row (softmax minus one-hot, divided by the row count)
 * and returns that row's cross-entropy. Shifted by the largest logit so exp never overflows.
 */
function softmaxGradient(z: Float64Array, classes: number, label: number, rows: number, at = 0): number {
  let top = z[at];
  for (let c = 1; c < classes; c++) if (z[at + c] > top) top = z[at + c];
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    z[at + c] = Math.exp(z[at + c] - top);
    sum += z[at + c];
  }
  const loss = -Math.log(z[at + label] / sum);
  for (let c = 0; c < classes; c++) z[at + c] = (z[at + c] / sum - (c === label ? 1 : 0)) / rows;
  return loss;
}

/** The mean cross-entropy and its gradient, for any number of classes. */
function anyClassPass(params: Float64Array, data: ProbeData, gradient: Float64Array): number {
  const { x, labels, rows, width, classes } = data;
  const biasAt = width * classes;
  const z = new Float64Array(classes);
  let loss = 0;
  for (let i = 0; i < rows; i++) {
    const rowAt = i * width;
    for (let c = 0; c < classes; c++) z[c] = params[biasAt + c];
    for (let j = 0; j < width; j++) {
      const v = x[rowAt + j];
      const w = j * classes;
      for (let c = 0; c < classes; c++) z[c] += v * params[w + c];
    }
    loss += softmaxGradient(z, classes, labels[i], rows);
    for (let j = 0; j < width; j++) {
      const v = x[rowAt + j];
      const w = j * classes;
      for (let c = 0; c < classes; c++) gradient[w + c] += v * z[c];
    }
    for (let c = 0; c < classes; c++) gradient[biasAt + c] += z[c];
  }
  return loss / rows;
}

/**
 * The same for exactly ten classes (the digits), in two sweeps written for the processor. The ten sums of a
 * row's logits are written out as local variables, so they stay in registers instead of going back to memory
 * after every addition. The gradient of the kernel, X^T G, is then summed feature by feature over the rows of a
 * transposed copy of X, ten sums at a time, so nothing is stored until a feature is done. The same arithmetic as
 * anyClassPass, several times faster; a test checks the two agree. Where WebAssembly SIMD runs, the two products
 * go to its kernels (wasm-pass.ts), two classes per instruction, with the same sums in the same order.
 */
function tenClassPass(params: Float64Array, data: ProbeData, gradient: Float64Array): number {
  const { x, labels, rows, width } = data;
  const biasAt = width * 10;
  const g = scratchRows(rows);
  const simd = probeKernels(x, rows, width);
  if (simd) {
    simd.logits(params, g);
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      loss += softmaxGradient(g, 10, labels[i], rows, i * 10);
      for (let c = 0; c < 10; c++) gradient[biasAt + c] += g[i * 10 + c];
    }
    simd.addKernelGradient(g, gradient);
    return loss / rows;
  }
  const xt = transposed(data);
  const z = new Float64Array(10);
  let loss = 0;
  for (let i = 0; i < rows; i++) {
    const rowAt = i * width;
    let z0 = params[biasAt], z1 = params[biasAt + 1], z2 = params[biasAt + 2], z3 = params[biasAt + 3], z4 = params[biasAt + 4];
    let z5 = params[biasAt + 5], z6 = params[biasAt + 6], z7 = params[biasAt + 7], z8 = params[biasAt + 8], z9 = params[biasAt + 9];
    for (let j = 0, w = 0; j < width; j++, w += 10) {
      const v = x[rowAt + j];
      z0 += v * params[w]; z1 += v * params[w + 1]; z2 += v * params[w + 2]; z3 += v * params[w + 3]; z4 += v * params[w + 4];
      z5 += v * params[w + 5]; z6 += v * params[w + 6]; z7 += v * params[w + 7]; z8 += v * params[w + 8]; z9 += v * params[w + 9];
    }
    z[0] = z0; z[1] = z1; z[2] = z2; z[3] = z3; z[4] = z4; z[5] = z5; z[6] = z6; z[7] = z7; z[8] = z8; z[9] = z9;
    loss += softmaxGradient(z, 10, labels[i], rows);
    g.set(z, i * 10);
    for (let c = 0; c < 10; c++) gradient[biasAt + c] += z[c];
  }
  for (let j = 0; j < width; j++) {
    const colAt = j * rows;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0;
    for (let i = 0, r = 0; i < rows; i++, r += 10) {
      const v = xt[colAt + i];
      s0 += v * g[r]; s1 += v * g[r + 1]; s2 += v * g[r + 2]; s3 += v * g[r + 3]; s4 += v * g[r + 4];
      s5 += v * g[r + 5]; s6 += v * g[r + 6]; s7 += v * g[r + 7]; s8 += v * g[r + 8]; s9 += v * g[r + 9];
    }
    const w = j * 10;
    gradient[w] += s0; gradient[w + 1] += s1; gradient[w + 2] += s2; gradient[w + 3] += s3; gradient[w + 4] += s4;
    gradient[w + 5] += s5; gradient[w + 6] += s6; gradient[w + 7] += s7; gradient[w + 8] += s8; gradient[w + 9] += s9;
  }
  return loss / rows;
}

const transposes = new WeakMap<Float64Array, Float64Array>();

/** X transposed (feature-major), made once per data set: every evaluation of one fit reuses it. */
function transposed(data: ProbeData): Float64Array {
  const known = transposes.get(data.x);
  if (known) return known;
  const { x, rows, width } = data;
  const out = new Float64Array(rows * width);
  for (let i = 0; i < rows; i++) for (let j = 0; j < width; j++) out[j * rows + i] = x[i * width + j];
  transposes.set(data.x, out);
  return out;
}

let scratch = new Float64Array(0);

/** A reusable buffer for the rows' logit gradients (an evaluation runs thousands of times per probe). */
function scratchRows(rows: number): Float64Array {
  if (scratch.length < rows * 10) scratch = new Float64Array(rows * 10);
  return scratch;
}

/** The predicted class of every row (the largest logit; ties go to the lower class). */
export function predictClasses(params: Float64Array, x: Float64Array, rows: number, width: number, classes: number): Uint8Array {
  const biasAt = width * classes;
  const out = new Uint8Array(rows);
  const z = new Float64Array(classes);
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < classes; c++) z[c] = params[biasAt + c];
    for (let j = 0; j < width; j++) {
      const v = x[i * width + j];
      for (let c = 0; c < classes; c++) z[c] += v * params[j * classes + c];
    }
    let best = 0;
    for (let c = 1; c < classes; c++) if (z[c] > z[best]) best = c;
    out[i] = best;
  }
  return out;
}

/** The share (0-1) of rows whose predicted class is their label. */
export function accuracyOf(params: Float64Array, x: Float64Array, labels: Uint8Array, width: number, classes: number): number {
  const rows = labels.length;
  if (rows === 0) return NaN;
  const predicted = predictClasses(params, x, rows, width, classes);
  let right = 0;
  for (let i = 0; i < rows; i++) if (predicted[i] === labels[i]) right += 1;
  return right / rows;
}
