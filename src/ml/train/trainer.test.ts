import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '#tf';
import { TrainingRun, type TrainOptions } from './trainer';
import { buildDigitClassifier, buildTaskModel } from '../models/architecture';
import { rotationTask } from '../tasks/rotation';
import { evaluate } from '../eval/evaluate';
import { leakedTensors, toyImageSet, useWasmBackend } from '../testing/fixtures';
import { SettingError } from '../config/validate';
import type { BatchEvent, EpochEvent } from './events';

beforeAll(useWasmBackend);

const SGD: TrainOptions = {
  epochs: 2, batchSize: 16, optimizer: { kind: 'sgd', learningRate: 0.01, momentum: 0.9 },
  shuffle: true, seed: 5, validationSplit: 0.25, patience: null, scaling: 'unit',
};

async function trainOnce(seed: number): Promise<number[]> {
  const data = toyImageSet(64, 10);
  const model = buildDigitClassifier('scratch', seed);
  const losses: number[] = [];
  await new TrainingRun(model, data, { ...SGD, seed }, { onBatchEnd: (e) => losses.push(e.loss) }).run();
  model.dispose();
  return losses;
}

describe('training loop', () => {
  it('is reproducible: the same seed gives identical losses, another seed different ones', async () => {
    const a = await trainOnce(11);
    const b = await trainOnce(11);
    const c = await trainOnce(12);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('holds out the last rows for validation (Keras validation_split) and reports both', async () => {
    const data = toyImageSet(40, 10);
    const model = buildDigitClassifier('scratch', 1);
    const epochs: EpochEvent[] = [];
    const batches: BatchEvent[] = [];
    const result = await new TrainingRun(model, data, { ...SGD, validationSplit: 0.2, batchSize: 10 }, {
      onEpochEnd: (e) => epochs.push(e), onBatchEnd: (e) => batches.push(e),
    }).run();
    // 40 images, 20% held out: 32 train in batches of 10 -> 4 batches (10, 10, 10, 2) per epoch.
    expect(batches.filter((b) => b.epoch === 0).length).toBe(4);
    expect(batches[3].batchesPerEpoch).toBe(4);
    expect(result.examplesSeen).toBe(64);
    expect(epochs).toHaveLength(2);
    // The validation numbers are exactly an evaluation on the last 8 rows.
    const rows = Array.from({ length: 8 }, (_, i) => 32 + i);
    const check = await evaluate(model, data, { rows, scaling: 'unit', batchSize: 10 });
    expect(epochs[1].valLoss).toBeCloseTo(check.loss, 5);
    expect(epochs[1].valAccuracy).toBe(check.accuracy);
    model.dispose();
  });

  it('learns: a toy task reaches high accuracy', async () => {
    const data = toyImageSet(200, 4);
    const model = buildDigitClassifier('scratch', 3);
    const result = await new TrainingRun(model, data, { ...SGD, epochs: 6, validationSplit: 0 }).run();
    expect(result.history[result.history.length - 1].accuracy).toBeGreaterThan(0.9);
    model.dispose();
  });

  it('stops early when training accuracy stops improving', async () => {
    const data = toyImageSet(32, 10);
    const model = buildDigitClassifier('scratch', 2);
    // A learning rate this tiny changes nothing measurable: accuracy stays flat, patience runs out.
    const result = await new TrainingRun(model, data, {
      ...SGD, epochs: 30, patience: 2, validationSplit: 0, optimizer: { kind: 'sgd', learningRate: 1e-9, momentum: 0 },
    }).run();
    expect(result.reason).toBe('early-stopped');
    expect(result.epochsRun).toBe(3);
    expect(result.message).toMatch(/did not improve for 2 epochs/);
    model.dispose();
  });

  it('pauses, steps one batch at a time, resumes, and stops for good', async () => {
    const data = toyImageSet(64, 10);
    const model = buildDigitClassifier('scratch', 4);
    const batches: BatchEvent[] = [];
    const run = new TrainingRun(model, data, { ...SGD, epochs: 5, validationSplit: 0 }, { onBatchEnd: (e) => batches.push(e) });
    run.pause(); // before it starts: it must wait for step/resume
    const done = run.run();
    await new Promise((r) => setTimeout(r, 50));
    run.pause();
    await new Promise((r) => setTimeout(r, 50));
    expect(run.status).toBe('paused');
    const seen = batches.length;
    run.step();
    await new Promise((r) => setTimeout(r, 100));
    expect(batches.length).toBe(seen + 1);
    expect(run.status).toBe('paused');
    run.resume();
    await new Promise((r) => setTimeout(r, 30));
    run.stop();
    const result = await done;
    expect(result.reason).toBe('stopped');
    expect(result.examplesSeen).toBeLessThan(5 * 64);
    expect(run.status).toBe('finished');
    model.dispose();
  });

  it('stops on a NaN loss and restores the weights from the start of that epoch', async () => {
    const data = toyImageSet(32, 10);
    const model = buildDigitClassifier('scratch', 6);
    let atEpochStart: number[] = [];
    // Simulate a numerical fault (as a flaky GPU can produce): poison the head in the middle of epoch 2.
    const result = await new TrainingRun(model, data, { ...SGD, validationSplit: 0, epochs: 3, batchSize: 8 }, {
      onEpochEnd: (e) => {
        if (e.epoch === 0) atEpochStart = Array.from(model.layers[0].getWeights()[0].dataSync());
      },
      onBatchEnd: (e) => {
        if (e.epoch === 1 && e.batch === 1) {
          const [kernel, bias] = model.layers[5].getWeights();
          model.layers[5].setWeights([tf.fill(kernel.shape, NaN), bias]);
        }
      },
    }).run();
    expect(result.reason).toBe('diverged');
    expect(result.message).toMatch(/loss became NaN in epoch 2, batch 3.*restored/);
    expect(Array.from(model.layers[0].getWeights()[0].dataSync())).toEqual(atEpochStart);
    expect(Array.from(model.layers[5].getWeights()[0].dataSync()).every(Number.isFinite)).toBe(true);
    model.dispose();
  });

  it('refuses bad settings before training, naming the setting and its range', () => {
    const data = toyImageSet(10, 10);
    const model = buildDigitClassifier('scratch', 1);
    expect(() => new TrainingRun(model, data, { ...SGD, batchSize: 0 })).toThrow(SettingError);
    expect(() => new TrainingRun(model, data, { ...SGD, batchSize: 0 })).toThrow(/train\.batchSize must be a whole number from 1 to 8192, got 0/);
    expect(() => new TrainingRun(model, data, { ...SGD, optimizer: { kind: 'adam', learningRate: -1 } })).toThrow(/learningRate must be a number greater than 0/);
    expect(() => new TrainingRun(model, data, { ...SGD, validationSplit: 0.95 })).toThrow(/validationSplit/);
    model.dispose();
  });
});

describe('transfer', () => {
  it('keeps the frozen layers bit-identical while the head learns', async () => {
    const pretext = buildTaskModel(rotationTask, 8);
    const model = buildDigitClassifier('transfer', 8, pretext);
    const frozenBefore = [0, 2].map((i) => model.layers[i].getWeights().map((w) => Array.from(w.dataSync())));
    const headBefore = Array.from(model.layers[5].getWeights()[0].dataSync());
    await new TrainingRun(model, toyImageSet(64, 10), SGD).run();
    const frozenAfter = [0, 2].map((i) => model.layers[i].getWeights().map((w) => Array.from(w.dataSync())));
    expect(frozenAfter).toEqual(frozenBefore);
    const headAfter = Array.from(model.layers[5].getWeights()[0].dataSync());
    expect(headAfter).not.toEqual(headBefore);
    model.dispose();
    pretext.dispose();
  });

  it('leaves no tensors behind after pretext training, transfer, training and evaluation', async () => {
    const leaked = await leakedTensors(async () => {
      const data = toyImageSet(48, 4);
      const pretext = buildTaskModel(rotationTask, 9);
      await new TrainingRun(pretext, data, { ...SGD, optimizer: { kind: 'adam', learningRate: 0.001 }, validationSplit: 0 }).run();
      const downstream = buildDigitClassifier('transfer', 9, pretext);
      await new TrainingRun(downstream, toyImageSet(40, 10), SGD).run();
      await evaluate(downstream, toyImageSet(20, 10), { scaling: 'unit' });
      downstream.dispose();
      pretext.dispose();
    });
    expect(leaked).toBe(0);
  });
});
