import { beforeAll, describe, expect, it } from 'vitest';
import { Inspector } from './engine-inspect';
import { ModelStore, buildFor } from './model-store';
import { ModelLibrary } from './model-library';
import type { EngineEvent } from './messages';
import type { InspectResult } from './inspect-messages';
import type { RunSpec } from '../ml/experiment/runs';
import { leakedTensors, toyImageSet, useCpuBackend } from '../ml/testing/fixtures';

beforeAll(useCpuBackend);

const PRETEXT: RunSpec = { task: 'rotation', use: 'pretext', seed: 3, labels: 0 };
const RANDOM: RunSpec = { task: 'rotation', use: 'random', seed: 3, labels: 20 };

/** An inspector over two untrained models and a toy test set, recording its answers. */
function setup(training: string | null = null) {
  const models = new ModelStore();
  models.set(PRETEXT, buildFor(PRETEXT, 3));
  models.set(RANDOM, buildFor(RANDOM, 3));
  const answers: { requestId: number; result: InspectResult }[] = [];
  const emit = (event: EngineEvent) => { if (event.type === 'inspected') answers.push({ requestId: event.requestId, result: event.result }); };
  const test = toyImageSet(40, 10);
  const inspector = new Inspector({
    emit, models, library: new ModelLibrary(models, () => 'cpu', () => 100), training: () => training,
    mnist: () => ({ train: test, test }),
  });
  return { inspector, answers, models };
}

describe('the engine\'s inspection answers', () => {
  it('sends the filters as they started and as they are, and 64 maps, without leaking tensors', async () => {
    const { inspector, answers, models } = setup();
    const leaked = await leakedTensors(() => inspector.handle(1, { kind: 'filters', run: 'random.s3.n20', image: new Uint8Array(784).fill(90), scaling: 'unit' }));
    expect(leaked).toBe(0);
    const result = answers[0].result;
    if (result.kind !== 'filters') throw new Error(`expected filters, got ${result.kind}`);
    // An untrained trunk is exactly its seed's start.
    expect(Array.from(result.trained)).toEqual(Array.from(result.initial));
    expect(result.maps.length).toBe(64 * 14 * 14);
    models.clear();
  });

  it('answers the rotation head for each test image at four turns, and refuses other models', async () => {
    const { inspector, answers, models } = setup();
    expect(await leakedTensors(() => inspector.handle(2, { kind: 'rotations', run: 'rotation.pretext.s3', count: 12, scaling: 'unit' }))).toBe(0);
    const result = answers[0].result;
    if (result.kind !== 'rotations') throw new Error(`expected rotations, got ${result.kind}`);
    expect(result.digits.length).toBe(12);
    expect(result.predicted.length).toBe(48);
    expect(Math.max(...result.predicted)).toBeLessThan(4);
    await inspector.handle(3, { kind: 'rotations', run: 'random.s3.n20', count: 12, scaling: 'unit' });
    expect(answers[1].result).toEqual({ kind: 'failed', message: 'random.s3.n20 is not a rotation pretext model.' });
    models.clear();
  });

  it('lays out features by PCA, and by UMAP with progress, the same twice; a Stop ends UMAP early', async () => {
    const { inspector, answers, models } = setup();
    await inspector.handle(4, { kind: 'embedding', run: 'random.s3.n20', count: 40, method: 'pca', seed: 1, scaling: 'unit' });
    const pca = answers.at(-1)?.result;
    expect(pca?.kind === 'embedding' && pca.points.length).toBe(80);
    await inspector.handle(5, { kind: 'embedding', run: 'random.s3.n20', count: 40, method: 'umap', seed: 1, scaling: 'unit' });
    const progress = answers.filter((a) => a.requestId === 5 && a.result.kind === 'embeddingProgress');
    expect(progress.length).toBeGreaterThan(1);
    const first = answers.at(-1)?.result;
    await inspector.handle(6, { kind: 'embedding', run: 'random.s3.n20', count: 40, method: 'umap', seed: 1, scaling: 'unit' });
    const second = answers.at(-1)?.result;
    if (first?.kind !== 'embedding' || second?.kind !== 'embedding') throw new Error('expected two layouts');
    expect(first.stopped).toBe(false);
    expect(Array.from(second.points)).toEqual(Array.from(first.points));
    // Stop arrives while the layout is under way (between two slices).
    const running = inspector.handle(7, { kind: 'embedding', run: 'random.s3.n20', count: 40, method: 'umap', seed: 1, scaling: 'unit' });
    setTimeout(() => inspector.stop(7), 0);
    await running;
    const stopped = answers.at(-1)?.result;
    expect(stopped?.kind === 'embedding' && stopped.stopped).toBe(true);
    models.clear();
  });

  it('refuses a model that is training, and a run it does not hold', async () => {
    const { inspector, answers, models } = setup('random.s3.n20');
    await inspector.handle(8, { kind: 'filters', run: 'random.s3.n20', image: new Uint8Array(784), scaling: 'unit' });
    expect(answers[0].result.kind === 'failed' && answers[0].result.message).toMatch(/is training/);
    await inspector.handle(9, { kind: 'filters', run: 'jigsaw.pretext.s1', image: new Uint8Array(784), scaling: 'unit' });
    expect(answers[1].result.kind === 'failed' && answers[1].result.message).toMatch(/There is no model/);
    models.clear();
  });
});
