import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '#tf';
import { loadMnistFromDisk } from '../data/node-assets';
import { sliceSet, type Mnist } from '../data/mnist';
import { buildDigitClassifier, buildTaskModel, trainableVariables, type FeatureSource } from '../models/architecture';
import { TrainingRun, type TrainOptions } from '../train/trainer';
import { evaluate } from '../eval/evaluate';
import { taskById } from '../tasks/registry';
import { presetConfig } from '../config/presets';
import { leakedTensors, useCpuBackend, useWasmBackend } from '../testing/fixtures';
import { extractFeatures, type FeatureMatrix } from './extract';
import { DIGIT_HEAD_LAYER, buildFeatureHead, installHead, trainFeatureHead } from './head';

let mnist: Mnist;
beforeAll(async () => {
  await useWasmBackend();
  mnist = await loadMnistFromDisk();
});

// The protocol's head settings (SGD with momentum, batch 64, validation split, early stopping on training
// accuracy), with fewer epochs to keep the test short; patience 2 so early stopping really happens.
const options = (seed: number): TrainOptions => ({
  epochs: 12, batchSize: 64, optimizer: { kind: 'sgd', learningRate: 0.001, momentum: 0.9 },
  shuffle: true, seed, validationSplit: 0.2, patience: 2, scaling: 'raw',
});

