import { describe, expect, it } from 'vitest';
import { compareToRandom } from './gain';
import { instrumentFindings, instrumentRows, rowsAboveUpper } from './instruments';
import type { LeaderboardResult, TaskRow } from './leaderboard-types';

const ref = (id: 'random' | 'scratch' | 'upper', values: number[]) => ({
  id, title: id, digitAccuracy: { mean: values.reduce((a, b) => a + b) / values.length, std: 0.01 },
  perSeed: values.map((v, i) => ({ seed: i + 1, digitAccuracy: v })),
});
const task = (id: 'rotation' | 'contrastive', values: number[], random: number[], failed = 0): TaskRow => ({
  id, title: id, pretextMetric: 'accuracy', pretextScore: 0.9, chanceScore: 0.25,
  digitAccuracy: { mean: values.reduce((a, b) => a + b) / values.length, std: 0.02 },
  gainOverRandom: compareToRandom(values, random),
  perSeed: values.map((v, i) => ({ seed: i + 1, pretextScore: 0.9, digitAccuracy: v, ...(i < failed ? { failedFit: 'its training loss rose from 1.00 to 2.00' } : {}) })),
});
const file = (head: 'probe' | 'lecture', tasks: TaskRow[], random: number[], upper: number[]): LeaderboardResult => ({
  version: 1, head, preset: 'quick', seeds: [1, 2, 3], test: 'full', testCount: 10_000, labelledCount: 1_000, budget: '',
  tasks, references: [ref('random', random), ref('scratch', [0.85, 0.85, 0.85]), ref('upper', upper)],
  backend: 'wasm', recordedAt: '2026-01-01T00:00:00Z', elapsedMs: 1,
});

describe('two instruments side by side', () => {
  const randomP = [0.91, 0.912, 0.908];
  const randomL = [0.87, 0.88, 0.86];
  const probe = file('probe', [task('rotation', [0.93, 0.931, 0.932], randomP)], randomP, [0.97, 0.97, 0.97]);
  const lecture = file('lecture', [task('rotation', [0.71, 0.88, 0.83], randomL, 1)], randomL, [0.92, 0.92, 0.92]);

  it('pairs the rows both files hold, leaving out scratch (the same run under both)', () => {
    expect(instrumentRows(probe, lecture).map((r) => r.id)).toEqual(['rotation', 'random', 'upper']);
  });

  it('says where the verdicts differ, where the lecture head failed, and how noisy each is, from the numbers', () => {
    const words = instrumentFindings(probe, lecture);
    expect(words[0]).toBe('rotation: under the probe it beats the random trunk (93.1% ± 2.0); under the lecture\'s head it ties with the random trunk (80.7% ± 2.0).');
    expect(words[1]).toMatch(/failed to fit on 1 seed, so its number there is about the recipe/);
    expect(words.at(-1)).toMatch(/largest spread between seeds of one row is 2.0 points under the probe and 2.0 under/);
  });

  it('names task rows that score above the upper bound', () => {
    expect(rowsAboveUpper(probe)).toEqual([]);
    expect(rowsAboveUpper(file('probe', [task('contrastive', [0.98, 0.98, 0.98], randomP)], randomP, [0.97, 0.97, 0.97]))).toEqual(['contrastive']);
  });
});
