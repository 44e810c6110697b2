/**
 * The newer tasks can actually be learned by the trainer: a couple of epochs on a few hundred real digits
 * lower the loss on held-out examples and lift the score above the task's chance level. (A task whose
 * examples were unanswerable, or whose objective was wired wrongly, would stay at chance.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS, type ImageSet } from '../data/mnist';
import { loadMnistFromDisk } from '../data/node-assets';
import { leakedTensors, useWasmBackend } from '../testing/fixtures';
import { buildTaskModel } from '../models/architecture';
import { TrainingRun } from '../train/trainer';
import { evaluate } from '../eval/evaluate';
import { taskById, type TaskId } from './registry';
import { chanceScore } from './chance';
import { objectiveTraits } from '../objectives/registry';

let train: ImageSet;
let heldOut: ImageSet;
beforeAll(async () => {
  await useWasmBackend();
  const mnist = await loadMnistFromDisk();
  const slice = (from: number, count: number): ImageSet => ({
    images: mnist.train.images.subarray(from * IMAGE_PIXELS, (from + count) * IMAGE_PIXELS), labels: new Uint8Array(count).fill(255), count,
  });
  train = slice(0, 300);
  heldOut = slice(300, 50);
});

describe('the trainer learns each newer task', () => {
  // Colorization's per-pixel head starts slowly (it first learns where paper is, and its half-size picture
  // must also learn to enlarge), so it gets a larger step and a third epoch; the others use Adam's default.
  it.each<[TaskId, number, number]>([['context', 2, 0.001], ['colorization', 3, 0.005], ['superResolution', 2, 0.001], ['denoising', 3, 0.005]])('%s: %i epochs on 300 images beat chance on held-out ones', async (id, epochs, learningRate) => {
    const task = taskById(id);
    const examples = task.buildExamples(train, { seed: 1 });
    const test = task.buildExamples(heldOut, { seed: 2 });
    const chance = chanceScore(task, test);
    let before = { loss: NaN, accuracy: NaN };
    let after = { loss: NaN, accuracy: NaN };
    const leaked = await leakedTensors(async () => {
      const model = buildTaskModel(task, 1);
      const options = { scaling: 'raw', batchSize: 100, objective: task.objective } as const;
      before = await evaluate(model, test, options);
      await new TrainingRun(model, examples, {
        epochs, batchSize: 32, optimizer: { kind: 'adam', learningRate }, shuffle: true, seed: 1,
        validationSplit: 0, patience: null, scaling: 'raw', objective: task.objective, groupSize: objectiveTraits(task.objective).groupSize,
      }).run();
      after = await evaluate(model, test, options);
      model.dispose();
    });
    expect(leaked).toBe(0);
    expect(after.loss).toBeLessThan(before.loss * 0.8);
    // Five points above chance, or a fifth of the way from chance to perfect where chance is already high
    // (denoising's: painting the flipped pixels paper is right for most of them).
    expect(after.accuracy, `score ${after.accuracy} against chance ${chance}`).toBeGreaterThan(chance + Math.min(0.05, (1 - chance) / 5));
  }, 120_000);
});
