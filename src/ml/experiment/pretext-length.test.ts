import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../data/node-assets';
import type { Mnist } from '../data/mnist';
import { makeSplits } from '../data/splits';
import { useWasmBackend, leakedTensors } from '../testing/fixtures';
import { trainPretext } from './protocol';
import { runPretextLength, snapshotKey, studyConfig, type StoredSnapshot, type StoredWeights, type TrunkStore } from './pretext-length';
import { mergePretextLength } from './pretext-length-merge';
import type { PretextLengthResult } from './pretext-length-types';

/** A store in memory that counts what is written. */
function memoryStore(): TrunkStore & { weights: Map<string, StoredWeights>; writes: number } {
  const weights = new Map<string, StoredWeights>();
  const snapshots = new Map<string, StoredSnapshot>();
  const store = {
    weights,
    writes: 0,
    loadWeights: async (key: string) => weights.get(key) ?? null,
    saveWeights: async (key: string, w: StoredWeights) => { weights.set(key, w); store.writes += 1; },
    loadSnapshot: async (key: string) => snapshots.get(key) ?? null,
    saveSnapshot: async (key: string, s: StoredSnapshot) => { snapshots.set(key, s); store.writes += 1; },
    loadRecord: async () => null,
    saveRecord: async () => { store.writes += 1; },
  };
  return store;
}

let mnist: Mnist;
beforeAll(async () => {
  await useWasmBackend();
  mnist = await loadMnistFromDisk();
});

describe('the pretext-length study', () => {
  it('measures epoch 0 and each listed epoch, pausing without changing the training, and resumes from its store', async () => {
    const store = memoryStore();
    const options = {
      preset: 'smoke' as const, tasks: ['rotation' as const], seeds: [1], epochs: [0, 1], labels: [100],
      blocks: ['conv2 + pool' as const], backend: 'wasm', store, test: 'lecture' as const,
    };
    let first: number[] = [];
    const leaks = await leakedTensors(async () => {
      const result = await runPretextLength(mnist, options);
      first = result.tasks[0].points.map((p) => p.accuracy.mean);
      const [rotation] = result.tasks;
      expect(rotation.points.map((p) => p.epoch)).toEqual([0, 1]);
      const [start, end] = rotation.points;
      expect(start.pretextScore).toBeLessThan(0.4); // an untrained rotation head is near chance (25%)
      expect(end.pretextScore).toBeGreaterThan(start.pretextScore + 0.2);
      expect(start.accuracy.mean).toBeGreaterThan(0.5); // even random convolutions carry the digit
      expect(end.probes.map((p) => [p.labels, p.block])).toEqual([[100, 'conv2 + pool']]);
    });
    expect(leaks).toBe(0);

    // The snapshot at epoch 1 is exactly what an uninterrupted 1-epoch run of the same seed ends with.
    const config = studyConfig('smoke', 'rotation', 1, 1, 'lecture');
    const plain = await trainPretext(makeSplits(mnist, config.splits), config);
    const weights = plain.model.getWeights();
    const kept = store.weights.get(snapshotKey('smoke', 'rotation', 1, 1)) as StoredWeights;
    for (let i = 0; i < weights.length; i++) expect(Array.from(kept.values[i])).toEqual(Array.from(await weights[i].data()));
    plain.model.dispose();

    // A second run finds everything in the store and trains nothing.
    const writes = store.writes;
    const again = await runPretextLength(mnist, options);
    expect(store.writes).toBe(writes);
    expect(again.tasks[0].points.map((p) => p.accuracy.mean)).toEqual(first);
  }, 120_000);

  it('joins studies measured alike and refuses others', () => {
    const base = {
      kind: 'pretext-length', version: 1, preset: 'lecture', head: 'probe', seedList: [1], epochs: [0, 1], labels: [100], blocks: ['conv2 + pool'],
      testCount: 10000, backend: 'wasm', tasks: [], recordedAt: '2026-01-01T00:00:00Z', commands: ['a'], elapsedMs: 1,
    } as PretextLengthResult;
    const task = { id: 'contrastive', title: 'C', pretextMetric: 'm', chanceScore: 0, points: [], elapsedMs: 1 } as const;
    const merged = mergePretextLength(base, { ...base, tasks: [task], commands: ['b'], recordedAt: '2026-02-01T00:00:00Z' });
    expect(merged.tasks.map((t) => t.id)).toEqual(['contrastive']);
    expect(merged.commands).toEqual(['a', 'b']);
    expect(() => mergePretextLength(base, { ...base, epochs: [0, 2] })).toThrow(/epochs differ/);
  });
});
