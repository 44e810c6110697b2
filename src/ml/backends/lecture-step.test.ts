// @vitest-environment node
/**
 * The lecture's pretext model, exactly as shaped (28x28x1 -> conv 64 s2 -> pool -> conv 32 -> pool -> conv 16 s2
 * -> dense 4), one training step's gradients for every weight: the WASM backend with Pretext Lab's kernels
 * (2x2 pool gradient, leading-axes sums, the convolution-route gradients) against
 * tfjs's CPU backend.
 */
import * as tf from '#tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { installTrainingKernels } from '../speed/kernels';

const BATCH = 6;

function lectureModel(): tf.Sequential {
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: 3, strides: 2, activation: 'relu', padding: 'same', kernelInitializer: init(1) }));
  m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  m.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, strides: 1, activation: 'relu', padding: 'same', kernelInitializer: init(2) }));
  m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  m.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, activation: 'relu', padding: 'same', kernelInitializer: init(3) }));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: 4, kernelInitializer: init(4) }));
  return m;
}

/** Raw 0-255 pixels, as the lecture feeds them, identical on every backend. */
function pixels(): Float32Array {
  const out = new Float32Array(BATCH * 28 * 28);
  let s = 12345;
  for (let i = 0; i < out.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s >>> 24) > 150 ? s >>> 24 : 0; // sparse strokes, many exact zeros and ties, like MNIST
  }
  return out;
}

/** Gradients of the softmax cross-entropy of one batch, by weight name, plus the loss. */
function stepGradients(): { loss: number; grads: Map<string, Float32Array> } {
  const model = lectureModel();
  const xs = tf.tensor4d(pixels(), [BATCH, 28, 28, 1]);
  const ys = tf.oneHot(tf.tensor1d(Array.from({ length: BATCH }, (_, i) => i % 4), 'int32'), 4);
  const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as tf.Tensor) as tf.Scalar);
  const out = new Map<string, Float32Array>();
  model.trainableWeights.forEach((w, i) => out.set(`${i}:${w.shape.join('x')}`, grads[w.originalName].dataSync() as Float32Array));
  const loss = value.dataSync()[0];
  tf.dispose([xs, ys, value, ...Object.values(grads)]);
  model.dispose();
  return { loss, grads: out };
}

describe("the lecture model's training step on wasm", () => {
  let reference: { loss: number; grads: Map<string, Float32Array> };

  beforeAll(async () => {
    await tf.setBackend('cpu');
    reference = stepGradients();
    installTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
  }, 120_000); // the cpu backend's convolutions are slow, more so on a busy machine

  it('gives every weight the cpu backend gradient, up to float rounding', () => {
    const got = stepGradients();
    expect(got.loss).toBeCloseTo(reference.loss, 4);
    expect([...got.grads.keys()]).toEqual([...reference.grads.keys()]);
    for (const [name, want] of reference.grads) {
      const have = got.grads.get(name)!;
      let diff = 0;
      let scale = 0;
      want.forEach((v, i) => {
        diff = Math.max(diff, Math.abs(have[i] - v));
        scale = Math.max(scale, Math.abs(v));
      });
      expect(diff / Math.max(scale, 1e-12), name).toBeLessThan(1e-4);
    }
  });
});