describe('a head on cached features', () => {
  it('starts from the very weights buildDigitClassifier gives its Dense layer', () => {
    const classifier = buildDigitClassifier('random', 3);
    const head = buildFeatureHead(3, 288);
    try {
      const a = classifier.layers[DIGIT_HEAD_LAYER].getWeights().map((w) => w.dataSync());
      const b = head.layers[head.layers.length - 1].getWeights().map((w) => w.dataSync());
      expect(b).toEqual(a);
    } finally {
      classifier.dispose();
      head.dispose();
    }
  });

  it('gives the features the classifier computes inside itself, whatever the batch size', async () => {
    const classifier = buildDigitClassifier('random', 4);
    try {
      const set = sliceSet(mnist.test, 0, 70);
      const big = await extractFeatures(classifier, set, { scaling: 'raw' });
      const small = await extractFeatures(classifier, set, { scaling: 'raw', batchSize: 32 });
      expect(big.width).toBe(288);
      expect(small.values).toEqual(big.values);
      const flat = await extractFeatures(classifier, set, { scaling: 'raw', depth: 5 });
      expect(flat.values).toEqual(big.values);
      const block1 = await extractFeatures(classifier, set, { scaling: 'raw', depth: 2 });
      expect(block1.width).toBe(7 * 7 * 64);
      await expect(extractFeatures(classifier, set, { scaling: 'raw', depth: 9 })).rejects.toThrow(/depth must be a whole number from 1 to 6, got 9/);
    } finally {
      classifier.dispose();
    }
  });

  // The claim the curve rests on: training the head on cached features is the same computation as training
  // the whole frozen network. The forward pass through frozen layers gives the same features (above), the
  // Dense layer's gradient depends only on them, and the same seed gives the same shuffles; the head's
  // typed-array trainer follows the CPU backend's arithmetic operation by operation. So on the CPU backend
  // every weight, every epoch's numbers and the test accuracy agree bit for bit. (On WASM the typed-array head
  // agrees with tfjs to rounding only: speed/head/js-fit.test.ts.)
  for (const use of ['random', 'transfer'] as const satisfies readonly FeatureSource[]) {
    it(`trains the ${use} head to the same numbers as the frozen network, to the last digit (CPU backend)`, async () => {
      await useCpuBackend();
      // (Small, because the CPU backend's convolutions are slow: the frozen network runs them every epoch.)
      const labelled = sliceSet(mnist.train, 10_000, 128);
      const test = sliceSet(mnist.test, 0, 300);
      // An untrained pretext model from another seed: different convolutions from the random trunk's.
      const source = buildTaskModel(taskById('rotation'), 11);
      const classifier = buildDigitClassifier(use, 2, source);
      try {
        const slow = await new TrainingRun(classifier, labelled, options(77)).run();
        const slowTest = await evaluate(classifier, test, { scaling: 'raw', batchSize: 64 });
        const trunk = use === 'transfer' ? source : buildDigitClassifier('random', 2);
        let weights: Float32Array[] = [];
        const fast = await trainFeatureHead(
          2,
          { features: await extractFeatures(trunk, labelled, { scaling: 'raw' }), labels: labelled.labels },
          { features: await extractFeatures(trunk, test, { scaling: 'raw' }), labels: test.labels },
          options(77), {},
          (head) => {
            weights = head.layers[head.layers.length - 1].getWeights().map((w) => w.dataSync() as Float32Array);
            const copy = buildDigitClassifier('random', 0);
            installHead(copy, head);
            expect(copy.layers[DIGIT_HEAD_LAYER].getWeights()[0].dataSync()).toEqual(weights[0]);
            copy.dispose();
          },
        );
        if (trunk !== source) trunk.dispose();
        expect(fast.train.reason).toBe(slow.reason);
        // Every number of every epoch, losses included, to the last digit.
        expect(fast.train.history).toEqual(slow.history);
        // (The random head stops early here, so the two loops' early stopping is compared too.)
        if (use === 'random') expect(slow.reason).toBe('early-stopped');
        expect(fast.test.accuracy).toBe(slowTest.accuracy);
        expect(fast.test.loss).toBe(slowTest.loss);
        expect(weights).toEqual(classifier.layers[DIGIT_HEAD_LAYER].getWeights().map((w) => w.dataSync()));
      } finally {
        classifier.dispose();
        source.dispose();
        await useWasmBackend();
      }
    }, 120_000);
  }

  // With a *trained* trunk, the WASM backend's numbers for the through-the-trunk gradient move by float
  // rounding: when the frozen convolutions are recorded on the gradient tape, the Dense layer's gradient
  // (and even the softmax's) comes out a few ulps different, although the forward pass is bit-identical. The
  // CPU backend gives identical gradients either way, so this is the WASM kernels' summation order, not a
  // difference in what is computed. Raw 0-255 pixels make the head's training chaotic (losses of ~200), so
  // over 50 epochs that rounding can move a final accuracy by a few points, as a different seed does; which
  // is why the protocol keeps training frozen heads through the trunk (its published numbers must not move)
  // and only the label-efficiency curve uses cached features.
  it('with a trained trunk, gives the through-the-trunk gradient to float rounding on WASM, and exactly on CPU', async () => {
    const pretext = buildTaskModel(taskById('rotation'), 1);
    const images = sliceSet(mnist.train, 0, 400);
    const examples = taskById('rotation').buildExamples(images, { seed: 1, config: { ...presetConfig('lecture'), rotationOrder: 'lecture' } });
    await new TrainingRun(pretext, examples, {
      epochs: 1, batchSize: 192, optimizer: { kind: 'adam', learningRate: 0.001 }, shuffle: false, seed: 1,
      validationSplit: 0, patience: null, scaling: 'raw',
    }).run();
    const classifier = buildDigitClassifier('transfer', 1, pretext);
    const head = buildFeatureHead(1, 288);
    const batch = sliceSet(mnist.train, 10_000, 64);
    const gradients = (features: FeatureMatrix) => tf.tidy(() => {
      const xs = tf.tensor4d(Float32Array.from(batch.images), [64, 28, 28, 1]);
      const hx = tf.tensor2d(features.values, [64, 288]);
      const ys = tf.tensor1d(Int32Array.from(batch.labels), 'int32');
      const loss = (logits: tf.Tensor) => tf.mean(tf.neg(tf.sum(tf.mul(tf.oneHot(ys, 10), tf.logSoftmax(logits)), 1))) as tf.Scalar;
      const through = tf.variableGrads(() => loss(classifier.apply(xs) as tf.Tensor), trainableVariables(classifier)).grads;
      const cached = tf.variableGrads(() => loss(head.apply(hx) as tf.Tensor), trainableVariables(head)).grads;
      return [Object.values(through), Object.values(cached)].map((gs) => gs.map((g) => g.dataSync() as Float32Array));
    });
    try {
      const [through, cached] = gradients(await extractFeatures(pretext, batch, { scaling: 'raw' }));
      for (let v = 0; v < 2; v++) {
        const scale = Math.max(...through[v].map(Math.abs));
        const worst = Math.max(...through[v].map((g, i) => Math.abs(g - cached[v][i])));
        expect(worst / scale).toBeLessThan(1e-5);
      }
      await tf.setBackend('cpu');
      // (The CPU's convolutions round differently from WASM's, so its features are extracted on the CPU too.)
      const [cpuThrough, cpuCached] = gradients(await extractFeatures(pretext, batch, { scaling: 'raw' }));
      expect(cpuCached).toEqual(cpuThrough);
    } finally {
      await useWasmBackend();
      classifier.dispose();
      head.dispose();
      pretext.dispose();
    }
  }, 60_000);

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const trunk = buildDigitClassifier('random', 5);
    const labelled = sliceSet(mnist.train, 10_000, 100);
    const test = sliceSet(mnist.test, 0, 100);
    const leaked = await leakedTensors(async () => {
      const features = await extractFeatures(trunk, labelled, { scaling: 'raw' });
      const testFeatures = await extractFeatures(trunk, test, { scaling: 'raw' });
      await trainFeatureHead(5, { features, labels: labelled.labels }, { features: testFeatures, labels: test.labels }, { ...options(1), epochs: 2 });
    });
    trunk.dispose();
    expect(leaked).toBe(0);
    // And disposing the trunk returns the backend to where it was: the features held nothing else.
    expect(tf.memory().numTensors).toBe(before);
  });
});
