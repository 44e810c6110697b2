import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '#tf';
import { buildDigitClassifier, buildTaskModel, planDigitClassifier, planTaskModel, type FeatureSource } from './architecture';
import { summarizePlan } from './plan';
import { TASK_IDS, taskById } from '../tasks/registry';
import { rotationTask } from '../tasks/rotation';
import { summarizeModel } from './summary';
import { useCpuBackend } from '../testing/fixtures';

beforeAll(useCpuBackend);

describe("the lecture's models", () => {
  it('pretext model: 23,988 parameters, Keras shapes', () => {
    const model = buildTaskModel(rotationTask, 1);
    const summary = summarizeModel(model);
    expect(summary.totalParams).toBe(23_988);
    expect(summary.trainableParams).toBe(23_988);
    expect(summary.rows.map((r) => [r.name, r.outputShape, r.params])).toEqual([
      ['conv2d', [null, 14, 14, 64], 640],
      ['max_pooling2d', [null, 7, 7, 64], 0],
      ['conv2d_1', [null, 7, 7, 32], 18_464],
      ['max_pooling2d_1', [null, 3, 3, 32], 0],
      ['conv2d_2', [null, 2, 2, 16], 4_624],
      ['flatten', [null, 64], 0],
      ['dense', [null, 4], 260],
    ]);
    expect(summary.rows[6].activation).toBe('softmax');
    model.dispose();
  });

  it('downstream: 21,994 parameters, 2,890 trainable, 19,104 frozen', () => {
    const pretext = buildTaskModel(rotationTask, 1);
    const downstream = buildDigitClassifier('transfer', 1, pretext);
    const summary = summarizeModel(downstream);
    expect([summary.totalParams, summary.trainableParams, summary.frozenParams]).toEqual([21_994, 2_890, 19_104]);
    expect(summary.rows.map((r) => r.trainable)).toEqual([false, false, false, false, false, true]);
    // The transferred convolutions hold the pretext model's values.
    const a = pretext.layers[2].getWeights()[0].dataSync();
    const b = downstream.layers[2].getWeights()[0].dataSync();
    expect(Array.from(b)).toEqual(Array.from(a));
    pretext.dispose();
    downstream.dispose();
  });

  it('supervised and random-features models: 21,994 parameters', () => {
    const supervised = summarizeModel(buildDigitClassifier('scratch', 1));
    expect([supervised.totalParams, supervised.trainableParams]).toEqual([21_994, 21_994]);
    const random = summarizeModel(buildDigitClassifier('random', 1));
    expect([random.totalParams, random.trainableParams, random.frozenParams]).toEqual([21_994, 2_890, 19_104]);
  });

  it('is seeded: the same seed gives the same initial weights, another seed different ones', () => {
    const w = (seed: number) => Array.from(buildTaskModel(rotationTask, seed).layers[0].getWeights()[0].dataSync()).slice(0, 20);
    expect(w(3)).toEqual(w(3));
    expect(w(3)).not.toEqual(w(4));
    tf.disposeVariables();
  });
});

describe('plans: every network described without building it', () => {
  const features: readonly FeatureSource[] = ['transfer', 'scratch', 'random', 'finetune'];
  it.each(TASK_IDS)('%s: the plan gives the built pretext model\'s summary, row by row', (id) => {
    const model = buildTaskModel(taskById(id), 1);
    expect(summarizePlan(planTaskModel(taskById(id)))).toEqual(summarizeModel(model));
    model.dispose();
  });

  it.each(features)('the %s digit classifier: the plan gives the built model\'s summary', (use) => {
    const source = buildTaskModel(rotationTask, 1);
    const model = buildDigitClassifier(use, 1, source);
    expect(summarizePlan(planDigitClassifier(use))).toEqual(summarizeModel(model));
    [source, model].forEach((m) => m.dispose());
  });
});
