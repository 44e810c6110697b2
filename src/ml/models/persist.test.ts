import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '#tf';
import { buildDigitClassifier, buildTaskModel } from './architecture';
import { rotationTask } from '../tasks/rotation';
import { summarizeModel } from './summary';
import { ModelFileError, deserializeModel, serializeModel, type ModelMetadata, type SerializedModel } from './persist';
import { useCpuBackend } from '../testing/fixtures';

beforeAll(useCpuBackend);

const META: ModelMetadata = {
  app: 'pretext-lab', format: 1, step: 'supervised', seed: 3, epochs: 2, epochsPlanned: 5,
  history: [{ epoch: 0, loss: 1, accuracy: 0.5 }], config: { preset: 'quick' }, savedAt: '2026-11-28T00:00:00Z', backend: 'cpu',
};

function artifacts(s: SerializedModel): tf.io.ModelArtifacts {
  return { modelTopology: s.modelTopology, weightSpecs: s.weightSpecs, weightData: s.weightData, userDefinedMetadata: s.metadata ? { pretextLab: s.metadata } : undefined };
}

describe('saving and loading models', () => {
  it('round-trips weights, trainable flags and metadata', async () => {
    const pretext = buildTaskModel(rotationTask, 1);
    const model = buildDigitClassifier('transfer', 2, pretext);
    const saved = await serializeModel(model, META);
    expect(saved.weightData.byteLength).toBe(21_994 * 4);
    const loaded = await deserializeModel(artifacts(saved), summarizeModel(model), [0, 2]);
    expect(summarizeModel(loaded).trainableParams).toBe(2_890);
    const a = model.getWeights().map((w) => Array.from(w.dataSync()));
    const b = loaded.getWeights().map((w) => Array.from(w.dataSync()));
    expect(b).toEqual(a);
    [pretext, model, loaded].forEach((m) => m.dispose());
  });

  it('refuses a truncated weights file', async () => {
    const model = buildDigitClassifier('scratch', 1);
    const saved = await serializeModel(model, META);
    const broken = { ...artifacts(saved), weightData: saved.weightData.slice(0, 1000) };
    await expect(deserializeModel(broken, summarizeModel(model), [])).rejects.toThrow(/holds 1000 bytes where the model file promises 87976: it is truncated/);
    model.dispose();
  });

  it('refuses another architecture, naming the first difference', async () => {
    const pretext = buildTaskModel(rotationTask, 1);
    const supervised = buildDigitClassifier('scratch', 1);
    const saved = await serializeModel(pretext, { ...META, step: 'pretext' });
    await expect(deserializeModel(artifacts(saved), summarizeModel(supervised), [])).rejects.toThrow(ModelFileError);
    await expect(deserializeModel(artifacts(saved), summarizeModel(supervised), [])).rejects.toThrow(/not a model for this step: it has 7 layers where this step's model has 6/);
    pretext.dispose();
    supervised.dispose();
  });

  it('refuses files that are not models, or far too large', async () => {
    const model = buildDigitClassifier('scratch', 1);
    const want = summarizeModel(model);
    await expect(deserializeModel({ weightSpecs: [], weightData: new ArrayBuffer(0) }, want, [])).rejects.toThrow(/no network description/);
    const saved = await serializeModel(model, META);
    await expect(deserializeModel({ ...artifacts(saved), weightData: new ArrayBuffer(7 * 1024 * 1024) }, want, [])).rejects.toThrow(/7\.3 MB; Pretext Lab.s models are at most 6 MB, so it is not one of them/);
    model.dispose();
  });
});
