/**
 * The two image operations behind MNIST's normalisation: shrinking by area averaging and shifting by a
 * fraction of a pixel. Plain typed arrays and loops, no tensors: the images are tiny and this runs on
 * every pointer move while a student draws.
 *
 * Coordinates are continuous: pixel i covers [i, i + 1) and its centre sits at i + 0.5.
 */

/** The source pixels one output sample averages, as a first index and one weight per pixel. */
interface Taps {
  readonly first: number;
  readonly weights: Float64Array;
}

/**
 * For each of `outLength` output samples, the share of each of `inLength` source pixels it covers.
 *
 * Output pixel o stretches over source interval [o * r, (o + 1) * r) with r = inLength / outLength. Its
 * value is the mean of the source over that interval, so a source pixel that is only partly inside
 * counts only in proportion. That is what keeps a stroke one source pixel thick from vanishing when we
 * shrink 10x: it comes out as a faint grey instead of being skipped, which is how MNIST's anti-aliased
 * edges look. (Point sampling, as a naive `drawImage` or nearest-neighbour would do, drops it.)
 */
function boxTaps(inLength: number, outLength: number): Taps[] {
  const ratio = inLength / outLength;
  const taps: Taps[] = [];
  for (let o = 0; o < outLength; o++) {
    const lo = o * ratio;
    const hi = Math.min(inLength, (o + 1) * ratio);
    const first = Math.floor(lo);
    const last = Math.min(inLength - 1, Math.ceil(hi) - 1);
    const weights = new Float64Array(last - first + 1);
    for (let i = first; i <= last; i++) {
      // Overlap of source pixel [i, i + 1) with [lo, hi), as a fraction of the interval's length.
      weights[i - first] = (Math.min(hi, i + 1) - Math.max(lo, i)) / ratio;
    }
    taps.push({ first, weights });
  }
  return taps;
}

/**
 * Resizes a `width` x `height` image to `outWidth` x `outHeight` by area averaging (a box filter).
 * Works for enlarging too, where each output pixel simply takes the one or two source pixels under it.
 * The filter is separable, so we do rows first and then columns: two cheap passes instead of one 2-D one.
 */
export function resizeBox(
  src: Float32Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): Float32Array {
  const across = boxTaps(width, outWidth);
  const down = boxTaps(height, outHeight);
  const rows = new Float32Array(height * outWidth);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < outWidth; x++) {
      const { first, weights } = across[x];
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k] * src[row + first + k];
      rows[y * outWidth + x] = sum;
    }
  }
  const out = new Float32Array(outHeight * outWidth);
  for (let y = 0; y < outHeight; y++) {
    const { first, weights } = down[y];
    for (let x = 0; x < outWidth; x++) {
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k] * rows[(first + k) * outWidth + x];
      out[y * outWidth + x] = sum;
    }
  }
  return out;
}

/**
 * Pastes a `width` x `height` image into a blank `size` x `size` canvas, moved right by `dx` and down by
 * `dy` pixels. A whole-pixel shift is an exact copy. A fractional one is a bilinear blend of the two
 * nearest whole-pixel shifts: it keeps the total ink and moves the centre of mass by exactly (dx, dy),
 * but softens edges a little. Ink pushed past the border is lost, as it is in MNIST.
 */
export function placeShifted(
  src: Float32Array,
  width: number,
  height: number,
  dx: number,
  dy: number,
  size: number,
): Float32Array {
  const out = new Float32Array(size * size);
  const at = (x: number, y: number): number =>
    x >= 0 && x < width && y >= 0 && y < height ? src[y * width + x] : 0;
  for (let y = 0; y < size; y++) {
    // Output pixel y shows what sat at y - dy in the source.
    const sy = y - dy;
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    for (let x = 0; x < size; x++) {
      const sx = x - dx;
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      const top = (1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0);
      const bottom = (1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1);
      out[y * size + x] = (1 - fy) * top + fy * bottom;
    }
  }
  return out;
}
