import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '#tf';
import { ModelStore, buildFor, frozenLayersOf } from './model-store';
import { experimentSpecs, runId } from '../ml/experiment/runs';
import { presetConfig } from '../ml/config/presets';
import { useCpuBackend } from '../ml/testing/fixtures';

const specs = experimentSpecs(presetConfig('smoke'));
const jigsaw = experimentSpecs({ ...presetConfig('smoke'), task: 'jigsaw' });

async function firstWeight(model: tf.LayersModel): Promise<number> {
  return (await model.getWeights()[0].data())[0];
}

describe('the engine\'s model store, keyed by run', () => {
  beforeAll(useCpuBackend);

  it('keeps each run\'s model and its last good weights apart, and frees everything on clear', async () => {
    const before = tf.memory().numTensors;
    const store = new ModelStore();
    store.set(specs.pretext, buildFor(specs.pretext, 1));
    store.set(jigsaw.pretext, buildFor(jigsaw.pretext, 1));
    expect(store.runs().sort()).toEqual(['jigsaw.pretext.s1', 'rotation.pretext.s1']);
    expect(store.spec('jigsaw.pretext.s1')).toEqual(jigsaw.pretext);

    const id = runId(specs.pretext);
    await store.checkpoint(id, 3, 1);
    const good = await firstWeight(store.get(id) as tf.LayersModel);
    const kernel = (store.get(id) as tf.LayersModel).layers[0].getWeights();
    const zeros = kernel.map((w) => tf.zerosLike(w));
    (store.get(id) as tf.LayersModel).layers[0].setWeights(zeros);
    tf.dispose(zeros);
    expect(await firstWeight(store.get(id) as tf.LayersModel)).toBe(0);
    store.rollback(id); // as after a fault mid-epoch
    expect(await firstWeight(store.get(id) as tf.LayersModel)).toBe(good);
    expect(store.snapshot(id)?.epochs).toBe(3);
    store.rebuildAll(); // as after a switch of backend: same weights, new tensors
    expect(await firstWeight(store.get(id) as tf.LayersModel)).toBe(good);
    expect(store.get('jigsaw.pretext.s1')).toBeUndefined(); // never checkpointed, so nothing to rebuild it from

    store.clear();
    expect(store.runs()).toEqual([]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('builds each use of the trunk with the right layers frozen', () => {
    expect(frozenLayersOf(specs.transfer)).toEqual([0, 2]);
    expect(frozenLayersOf(specs.random)).toEqual([0, 2]);
    expect(frozenLayersOf(specs.scratch)).toEqual([]);
    const source = buildFor(jigsaw.pretext, 4);
    const head = buildFor(jigsaw.transfer, 4, source);
    expect(head.layers.filter((l) => !l.trainable).length).toBe(2);
    expect(head.layers[0].getWeights()[0].dataSync()).toEqual(source.layers[0].getWeights()[0].dataSync());
    source.dispose();
    head.dispose();
  });
});
