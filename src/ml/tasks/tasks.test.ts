import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_PIXELS, IMAGE_SIZE, type ImageSet } from '../data/mnist';
import { TASKS, TASK_IDS, isTaskId, taskById } from './registry';
import { chanceScore } from './chance';
import { PERMUTATIONS, SLOTS, TILE, buildJigsawSet } from './jigsaw/jigsaw';
import { DIGIT_BOX, HOLE_FILL, HOLE_SIZES, buildInpaintingSet } from './inpainting/inpainting';
import { toyImageSet, leakedTensors, useWasmBackend } from '../testing/fixtures';
import { buildTaskModel } from '../models/architecture';
import { summarizeModel } from '../models/summary';
import { TRUNK_LAYERS } from '../models/trunk';
import { runExperiment } from '../experiment/protocol';
import { presetConfig } from '../config/presets';

/** Images whose digit labels are all 255 (not a digit): a task that read them would be caught out. */
function unlabelled(count: number): ImageSet {
  const set = toyImageSet(count, 10, 3);
  return { ...set, labels: new Uint8Array(count).fill(255) };
}

describe('the task registry', () => {
  it('lists each task under its own id, with what the app needs to show and train it', () => {
    expect(TASK_IDS).toEqual(['rotation', 'jigsaw', 'inpainting', 'context', 'colorization', 'superResolution', 'contrastive', 'denoising']);
    for (const id of TASK_IDS) {
      const task = taskById(id);
      expect(task.id).toBe(id);
      expect(isTaskId(id)).toBe(true);
      expect(task.examplesPerImage).toBe(4); // the same budget for every task
      expect(task.paper.year).toBeGreaterThan(2005);
      // A classifier's last layer has one output per class name.
      if (task.objective.kind === 'classify') expect(task.head.at(-1)).toMatchObject({ kind: 'dense', units: task.classNames.length });
    }
    expect(isTaskId('sudoku')).toBe(false);
    expect(isTaskId('toString')).toBe(false);
  });

  it('makes the same examples from the same seed, other ones from another, and never reads digit labels', () => {
    const images = unlabelled(6);
    for (const task of Object.values(TASKS)) {
      const a = task.buildExamples(images, { seed: 5 });
      const b = task.buildExamples(images, { seed: 5 });
      const c = task.buildExamples(images, { seed: 6 });
      expect(a.count).toBe(24);
      expect(a.images).toEqual(b.images);
      if (task.id !== 'rotation') expect(a.images).not.toEqual(c.images); // rotation has nothing random
      if (task.objective.kind === 'classify') expect(Math.max(...a.labels)).toBeLessThan(task.classNames.length);
      else if (task.objective.kind === 'reconstruct') expect(a.targets?.length).toBe(24 * IMAGE_PIXELS);
    }
  });
});

describe('jigsaw', () => {
  it('has the 24 orders of four tiles, and an example put back in order is its unshuffled cut', () => {
    expect(PERMUTATIONS).toHaveLength(24);
    expect(new Set(PERMUTATIONS.map((p) => p.join())).size).toBe(24);
    const set = buildJigsawSet(unlabelled(3), 11);
    for (let row = 0; row < set.count; row++) {
      const order = PERMUTATIONS[set.labels[row]];
      const input = set.images.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS);
      const cut = set.targets.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS);
      // Slot s of the puzzle holds tile order[s], which sits at slot order[s] in the unshuffled cut.
      for (let slot = 0; slot < 4; slot++) {
        const [dr, dc] = SLOTS[slot];
        const [sr, sc] = SLOTS[order[slot]];
        for (let r = 0; r < TILE; r++) {
          for (let c = 0; c < TILE; c++) expect(input[(dr + r) * IMAGE_SIZE + dc + c]).toBe(cut[(sr + r) * IMAGE_SIZE + sc + c]);
        }
      }
      // The gaps between tiles are black, so no stroke runs across a tile edge.
      for (let r = 0; r < IMAGE_SIZE; r++) expect(input[r * IMAGE_SIZE + 13]).toBe(0);
    }
  });
});

