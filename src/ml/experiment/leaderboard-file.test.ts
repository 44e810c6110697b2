import { describe, expect, it } from 'vitest';
import { parseLeaderboard, yourRows } from './leaderboard-file';
import type { LeaderboardResult } from './leaderboard-types';
import { mergeLeaderboards } from './leaderboard-merge';

const ms = (mean: number, std = 0.01) => ({ mean, std });
const gain = { mean: 0.01, std: 0.01, standardError: 0.01, verdict: 'tie' as const };
const file: LeaderboardResult = {
  version: 1, preset: 'quick', seeds: [1, 2], test: 'full', testCount: 10_000, labelledCount: 1000, budget: 'the same',
  tasks: [
    { id: 'rotation', title: 'Rotation', pretextMetric: 'accuracy', pretextScore: 0.95, chanceScore: 0.25, digitAccuracy: ms(0.85), gainOverRandom: gain, perSeed: [] },
  ],
  references: [
    { id: 'random', title: 'r', digitAccuracy: ms(0.87), perSeed: [] },
    { id: 'scratch', title: 's', digitAccuracy: ms(0.85), perSeed: [] },
    { id: 'upper', title: 'u', digitAccuracy: ms(0.95), perSeed: [] },
  ],
  backend: 'wasm', recordedAt: '2026-11-29T23:00:00.000Z', elapsedMs: 1,
};
const clone = () => JSON.parse(JSON.stringify(file)) as Record<string, unknown> & LeaderboardResult;

describe('a recorded leaderboard file', () => {
  it('is read back as written', () => {
    expect(parseLeaderboard(clone())).toEqual(file);
  });

  it('drops rows of tasks this copy does not know, rather than refusing the file', () => {
    const json = clone();
    (json.tasks as unknown[]).push({ ...file.tasks[0], id: 'sudoku' });
    expect(parseLeaderboard(json).tasks.map((t) => t.id)).toEqual(['rotation']);
  });

  it('is refused, naming the problem, when truncated, from another version or out of range', () => {
    expect(() => parseLeaderboard('{"version": 1')).toThrow(/not a leaderboard file/);
    expect(() => parseLeaderboard({ ...clone(), version: 2 })).toThrow(/version 1 expected/);
    expect(() => parseLeaderboard({ ...clone(), references: file.references.slice(0, 2) })).toThrow(/no "upper" reference row/);
    const bad = clone();
    (bad.tasks[0] as { digitAccuracy: unknown }).digitAccuracy = { mean: 85, std: 1 };
    expect(() => parseLeaderboard(bad)).toThrow(/task "rotation" digitAccuracy must be \{mean, std\} with a mean from 0 to 1/);
    expect(() => parseLeaderboard({ ...clone(), recordedAt: 'yesterday' })).toThrow(/no valid recording date/);
  });
});

describe("a student's own rows", () => {
  const run = (use: 'transfer' | 'random' | 'scratch' | 'pretext', seed: number, testAccuracy: number, task: 'rotation' | 'jigsaw' = 'rotation', labels = 1000) =>
    ({ spec: { task, use, seed, labels }, testAccuracy });

  it('groups heads by task or reference, and pairs gains with the random runs of the same seed', () => {
    const rows = yourRows([
      run('transfer', 1, 0.80), run('transfer', 2, 0.84), run('random', 1, 0.86), run('random', 3, 0.9),
      run('scratch', 1, 0.85), run('transfer', 1, 0.70, 'jigsaw'), run('pretext', 1, 0.99), run('transfer', 1, 0.5, 'rotation', 100),
    ], 1000);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(Object.keys(byId).sort()).toEqual(['jigsaw', 'random', 'rotation', 'scratch']);
    expect(byId.rotation.seeds).toEqual([1, 2]);
    expect(byId.rotation.digitAccuracy.mean).toBeCloseTo(0.82, 12);
    // Only seed 1 has both: 0.80 - 0.86.
    expect(byId.rotation.gainOverRandom?.mean).toBeCloseTo(-0.06, 12);
    expect(byId.rotation.gainOverRandom?.verdict).toBe('unknown');
    expect(byId.jigsaw.gainOverRandom?.mean).toBeCloseTo(-0.16, 12);
    expect(byId.random.gainOverRandom).toBeNull();
    expect(byId.scratch.title).toBe('Supervised from scratch');
  });
});

describe('adding rows to a recorded leaderboard', () => {
  const withRows = (ids: ('rotation' | 'jigsaw')[], at: string) => ({
    ...file, recordedAt: at, elapsedMs: 10,
    tasks: ids.map((id) => ({ ...file.tasks[0], id, title: id })),
  });

  it('adds the new task rows in registry order and keeps the later date', () => {
    const merged = mergeLeaderboards(withRows(['jigsaw'], '2026-11-29T22:00:00.000Z'), withRows(['rotation'], '2026-11-29T23:00:00.000Z'));
    expect(merged.tasks.map((t) => t.id)).toEqual(['rotation', 'jigsaw']);
    expect(merged.recordedAt).toBe('2026-11-29T23:00:00.000Z');
    expect(merged.elapsedMs).toBe(20);
  });

  it('refuses rows recorded under another protocol: other seeds, or references that do not reproduce', () => {
    const base = withRows(['jigsaw'], '2026-11-29T22:00:00.000Z');
    expect(() => mergeLeaderboards(base, { ...withRows(['rotation'], '2026-11-29T23:00:00.000Z'), seeds: [1, 2, 3] })).toThrow(/seeds differ/);
    const drifted = withRows(['rotation'], '2026-11-29T23:00:00.000Z');
    const references = drifted.references.map((r) => (r.id === 'random' ? { ...r, perSeed: [{ seed: 1, digitAccuracy: 0.5 }] } : r));
    expect(() => mergeLeaderboards(base, { ...drifted, references })).toThrow(/the "random" reference rows \(the same seeds must give the same numbers\) differ/);
  });
});
