// Pretext Lab's own WebAssembly SIMD kernels, written in AssemblyScript and compiled by
// scripts/build-kernels.ts into src/ml/backends/kernels/kernels-wasm.ts.
//
// The module owns no memory: it imports the WASM backend's own heap (`env.memory`), and every function
// takes byte offsets of tensors that backend allocated. So it must never write anywhere it was not given:
// no runtime, no static data, no stack (build-kernels.ts refuses a module with a data segment).
//
// Each kernel does the same float32 additions, in the same order per output, as the kernel it replaces,
// so training gives the same numbers to the bit (the tests in kernels.test.ts check that). Lecture-sized
// training is chaotic enough that a different summation order moves the Quick preset's accuracies by
// whole points, so "close" is not good enough here.

const NEG_INF = f32x4.splat(-Infinity);

/**
 * dL/dx of a 2x2, stride-2, unpadded max pool over float32 NHWC. Each window passes its output gradient
 * to the tap that was its maximum; among equal maxima the last one wins (tfjs's WASM kernel picks it, and
 * after a ReLU equal values are common); a window of NaNs passes nothing. Four channels at a time.
 */
export function maxPoolGrad2x2(x: usize, dy: usize, dx: usize, batch: i32, height: i32, width: i32, channels: i32): void {
  const outHeight = height >> 1;
  const outWidth = width >> 1;
  if ((height & 1) != 0 || (width & 1) != 0) {
    memory.fill(dx, 0, <usize>batch * height * width * channels * 4);
  }
  const row = <usize>width * channels * 4;
  const pixel = <usize>channels * 4;
  const vectorEnd = channels & ~3;
  let o = dy;
  for (let b = 0; b < batch; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const top = (<usize>(b * height + 2 * oh)) * row;
      for (let ow = 0; ow < outWidth; ow++) {
        const p = top + <usize>(2 * ow) * pixel;
        let c = 0;
        for (; c < vectorEnd; c += 4, o += 16) {
          const q = p + (<usize>c << 2);
          const a = v128.load(x + q);
          const bb = v128.load(x + q + pixel);
          const cc = v128.load(x + q + row);
          const d = v128.load(x + q + row + pixel);
          const ka = f32x4.ge(a, NEG_INF);
          let best = v128.bitselect(a, NEG_INF, ka);
          const kb = f32x4.ge(bb, best);
          best = v128.bitselect(bb, best, kb);
          const kc = f32x4.ge(cc, best);
          best = v128.bitselect(cc, best, kc);
          const kd = f32x4.ge(d, best);
          // The last tap that passed its test wins.
          const wc = v128.andnot(kc, kd);
          const wb = v128.andnot(v128.andnot(kb, kc), kd);
          const wa = v128.andnot(v128.andnot(v128.andnot(ka, kb), kc), kd);
          const g = v128.load(o);
          v128.store(dx + q, v128.and(g, wa));
          v128.store(dx + q + pixel, v128.and(g, wb));
          v128.store(dx + q + row, v128.and(g, wc));
          v128.store(dx + q + row + pixel, v128.and(g, kd));
        }
        for (; c < channels; c++, o += 4) {
          const q = p + (<usize>c << 2);
          const a = load<f32>(x + q);
          const bb = load<f32>(x + q + pixel);
          const cc = load<f32>(x + q + row);
          const d = load<f32>(x + q + row + pixel);
          let best: f32 = -Infinity;
          let k = -1;
          if (a >= best) { best = a; k = 0; }
          if (bb >= best) { best = bb; k = 1; }
          if (cc >= best) { best = cc; k = 2; }
          if (d >= best) k = 3;
          const g = load<f32>(o);
          store<f32>(dx + q, k == 0 ? g : 0);
          store<f32>(dx + q + pixel, k == 1 ? g : 0);
          store<f32>(dx + q + row, k == 2 ? g : 0);
          store<f32>(dx + q + row + pixel, k == 3 ? g : 0);
        }
      }
    }
  }
}

/**
 * out[t] = sum over r of x[r * width + t]: a running float32 sum per output, rows in order (the order of
 * tfjs's own Sum kernel), four outputs at a time.
 */
export function sumRows(x: usize, out: usize, rows: i32, width: i32): void {
  memory.fill(out, 0, <usize>width * 4);
  const vectorEnd = width & ~3;
  let p = x;
  for (let r = 0; r < rows; r++) {
    let t = 0;
    for (; t < vectorEnd; t += 4, p += 16) {
      const q = out + (<usize>t << 2);
      v128.store(q, f32x4.add(v128.load(q), v128.load(p)));
    }
    for (; t < width; t++, p += 4) {
      const q = out + (<usize>t << 2);
      store<f32>(q, load<f32>(q) + load<f32>(p));
    }
  }
}

/**
 * Copies one-channel images x[B, H, W] into xp[Hp, Wp, B]: the batch last, with `top` rows and `left`
 * columns of zero padding before the image and zeros after it up to Hp x Wp (rows or columns past Hp or
 * Wp are dropped, as no window reaches them).
 */
