import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '#tf';
import { loadMnistFromDisk } from '../data/node-assets';
import { sliceSet, type Mnist } from '../data/mnist';
import { presetConfig } from '../config/presets';
import { buildDigitClassifier, buildTaskModel, trainableVariables } from '../models/architecture';
import { TRUNK_WEIGHT_LAYERS } from '../models/trunk';
import { taskById } from '../tasks/registry';
import { leakedTensors, useWasmBackend } from '../testing/fixtures';
import { runSweep, type SweepPoint } from './sweep';
import { gatherRows, labelRows } from './label-pool';
import { extractFeatures } from '../features/extract';
import { fitProbe, probeAccuracy } from '../probe/linear-probe';

let mnist: Mnist;
beforeAll(async () => {
  await useWasmBackend();
  const full = await loadMnistFromDisk();
  // The whole pool (labels are drawn from it) but only 300 test images, so each point is quick.
  mnist = { train: full.train, test: sliceSet(full.test, 0, 300) };
});

const config = presetConfig('smoke');

describe('a live sweep', () => {
  it('measures every trunk, count and seed, reproducibly, and leaves no tensor behind', async () => {
    const pretext = buildTaskModel(taskById('rotation'), 1);
    const models = new Map([['rotation.pretext.s1', pretext]]);
    const request = { trunks: [{ use: 'transfer' as const, source: 'rotation.pretext.s1' }, { use: 'random' as const }, { use: 'finetune' as const, source: 'rotation.pretext.s1' }], labels: [10, 20], seeds: [1, 2], head: 'lecture' as const };
    const run = async () => {
      const points: SweepPoint[] = [];
      const progress: number[] = [];
      const end = await runSweep(mnist, request, config, (r) => models.get(r), {
        onPoint: (p) => points.push(p), onProgress: (done, total) => progress.push(done / total),
      });
      return { end, points, progress };
    };
    let first: Awaited<ReturnType<typeof run>> | null = null;
    expect(await leakedTensors(async () => { first = await run(); })).toBe(0);
    const a = first as unknown as Awaited<ReturnType<typeof run>>;
    expect(a.end).toBe('completed');
    expect(a.points).toHaveLength(3 * 2 * 2);
    expect(a.points.map((p) => `${p.trunk}/${p.seed}/${p.labels}`).slice(0, 4)).toEqual(['rotation.pretext.s1/1/10', 'rotation.pretext.s1/1/20', 'rotation.pretext.s1/2/10', 'rotation.pretext.s1/2/20']);
    for (const p of a.points) expect(p.accuracy).toBeGreaterThanOrEqual(0), expect(p.accuracy).toBeLessThanOrEqual(1);
    expect(Math.max(...a.progress)).toBeLessThanOrEqual(1 + 1e-9);
    // Seeds come from the request, so the same request gives the same numbers.
    const b = await run();
    expect(b.points).toEqual(a.points);
    // The held model is only read: its weights did not move, even under fine-tuning.
    const fresh = buildTaskModel(taskById('rotation'), 1);
    const same = tf.tidy(() => pretext.getWeights().every((w, i) => tf.equal(w, fresh.getWeights()[i]).all().dataSync()[0] === 1));
    expect(same).toBe(true);
    fresh.dispose();
    pretext.dispose();
  }, 120_000);

  it('reads frozen trunks with the linear probe when asked: the same numbers as a probe fitted by hand, and far above chance', async () => {
    const request = { trunks: [{ use: 'random' as const }], labels: [100], seeds: [3], head: 'probe' as const };
    const points: SweepPoint[] = [];
    expect(await leakedTensors(async () => { await runSweep(mnist, request, config, () => undefined, { onPoint: (p) => points.push(p) }); })).toBe(0);
    expect(points).toHaveLength(1);
    const trunk = buildDigitClassifier('random', 3);
    const rows = labelRows(mnist, 100, 3);
    const train = { features: await extractFeatures(trunk, gatherRows(mnist.train, rows), { scaling: config.scaling }), labels: Uint8Array.from(rows, (r) => mnist.train.labels[r]) };
    const test = { features: await extractFeatures(trunk, mnist.test, { scaling: config.scaling }), labels: mnist.test.labels };
    trunk.dispose();
    expect(points[0].accuracy).toBe(probeAccuracy(await fitProbe(train, { seed: 3 }), test));
    expect(points[0].accuracy).toBeGreaterThan(0.5);
    await expect(runSweep(mnist, { ...request, head: 'ruler' as unknown as 'probe' }, config, () => undefined)).rejects.toThrow('head must be one of probe, lecture, got "ruler"');
  }, 60_000);

  it('stops when asked, and refuses a source it does not hold', async () => {
    let calls = 0;
    const end = await runSweep(mnist, { trunks: [{ use: 'scratch' }], labels: [10, 20], seeds: [1], head: 'lecture' as const }, config, () => undefined, { shouldStop: () => ++calls > 3 });
    expect(end).toBe('stopped');
    await expect(runSweep(mnist, { trunks: [{ use: 'transfer', source: 'rotation.pretext.s1' }], labels: [10], seeds: [1], head: 'lecture' as const }, config, () => undefined))
      .rejects.toThrow('trunks must be among random, scratch, got "rotation.pretext.s1"');
  }, 60_000);
});

describe('a fine-tuned classifier', () => {
  it('starts from the pretext trunk and the shared head start, with every layer trainable', () => {
    const pretext = buildTaskModel(taskById('rotation'), 5);
    const tuned = buildDigitClassifier('finetune', 3, pretext);
    const frozen = buildDigitClassifier('transfer', 3, pretext);
    try {
      expect(tuned.name).toBe('finetuned');
      expect(tuned.countParams()).toBe(21_994);
      expect(trainableVariables(tuned).reduce((n, v) => n + v.size, 0)).toBe(21_994);
      expect(trainableVariables(frozen).reduce((n, v) => n + v.size, 0)).toBe(2_890);
      tf.tidy(() => {
        for (const i of [...TRUNK_WEIGHT_LAYERS, 5]) {
          const a = tuned.layers[i].getWeights();
          const b = frozen.layers[i].getWeights();
          a.forEach((w, k) => expect(tf.equal(w, b[k]).all().dataSync()[0]).toBe(1));
        }
      });
      expect(() => buildDigitClassifier('finetune', 3)).toThrow('buildDigitClassifier("finetune") needs a trained pretext model');
    } finally {
      pretext.dispose();
      tuned.dispose();
      frozen.dispose();
    }
  });
});