describe('inpainting', () => {
  it('greys out one square of 10-14 pixels inside the digit box, and asks for the original pixels', () => {
    const images = unlabelled(4);
    const set = buildInpaintingSet(images, 3);
    for (let row = 0; row < set.count; row++) {
      const mask = (set.masks as Uint8Array).subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS);
      const holes: number[] = [];
      mask.forEach((m, p) => { if (m) holes.push(p); });
      const side = Math.sqrt(holes.length);
      expect(Number.isInteger(side)).toBe(true);
      expect(side).toBeGreaterThanOrEqual(HOLE_SIZES.min);
      expect(side).toBeLessThanOrEqual(HOLE_SIZES.max);
      for (const p of holes) {
        const [r, c] = [Math.floor(p / IMAGE_SIZE), p % IMAGE_SIZE];
        expect(r >= DIGIT_BOX.start && r < DIGIT_BOX.start + DIGIT_BOX.size && c >= DIGIT_BOX.start && c < DIGIT_BOX.start + DIGIT_BOX.size).toBe(true);
        expect(set.images[row * IMAGE_PIXELS + p]).toBe(HOLE_FILL);
      }
      const source = Math.floor(row / 4);
      expect(Array.from((set.targets as Uint8Array).subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS)))
        .toEqual(Array.from(images.images.subarray(source * IMAGE_PIXELS, (source + 1) * IMAGE_PIXELS)));
    }
  });

  it('counts as chance the score of painting every hidden pixel as paper', () => {
    const set = buildInpaintingSet(unlabelled(2), 3);
    let expected = 0;
    for (let row = 0; row < set.count; row++) {
      let holes = 0;
      let paper = 0;
      for (let p = row * IMAGE_PIXELS; p < (row + 1) * IMAGE_PIXELS; p++) {
        if (!(set.masks as Uint8Array)[p]) continue;
        holes++;
        if ((set.targets as Uint8Array)[p] <= 127) paper++;
      }
      expected += paper / holes / set.count;
    }
    expect(chanceScore(taskById('inpainting'), set)).toBeCloseTo(expected, 12);
    expect(chanceScore(taskById('rotation'), set)).toBe(0.25);
    expect(chanceScore(taskById('jigsaw'), set)).toBe(1 / 24);
  });
});

describe('every task on the shared trunk', () => {
  beforeAll(useWasmBackend);

  it('puts its head on the same four trunk layers', () => {
    const trunk = (id: keyof typeof TASKS) => {
      const model = buildTaskModel(taskById(id), 1);
      const rows = summarizeModel(model).rows.slice(0, TRUNK_LAYERS).map((r) => `${r.kind} ${r.outputShape.join('x')} ${r.params}`);
      model.dispose();
      return rows;
    };
    for (const id of TASK_IDS) expect(trunk(id)).toEqual(trunk('rotation'));
  });

  it.each(TASK_IDS)('runs the whole protocol for %s on tiny data, names the task, and leaves no tensors', async (task) => {
    const base = presetConfig('smoke');
    const config = {
      ...base, task, seed: 3,
      splits: { ...base.splits, pretextCount: 48, labelledCount: 40 },
      pretext: { ...base.pretext, batchSize: 32 },
      downstream: { ...base.downstream, epochs: 1 },
      supervised: { ...base.supervised, epochs: 1 },
    };
    const mnist = { train: toyImageSet(200, 10, 1), test: toyImageSet(600, 10, 2) };
    let result: Awaited<ReturnType<typeof runExperiment>> | null = null;
    const leaked = await leakedTensors(async () => { result = await runExperiment(mnist, config); });
    expect(leaked).toBe(0);
    const r = result as unknown as Awaited<ReturnType<typeof runExperiment>>;
    expect(r.task).toBe(task);
    const metrics: Partial<Record<string, string>> = {
      inpainting: 'hidden pixels right (ink or paper)', superResolution: 'blurred pixels right (ink or paper)',
      colorization: 'ink pixels given the right colour', contrastive: 'views that found their partner',
      denoising: 'flipped pixels right (ink or paper)',
    };
    expect(r.pretext.metric).toBe(metrics[task] ?? 'accuracy');
    expect(r.pretext.rotationTestAccuracy === null).toBe(task !== 'rotation');
    // Every score is a fraction (NaN, from an empty or broken evaluation, fails here too).
    for (const score of [r.pretext.testScore, r.pretext.chanceScore, r.selfSupervised.testAccuracy, r.randomFrozen.testAccuracy]) {
      expect(Number.isFinite(score) && score >= 0 && score <= 1, `score ${score}`).toBe(true);
    }
    // The chance level is the task's own: a guess among its classes, or painting every hidden pixel as paper.
    if (taskById(task).objective.kind === 'classify') expect(r.pretext.chanceScore).toBe(1 / taskById(task).classNames.length);
    expect(r.params.downstreamFrozen).toBe(19_104);
  });
});