export function padTransposeImages(x: usize, xp: usize, batch: i32, height: i32, width: i32, paddedHeight: i32, paddedWidth: i32, top: i32, left: i32): void {
  memory.fill(xp, 0, <usize>paddedHeight * paddedWidth * batch * 4);
  for (let b = 0; b < batch; b++) {
    for (let h = 0; h < height; h++) {
      const ph = h + top;
      if (ph < 0 || ph >= paddedHeight) continue;
      for (let w = 0; w < width; w++) {
        const pw = w + left;
        if (pw < 0 || pw >= paddedWidth) continue;
        store<f32>(xp + ((<usize>(ph * paddedWidth + pw) * batch + b) << 2), load<f32>(x + ((<usize>((b * height + h) * width + w)) << 2)));
      }
    }
  }
}

/** Copies dy[B, P, C] (P output pixels) into dyt[P, B, C]: whole C-float rows move, so it is a gather of rows. */
export function batchToMiddle(dy: usize, dyt: usize, batch: i32, pixels: i32, channels: i32): void {
  const rowBytes = <usize>channels * 4;
  for (let b = 0; b < batch; b++) {
    for (let p = 0; p < pixels; p++) {
      memory.copy(dyt + (<usize>(p * batch + b)) * rowBytes, dy + (<usize>(b * pixels + p)) * rowBytes, rowBytes);
    }
  }
}

/**
 * dL/dW of a one-input-channel convolution with 3-wide kernels and 16k output channels:
 *
 *   dw[kh, kw, co] = sum over (oh, ow, b), in that order, of xp[oh*s + kh, ow*s + kw, b] * dyt[oh, ow, b, co]
 *
 * with xp the padded, batch-last images (padTransposeImages) and dyt the batch-middle output gradient
 * (batchToMiddle). That order, each product rounded to float32 and then added, is the order XNNPACK's
 * convolution follows when our older kernel computed this same sum as a convolution of x with dy, so the
 * result is the same to the bit. A register tile of 3 taps x 16 channels: 12 running sums, one per lane.
 */
export function conv1FilterGrad3(xp: usize, dyt: usize, dw: usize, batch: i32, outHeight: i32, outWidth: i32, paddedWidth: i32, kernelHeight: i32, stride: i32, channels: i32): void {
  const dyRow = <usize>channels * 4;
  const xRow = <usize>batch * 4;
  for (let kh = 0; kh < kernelHeight; kh++) {
    for (let co = 0; co < channels; co += 16) {
      let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
      let b0 = f32x4.splat(0), b1 = f32x4.splat(0), b2 = f32x4.splat(0), b3 = f32x4.splat(0);
      let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0);
      for (let oh = 0; oh < outHeight; oh++) {
        const xLine = xp + (<usize>(oh * stride + kh) * paddedWidth) * xRow;
        for (let ow = 0; ow < outWidth; ow++) {
          let xq = xLine + <usize>(ow * stride) * xRow;
          let g = dyt + (<usize>((oh * outWidth + ow) * batch)) * dyRow + (<usize>co << 2);
          for (let b = 0; b < batch; b++, xq += 4, g += dyRow) {
            const g0 = v128.load(g), g1 = v128.load(g, 16), g2 = v128.load(g, 32), g3 = v128.load(g, 48);
            const u = f32x4.splat(load<f32>(xq));
            const v = f32x4.splat(load<f32>(xq + xRow));
            const w = f32x4.splat(load<f32>(xq + 2 * xRow));
            a0 = f32x4.add(a0, f32x4.mul(u, g0)); a1 = f32x4.add(a1, f32x4.mul(u, g1));
            a2 = f32x4.add(a2, f32x4.mul(u, g2)); a3 = f32x4.add(a3, f32x4.mul(u, g3));
            b0 = f32x4.add(b0, f32x4.mul(v, g0)); b1 = f32x4.add(b1, f32x4.mul(v, g1));
            b2 = f32x4.add(b2, f32x4.mul(v, g2)); b3 = f32x4.add(b3, f32x4.mul(v, g3));
            c0 = f32x4.add(c0, f32x4.mul(w, g0)); c1 = f32x4.add(c1, f32x4.mul(w, g1));
            c2 = f32x4.add(c2, f32x4.mul(w, g2)); c3 = f32x4.add(c3, f32x4.mul(w, g3));
          }
        }
      }
      // dw[kh, kw, 0, co]: three taps of one kernel row, 16 channels each.
      const out = dw + ((<usize>(kh * 3) * channels + co) << 2);
      v128.store(out, a0); v128.store(out, a1, 16); v128.store(out, a2, 32); v128.store(out, a3, 48);
      v128.store(out + dyRow, b0); v128.store(out + dyRow, b1, 16); v128.store(out + dyRow, b2, 32); v128.store(out + dyRow, b3, 48);
      v128.store(out + 2 * dyRow, c0); v128.store(out + 2 * dyRow, c1, 16); v128.store(out + 2 * dyRow, c2, 32); v128.store(out + 2 * dyRow, c3, 48);
    }
  }
}

/**
 * One Adam update of n weights, element by element the arithmetic of tfjs's AdamOptimizer (each operation
 * rounded to float32, in its order), into fresh outputs: weights w2 and moments m2, v2. `acc1` and `acc2`
 * point at the optimiser's running powers beta1^t and beta2^t (float32 scalars on the heap).
 *
 *   m2 = m*b1 + g*c1;  v2 = v*b2 + (g*g)*c2;  w2 = (m2/(1-acc1)) / (sqrt(v2/(1-acc2)) + eps) * nlr + w
 *
 * with c1 = 1-b1, c2 = 1-b2 and nlr = -learning rate, as tfjs rounds them to float32.
 */
