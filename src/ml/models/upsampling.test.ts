// @vitest-environment node
import * as tf from '#tf';
import { afterAll, describe, expect, it } from 'vitest';
import { useWasmBackend } from '../testing/fixtures';
import { blockSum, upsamplingLayer, wholeFactors } from './upsampling';

/** The gradient of sum(UpSampling2D(x) * dy) with respect to x, through the layer as a model uses it. */
async function layerGradient(dy: tf.Tensor4D, factor: number): Promise<Float32Array> {
  const layer = upsamplingLayer(factor);
  const [b, h, w, c] = dy.shape;
  const x = tf.zeros([b, h / factor, w / factor, c]);
  const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(layer.apply(t) as tf.Tensor, dy)))(x);
  const out = (await g.data()) as Float32Array;
  tf.dispose([x, g]);
  return out;
}

/** The block sums worked out by hand in plain JavaScript. */
function byHand(dy: Float32Array, [b, h, w, c]: number[], f: number): Float32Array {
  const out = new Float32Array(b * (h / f) * (w / f) * c);
  for (let n = 0; n < b; n++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let k = 0; k < c; k++) {
    out[((n * (h / f) + Math.floor(y / f)) * (w / f) + Math.floor(x / f)) * c + k] += dy[((n * h + y) * w + x) * c + k];
  }
  return out;
}

describe('UpSampling2D with a gradient every backend gets right', () => {
  const shape = [3, 28, 28, 5];
  const values = Float32Array.from({ length: 3 * 28 * 28 * 5 }, (_, i) => Math.sin(i * 0.37));
  const expected = byHand(values, shape, 2);

  afterAll(async () => { await tf.setBackend('cpu'); });

  it.each(['cpu', 'wasm'] as const)('gives every small pixel the sum of its block, image by image, on %s', async (backend) => {
    if (backend === 'wasm') await useWasmBackend();
    else await tf.setBackend('cpu');
    const dy = tf.tensor4d(values, shape as [number, number, number, number]);
    const got = await layerGradient(dy, 2);
    dy.dispose();
    // tfjs's own CPU kernel puts the second and third images' sums wrong; this is the test that would show it.
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
  });

  it('knows a whole enlargement from any other resize', () => {
    expect(wholeFactors([1, 14, 14, 5], [1, 28, 28, 5])).toEqual([2, 2]);
    expect(wholeFactors([1, 4, 5, 1], [1, 12, 10, 1])).toEqual([3, 2]);
    expect(wholeFactors([1, 4, 4, 1], [1, 10, 8, 1])).toBeNull();
  });

  it('sums blocks with plain ops, leaving no tensors behind', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const dy = tf.tensor4d(values, shape as [number, number, number, number]);
    const sums = blockSum(dy, 2, 2);
    const got = (await sums.data()) as Float32Array;
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
    tf.dispose([dy, sums]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