export function adamStep(w: usize, m: usize, v: usize, g: usize, acc1: usize, acc2: usize, w2: usize, m2: usize, v2: usize,
  n: i32, b1: f32, c1: f32, b2: f32, c2: f32, eps: f32, nlr: f32): void {
  const omb1 = <f32>1 - load<f32>(acc1);
  const omb2 = <f32>1 - load<f32>(acc2);
  const vb1 = f32x4.splat(b1), vc1 = f32x4.splat(c1), vb2 = f32x4.splat(b2), vc2 = f32x4.splat(c2);
  const veps = f32x4.splat(eps), vnlr = f32x4.splat(nlr), vomb1 = f32x4.splat(omb1), vomb2 = f32x4.splat(omb2);
  const vectorEnd = n & ~3;
  let i = 0;
  for (; i < vectorEnd; i += 4) {
    const o = <usize>i << 2;
    const gi = v128.load(g + o);
    const mi = f32x4.add(f32x4.mul(v128.load(m + o), vb1), f32x4.mul(gi, vc1));
    const vi = f32x4.add(f32x4.mul(v128.load(v + o), vb2), f32x4.mul(f32x4.mul(gi, gi), vc2));
    const step = f32x4.div(f32x4.div(mi, vomb1), f32x4.add(f32x4.sqrt(f32x4.div(vi, vomb2)), veps));
    v128.store(m2 + o, mi);
    v128.store(v2 + o, vi);
    v128.store(w2 + o, f32x4.add(f32x4.mul(step, vnlr), v128.load(w + o)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const gi = load<f32>(g + o);
    const mi = load<f32>(m + o) * b1 + gi * c1;
    const vi = load<f32>(v + o) * b2 + (gi * gi) * c2;
    const step = (mi / omb1) / (Mathf.sqrt(vi / omb2) + eps);
    store<f32>(m2 + o, mi);
    store<f32>(v2 + o, vi);
    store<f32>(w2 + o, step * nlr + load<f32>(w + o));
  }
}

/**
 * One step of SGD with (non-Nesterov) momentum over n weights, tfjs's MomentumOptimizer's arithmetic in
 * its order, into fresh outputs: a2 = m*a + g, w2 = c*a2 + w, where `mp` and `cp` point at the optimiser's
 * own float32 scalars (the momentum, and minus the learning rate).
 */
export function momentumStep(w: usize, a: usize, g: usize, mp: usize, cp: usize, w2: usize, a2: usize, n: i32): void {
  const m = load<f32>(mp);
  const c = load<f32>(cp);
  const vm = f32x4.splat(m), vc = f32x4.splat(c);
  const vectorEnd = n & ~3;
  let i = 0;
  for (; i < vectorEnd; i += 4) {
    const o = <usize>i << 2;
    const ai = f32x4.add(f32x4.mul(vm, v128.load(a + o)), v128.load(g + o));
    v128.store(a2 + o, ai);
    v128.store(w2 + o, f32x4.add(f32x4.mul(vc, ai), v128.load(w + o)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const ai = m * load<f32>(a + o) + load<f32>(g + o);
    store<f32>(a2 + o, ai);
    store<f32>(w2 + o, c * ai + load<f32>(w + o));
  }
}

/**
 * out[r, t] = x[r, t] + bias[t] over `rows` rows of `width` floats: a bias added to every pixel of an NHWC
 * tensor, one float32 addition per element as tfjs's broadcasting Add does.
 */
export function addBias(x: usize, bias: usize, out: usize, rows: i32, width: i32): void {
  const vectorEnd = width & ~3;
  let p: usize = 0;
  for (let r = 0; r < rows; r++) {
    let t = 0;
    for (; t < vectorEnd; t += 4, p += 16) {
      v128.store(out + p, f32x4.add(v128.load(x + p), v128.load(bias + (<usize>t << 2))));
    }
    for (; t < width; t++, p += 4) {
      store<f32>(out + p, load<f32>(x + p) + load<f32>(bias + (<usize>t << 2)));
    }
  }
}

/**
 * ReLU's gradient, dx = dy * step(x), in one pass instead of tfjs's three kernels (Step, Cast, Multiply).
 * step is tfjs's WASM Step: 1 where x > 0, NaN where x is NaN, 0 elsewhere; the product is the same
 * float32 multiplication (so -0, and NaN from an infinite dy times 0, come out as they did).
 */
export function reluGrad(dy: usize, x: usize, dx: usize, n: i32): void {
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  const vectorEnd = n & ~3;
  let i = 0;
  for (; i < vectorEnd; i += 4) {
    const o = <usize>i << 2;
    const xi = v128.load(x + o);
    const positive = v128.bitselect(one, zero, f32x4.gt(xi, zero));
    const step = v128.bitselect(xi, positive, f32x4.ne(xi, xi));
    v128.store(dx + o, f32x4.mul(v128.load(dy + o), step));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const xi = load<f32>(x + o);
    const step: f32 = xi != xi ? xi : (xi > 0 ? 1 : 0);
    store<f32>(dx + o, load<f32>(dy + o) * step);
  }
}

/**
 * The linear probe's logits for ten classes, in float64: z[i, c] = b[c] + sum_j x[i, j] * w[j, c], with x row-major
 * (`rows` x `width`), w row-major (`width` x 10) followed by the ten biases. Two classes per vector lane pair, so
 * each class's sum still adds its terms one feature after another, as src/ml/probe/softmax-regression.ts does in
 * JavaScript: the two give the same numbers to the bit.
 */
export function probeLogits10(x: usize, params: usize, z: usize, rows: i32, width: i32): void {
  const bias = params + (<usize>width * 80);
  for (let i = 0; i < rows; i++) {
    let a0 = v128.load(bias), a1 = v128.load(bias, 16), a2 = v128.load(bias, 32), a3 = v128.load(bias, 48), a4 = v128.load(bias, 64);
    const row = x + (<usize>i * width << 3);
    let w = params;
    for (let j = 0; j < width; j++, w += 80) {
      const v = f64x2.splat(load<f64>(row + (<usize>j << 3)));
      a0 = f64x2.add(a0, f64x2.mul(v, v128.load(w)));
      a1 = f64x2.add(a1, f64x2.mul(v, v128.load(w, 16)));
      a2 = f64x2.add(a2, f64x2.mul(v, v128.load(w, 32)));
      a3 = f64x2.add(a3, f64x2.mul(v, v128.load(w, 48)));
      a4 = f64x2.add(a4, f64x2.mul(v, v128.load(w, 64)));
    }
    const out = z + (<usize>i * 80);
    v128.store(out, a0); v128.store(out, a1, 16); v128.store(out, a2, 32); v128.store(out, a3, 48); v128.store(out, a4, 64);
  }
}

/**
 * The probe's kernel gradient for ten classes, in float64: grad[j, c] += sum_i xt[j, i] * g[i, c], with xt the
 * features transposed (`width` x `rows`) and g the logits' gradient (`rows` x 10). Each sum runs over the rows in
 * order and is added to grad once at the end, as the JavaScript pass does.
 */
export function probeKernelGrad10(xt: usize, g: usize, grad: usize, rows: i32, width: i32): void {
  for (let j = 0; j < width; j++) {
    let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0), s4 = f64x2.splat(0);
    const col = xt + (<usize>j * rows << 3);
    let r = g;
    for (let i = 0; i < rows; i++, r += 80) {
      const v = f64x2.splat(load<f64>(col + (<usize>i << 3)));
      s0 = f64x2.add(s0, f64x2.mul(v, v128.load(r)));
      s1 = f64x2.add(s1, f64x2.mul(v, v128.load(r, 16)));
      s2 = f64x2.add(s2, f64x2.mul(v, v128.load(r, 32)));
      s3 = f64x2.add(s3, f64x2.mul(v, v128.load(r, 48)));
      s4 = f64x2.add(s4, f64x2.mul(v, v128.load(r, 64)));
    }
    const out = grad + (<usize>j * 80);
    v128.store(out, f64x2.add(v128.load(out), s0));
    v128.store(out, f64x2.add(v128.load(out, 16), s1), 16);
    v128.store(out, f64x2.add(v128.load(out, 32), s2), 32);
    v128.store(out, f64x2.add(v128.load(out, 48), s3), 48);
    v128.store(out, f64x2.add(v128.load(out, 64), s4), 64);
  }
}

/** tfjs's WASM BatchMatMul sums the shared dimension in blocks of this many terms (batch_mat_mul_impl.cc's kBlockSize). */
const MATMUL_BLOCK = 48;
/**
 * How many terms of the shared dimension one pass over the output covers: four blocks. A pass reads a 192-row panel
 * of b (a 16-column strip of it stays in the L1 cache for every row tile) and finishes those blocks for every
 * output before the next pass, so the output is read and written once per pass, not once per block.
 */
const MATMUL_PASS = 4 * MATMUL_BLOCK;

/**
 * c[i, j] = sum over k of a[i * rowStride + k * depthStride] * b[k * n + j], for i < m, j < n, k < depth: a matrix
 * product whose left operand is read through strides (so it may be stored transposed) and whose right operand is
 * row-major [depth, n]. The float order is that of tfjs's own WASM BatchMatMul when an operand is transposed (its
 * "slow" loop): for each output, k runs in blocks of 48; each block's products are summed in order into a float32
 * that starts at 0, then added to the output (which starts at 0) and 0 added again, as its bias-free fused
 * version does. A register tile of 3 rows x 16 columns: 12 running sums, one per lane.
 */
export function matMulBlocked(a: usize, rowStride: i32, depthStride: i32, b: usize, c: usize, m: i32, n: i32, depth: i32): void {
  const aRow = <usize>rowStride << 2;
  const aStep = <usize>depthStride << 2;
  const bRow = <usize>n << 2;
  const zero = f32x4.splat(0);
  const rows3 = m - m % 3;
  const cols16 = n & ~15;
  const cols4 = n & ~3;
  for (let p0 = 0; p0 < depth; p0 += MATMUL_PASS) {
    const p1 = min(p0 + MATMUL_PASS, depth);
    let j = 0;
    for (; j < cols16; j += 16) {
      let i = 0;
      for (; i < rows3; i += 3) {
        const o = c + ((<usize>i * n + j) << 2);
        for (let k0 = p0; k0 < p1; k0 += MATMUL_BLOCK) {
          const k1 = min(k0 + MATMUL_BLOCK, p1);
          let p = a + <usize>i * aRow + <usize>k0 * aStep;
          let q = b + <usize>k0 * bRow + (<usize>j << 2);
          let a0 = zero, a1 = zero, a2 = zero, a3 = zero;
          let b0 = zero, b1 = zero, b2 = zero, b3 = zero;
          let c0 = zero, c1 = zero, c2 = zero, c3 = zero;
          for (let k = k0; k < k1; k++, p += aStep, q += bRow) {
            const g0 = v128.load(q), g1 = v128.load(q, 16), g2 = v128.load(q, 32), g3 = v128.load(q, 48);
            const u = v128.load32_splat(p);
            a0 = f32x4.add(a0, f32x4.mul(u, g0)); a1 = f32x4.add(a1, f32x4.mul(u, g1));
            a2 = f32x4.add(a2, f32x4.mul(u, g2)); a3 = f32x4.add(a3, f32x4.mul(u, g3));
            const v = v128.load32_splat(p + aRow);
            b0 = f32x4.add(b0, f32x4.mul(v, g0)); b1 = f32x4.add(b1, f32x4.mul(v, g1));
            b2 = f32x4.add(b2, f32x4.mul(v, g2)); b3 = f32x4.add(b3, f32x4.mul(v, g3));
            const w = v128.load32_splat(p + 2 * aRow);
            c0 = f32x4.add(c0, f32x4.mul(w, g0)); c1 = f32x4.add(c1, f32x4.mul(w, g1));
            c2 = f32x4.add(c2, f32x4.mul(w, g2)); c3 = f32x4.add(c3, f32x4.mul(w, g3));
          }
          const first = k0 == 0;
          accumulate4(o, a0, a1, a2, a3, first);
          accumulate4(o + bRow, b0, b1, b2, b3, first);
          accumulate4(o + 2 * bRow, c0, c1, c2, c3, first);
        }
      }
      for (; i < m; i++) {
        const o = c + ((<usize>i * n + j) << 2);
        for (let k0 = p0; k0 < p1; k0 += MATMUL_BLOCK) {
          const k1 = min(k0 + MATMUL_BLOCK, p1);
          let p = a + <usize>i * aRow + <usize>k0 * aStep;
          let q = b + <usize>k0 * bRow + (<usize>j << 2);
          let a0 = zero, a1 = zero, a2 = zero, a3 = zero;
          for (let k = k0; k < k1; k++, p += aStep, q += bRow) {
            const u = v128.load32_splat(p);
            a0 = f32x4.add(a0, f32x4.mul(u, v128.load(q))); a1 = f32x4.add(a1, f32x4.mul(u, v128.load(q, 16)));
            a2 = f32x4.add(a2, f32x4.mul(u, v128.load(q, 32))); a3 = f32x4.add(a3, f32x4.mul(u, v128.load(q, 48)));
          }
          accumulate4(o, a0, a1, a2, a3, k0 == 0);
        }
      }
    }
    for (; j < cols4; j += 4) {
      for (let i = 0; i < m; i++) {
        const o = c + ((<usize>i * n + j) << 2);
        for (let k0 = p0; k0 < p1; k0 += MATMUL_BLOCK) {
          const k1 = min(k0 + MATMUL_BLOCK, p1);
          let p = a + <usize>i * aRow + <usize>k0 * aStep;
          let q = b + <usize>k0 * bRow + (<usize>j << 2);
          let s = zero;
          for (let k = k0; k < k1; k++, p += aStep, q += bRow) s = f32x4.add(s, f32x4.mul(v128.load32_splat(p), v128.load(q)));
          v128.store(o, f32x4.add(f32x4.add(k0 == 0 ? zero : v128.load(o), s), zero));
        }
      }
    }
    for (; j < n; j++) {
      for (let i = 0; i < m; i++) {
        const o = c + ((<usize>i * n + j) << 2);
        for (let k0 = p0; k0 < p1; k0 += MATMUL_BLOCK) {
          const k1 = min(k0 + MATMUL_BLOCK, p1);
          let p = a + <usize>i * aRow + <usize>k0 * aStep;
          let q = b + <usize>k0 * bRow + (<usize>j << 2);
          let s: f32 = 0;
          for (let k = k0; k < k1; k++, p += aStep, q += bRow) s += load<f32>(p) * load<f32>(q);
          store<f32>(o, ((k0 == 0 ? <f32>0 : load<f32>(o)) + s) + <f32>0);
        }
      }
    }
  }
}

/**
 * out[0..16) = (out + s) + 0 for four vectors of block sums, with out taken as 0 for the first block (so the
 * output needs no zero fill first). The + 0 turns -0 into +0, as tfjs's kernel does.
 */
// @ts-ignore: decorator
@inline function accumulate4(o: usize, s0: v128, s1: v128, s2: v128, s3: v128, first: bool): void {
  const zero = f32x4.splat(0);
  if (first) {
    v128.store(o, f32x4.add(f32x4.add(zero, s0), zero));
    v128.store(o, f32x4.add(f32x4.add(zero, s1), zero), 16);
    v128.store(o, f32x4.add(f32x4.add(zero, s2), zero), 32);
    v128.store(o, f32x4.add(f32x4.add(zero, s3), zero), 48);
  } else {
    v128.store(o, f32x4.add(f32x4.add(v128.load(o), s0), zero));
    v128.store(o, f32x4.add(f32x4.add(v128.load(o, 16), s1), zero), 16);
    v128.store(o, f32x4.add(f32x4.add(v128.load(o, 32), s2), zero), 32);
    v128.store(o, f32x4.add(f32x4.add(v128.load(o, 48), s3), zero), 48);
  }
}

/**
 * dst[c * dstStride + r] = src[r * srcStride + c] for r < rows, c < cols (strides in floats): a transpose of a
 * matrix that may be a block of a larger one, in 4 x 4 tiles where they fit.
 */
export function transposeStrided(src: usize, dst: usize, rows: i32, cols: i32, srcStride: i32, dstStride: i32): void {
  const rows4 = rows & ~3;
  const cols4 = cols & ~3;
  const srcRow = <usize>srcStride << 2;
  const dstRow = <usize>dstStride << 2;
  for (let r = 0; r < rows4; r += 4) {
    for (let c = 0; c < cols4; c += 4) {
      const p = src + <usize>r * srcRow + (<usize>c << 2);
      const x0 = v128.load(p), x1 = v128.load(p + srcRow), x2 = v128.load(p + 2 * srcRow), x3 = v128.load(p + 3 * srcRow);
      // Two rounds of interleaving turn four rows into four columns.
      const t0 = i32x4.shuffle(x0, x1, 0, 4, 1, 5), t1 = i32x4.shuffle(x2, x3, 0, 4, 1, 5);
      const t2 = i32x4.shuffle(x0, x1, 2, 6, 3, 7), t3 = i32x4.shuffle(x2, x3, 2, 6, 3, 7);
      const q = dst + <usize>c * dstRow + (<usize>r << 2);
      v128.store(q, i64x2.shuffle(t0, t1, 0, 2));
      v128.store(q + dstRow, i64x2.shuffle(t0, t1, 1, 3));
      v128.store(q + 2 * dstRow, i64x2.shuffle(t2, t3, 0, 2));
      v128.store(q + 3 * dstRow, i64x2.shuffle(t2, t3, 1, 3));
    }
    for (let c = cols4; c < cols; c++) {
      for (let k = r; k < r + 4; k++) store<f32>(dst + <usize>c * dstRow + (<usize>k << 2), load<f32>(src + <usize>k * srcRow + (<usize>c << 2)));
    }
  }
  for (let r = rows4; r < rows; r++) {
    for (let c = 0; c < cols; c++) store<f32>(dst + <usize>c * dstRow + (<usize>r << 2), load<f32>(src + <usize>r * srcRow + (<usize>c << 2)));
  }
}

/** dst[c, r] = src[r, c] for a row-major rows x cols float32 matrix. */
export function transpose2d(src: usize, dst: usize, rows: i32, cols: i32): void {
  transposeStrided(src, dst, rows, cols, cols, rows);
}

/**
 * dst[c, m, o] = src[o, m, c] for src [outer, middle, inner]: the first and last axes swapped (NHWC images to
 * [C, H, W, N], the layout in which XNNPACK computes a filter gradient as a convolution), one block per middle index.
 */
export function swapOuterAxes(src: usize, dst: usize, outer: i32, middle: i32, inner: i32): void {
  for (let m = 0; m < middle; m++) {
    transposeStrided(src + (<usize>m * inner << 2), dst + (<usize>m * outer << 2), outer, inner, middle * inner, middle * outer);
  }
}

/**
 * dL/dx of a strided convolution, NHWC: the loop of tfjs's WASM Conv2DBackpropInput (which follows its CPU
 * backend), with the same float order per output: a float32 sum from 0 over the output rows yr, then columns yc
 * that the input pixel reached, then output channels in order. `wt` is the filter with its two channel axes
 * swapped, [fh, fw, outC, inC], so four input channels (four outputs) share each vector. `topPad` and `leftPad`
 * are tfjs's (filter size - 1 - the forward's padding), and the window bounds are computed in float32 as there.
 */
export function convInputGrad(dy: usize, wt: usize, dx: usize, batch: i32, inHeight: i32, inWidth: i32, inChannels: i32,
  outHeight: i32, outWidth: i32, outChannels: i32, filterHeight: i32, filterWidth: i32, strideHeight: i32, strideWidth: i32,
  topPad: i32, leftPad: i32): void {
  const vectorEnd = inChannels & ~3;
  const tapBytes = <usize>outChannels * inChannels * 4;
  const inRow = <usize>inChannels * 4;
  let out = dx;
  for (let b = 0; b < batch; b++) {
    for (let xr = 0; xr < inHeight; xr++) {
      const xrCorner = xr - topPad;
      const yrMin = <i32>max(<f32>0, Mathf.ceil(<f32>xrCorner / <f32>strideHeight));
      const yrMax = min(<f32>outHeight, <f32>(filterHeight + xrCorner) / <f32>strideHeight);
      for (let xc = 0; xc < inWidth; xc++, out += inRow) {
        const xcCorner = xc - leftPad;
        const ycMin = <i32>max(<f32>0, Mathf.ceil(<f32>xcCorner / <f32>strideWidth));
        const ycMax = min(<f32>outWidth, <f32>(filterWidth + xcCorner) / <f32>strideWidth);
        let d1 = 0;
        for (; d1 < vectorEnd; d1 += 4) {
          let s = f32x4.splat(0);
          for (let yr = yrMin; <f32>yr < yrMax; yr++) {
            const wr = yr * strideHeight - xrCorner;
            for (let yc = ycMin; <f32>yc < ycMax; yc++) {
              const wc = yc * strideWidth - xcCorner;
              let g = dy + ((<usize>((b * outHeight + yr) * outWidth + yc) * outChannels) << 2);
              let w = wt + <usize>((filterHeight - 1 - wr) * filterWidth + (filterWidth - 1 - wc)) * tapBytes + (<usize>d1 << 2);
              for (let d2 = 0; d2 < outChannels; d2++, g += 4, w += inRow) {
                s = f32x4.add(s, f32x4.mul(v128.load32_splat(g), v128.load(w)));
              }
            }
          }
          v128.store(out + (<usize>d1 << 2), s);
        }
        for (; d1 < inChannels; d1++) {
          let s: f32 = 0;
          for (let yr = yrMin; <f32>yr < yrMax; yr++) {
            const wr = yr * strideHeight - xrCorner;
            for (let yc = ycMin; <f32>yc < ycMax; yc++) {
              const wc = yc * strideWidth - xcCorner;
              let g = dy + ((<usize>((b * outHeight + yr) * outWidth + yc) * outChannels) << 2);
              let w = wt + <usize>((filterHeight - 1 - wr) * filterWidth + (filterWidth - 1 - wc)) * tapBytes + (<usize>d1 << 2);
              for (let d2 = 0; d2 < outChannels; d2++, g += 4, w += inRow) s += load<f32>(g) * load<f32>(w);
            }
          }
          store<f32>(out + (<usize>d1 << 2), s);
        }
      }
    }
  }
}

/**
 * dL/dW of a small convolution, NHWC, read in place: dw[kh, kw, ci, co] = sum over (oh, ow, b), in that order, of
 * x[b, oh*sh + kh - top, ow*sw + kw - left, ci] * dy[b, oh, ow, co], a tap outside the image counting as a 0 that
 * is still multiplied and added. That is the order XNNPACK's convolution follows when wasm-kernels.ts computes
 * this sum as a convolution of x (channels as the batch) with dy (as the filter), the order conv1FilterGrad3
 * keeps too. Sixteen (or four) output channels per step, one running sum per lane.
 */
export function smallConvFilterGrad(x: usize, dy: usize, dw: usize, batch: i32, inHeight: i32, inWidth: i32, inChannels: i32,
  outHeight: i32, outWidth: i32, outChannels: i32, filterHeight: i32, filterWidth: i32, strideHeight: i32, strideWidth: i32,
  top: i32, left: i32): void {
  const dyRow = <usize>outChannels * 4;
  const dyImage = <usize>outHeight * outWidth * dyRow;
  const xImage = <usize>inHeight * inWidth * inChannels * 4;
  const tile = (outChannels & 15) == 0 ? 16 : 4;
  let out = dw;
  for (let kh = 0; kh < filterHeight; kh++) {
    for (let kw = 0; kw < filterWidth; kw++) {
      for (let ci = 0; ci < inChannels; ci++) {
        for (let co = 0; co < outChannels; co += tile, out += <usize>tile << 2) {
          let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
          for (let oh = 0; oh < outHeight; oh++) {
            const ih = oh * strideHeight + kh - top;
            for (let ow = 0; ow < outWidth; ow++) {
              const iw = ow * strideWidth + kw - left;
              const inside = ih >= 0 && ih < inHeight && iw >= 0 && iw < inWidth;
              let p = x + ((<usize>((ih * inWidth + iw) * inChannels + ci)) << 2);
              let g = dy + ((<usize>(oh * outWidth + ow)) * dyRow) + (<usize>co << 2);
              if (tile == 16) {
                for (let b = 0; b < batch; b++, p += xImage, g += dyImage) {
                  const u = inside ? v128.load32_splat(p) : f32x4.splat(0);
                  a0 = f32x4.add(a0, f32x4.mul(u, v128.load(g))); a1 = f32x4.add(a1, f32x4.mul(u, v128.load(g, 16)));
                  a2 = f32x4.add(a2, f32x4.mul(u, v128.load(g, 32))); a3 = f32x4.add(a3, f32x4.mul(u, v128.load(g, 48)));
                }
              } else {
                for (let b = 0; b < batch; b++, p += xImage, g += dyImage) {
                  const u = inside ? v128.load32_splat(p) : f32x4.splat(0);
                  a0 = f32x4.add(a0, f32x4.mul(u, v128.load(g)));
                }
              }
            }
          }
          v128.store(out, a0);
          if (tile == 16) { v128.store(out, a1, 16); v128.store(out, a2, 32); v128.store(out, a3, 48); }
        }
      }
    }
  }
}

/**
 * The first half of a log-softmax over `classes` logits per row, as tfjs's logSoftmax starts it: each row's
 * largest logit subtracted from the row (tfjs runs Max, then a broadcasting Sub; the same subtraction here,
 * in one pass). The largest value is one of the row's own, so it is the same whichever way it is found.
 */
export function softmaxShift(x: usize, shifted: usize, rows: i32, classes: i32): void {
  const stride = <usize>classes << 2;
  let p = x;
  let q = shifted;
  for (let r = 0; r < rows; r++, p += stride, q += stride) {
    let top = load<f32>(p);
    for (let c = 1; c < classes; c++) {
      const v = load<f32>(p + (<usize>c << 2));
      if (v > top) top = v;
    }
    for (let c = 0; c < classes; c++) {
      const o = <usize>c << 2;
      store<f32>(q + o, load<f32>(p + o) - top);
    }
  }
}

/**
 * The rest of a per-pixel cross-entropy, weighted: with `targets` packed per pixel as (class, mask) float
 * pairs, value = shifted - logSum (the log-softmax, kept for the gradient), the pixel's weight
 * w = mask * maskWeight + outsideWeight, and weighted = w * -value[class]. Each is the float32 operation
 * tfjs's graph did (its one-hot sum adds only zeros to the chosen log-probability, so it changes nothing).
 */
export function pixelCrossEntropy(shifted: usize, logSum: usize, targets: usize, value: usize, weighted: usize, weights: usize,
  pixels: i32, classes: i32, maskWeight: f32, outsideWeight: f32): void {
  const stride = <usize>classes << 2;
  let p = shifted;
  let q = value;
  for (let i = 0; i < pixels; i++, p += stride, q += stride) {
    const o = <usize>i << 2;
    const lse = load<f32>(logSum + o);
    for (let c = 0; c < classes; c++) {
      const k = <usize>c << 2;
      store<f32>(q + k, load<f32>(p + k) - lse);
    }
    const label = <i32>load<f32>(targets + (o << 1));
    const mask = load<f32>(targets + (o << 1) + 4);
    const w = mask * maskWeight + outsideWeight;
    const ce: f32 = label >= 0 && label < classes ? -load<f32>(q + (<usize>label << 2)) : 0;
    store<f32>(weighted + o, ce * w);
    store<f32>(weights + o, w);
  }
}

/**
 * The gradient of `pixelCrossEntropy`'s weighted output with respect to the logits, from dy (one per pixel),
 * and the forward pass's exponentials of the shifted logits with their sum per pixel, so softmax = exps / sum
 * costs a division instead of a second exponential: g = dy * w, then g * softmax for every class but the right
 * one, and g * softmax - g for it. That is w * dy * (softmax - onehot), rounded as tfjs's chain of gradients
 * rounds it (its Sub of a broadcast product from the one-hot's gradient), signed zeros included; only the
 * softmax may differ from tfjs's exp(log-softmax) in its last bit.
 */
export function pixelCrossEntropyGrad(dy: usize, exps: usize, sums: usize, targets: usize, dx: usize, pixels: i32, classes: i32,
  maskWeight: f32, outsideWeight: f32): void {
  const stride = <usize>classes << 2;
  let p = exps;
  let q = dx;
  for (let i = 0; i < pixels; i++, p += stride, q += stride) {
    const o = <usize>i << 2;
    const sum = load<f32>(sums + o);
    const label = <i32>load<f32>(targets + (o << 1));
    const mask = load<f32>(targets + (o << 1) + 4);
    const g = load<f32>(dy + o) * (mask * maskWeight + outsideWeight);
    if (g == 0) {
      // tfjs's chain turns a zero gradient into -g in every class (its sums start from +0).
      for (let c = 0; c < classes; c++) store<f32>(q + (<usize>c << 2), -g);
      continue;
    }
    for (let c = 0; c < classes; c++) {
      const k = <usize>c << 2;
      const gs = g * (load<f32>(p + k) / sum);
      // tfjs subtracts this product from a signed zero, so an underflowed product comes out +0.
      store<f32>(q + k, c == label ? gs - g : (gs == 0 ? 0 : gs));
    }
  }
}

/**
 * Per row of `pixels` pixels: the share of its mask pixels whose largest logit (the first, among equals, as
 * tfjs's ArgMax picks) is the pixel's class, out of max(mask pixels, 1). The counts are whole numbers, so
 * the float32 sums tfjs made of them were exact and this gives the same share.
 */
export function pixelScore(logits: usize, targets: usize, out: usize, rows: i32, pixels: i32, classes: i32): void {
  const stride = <usize>classes << 2;
  let p = logits;
  let t = targets;
  for (let r = 0; r < rows; r++) {
    let right: f32 = 0;
    let inMask: f32 = 0;
    for (let i = 0; i < pixels; i++, p += stride, t += 8) {
      let top = load<f32>(p);
      let best = 0;
      for (let c = 1; c < classes; c++) {
        const v = load<f32>(p + (<usize>c << 2));
        if (v > top) {
          top = v;
          best = c;
        }
      }
      const mask = load<f32>(t + 4);
      inMask += mask;
      if (best == <i32>load<f32>(t)) right += mask;
    }
    store<f32>(out + (<usize>r << 2), right / (inMask > 1 ? inMask : 1));
  }
}
