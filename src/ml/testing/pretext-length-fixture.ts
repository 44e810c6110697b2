/**
 * A made-up pretext-length study, built from a few numbers, for the tests of the reader, the words and the
 * lesson (the end-to-end spec serves it in place of the real file). It is a fixture, not a recording: its
 * commands say so, and nothing in the app imports it.
 */
import type { PretextLengthPoint, PretextLengthResult, PretextLengthTask, ProbeBlock, SeedStats } from '../experiment/pretext-length-types';

/** The epochs the real study records. */
export const FIXTURE_EPOCHS: readonly number[] = [0, 1, 2, 5, 10, 20, 50];

/** Three seeds spread `spread` either side of `mean` (sample std = spread). */
export function seedStats(mean: number, spread: number): SeedStats {
  return { mean, std: spread, perSeed: [mean - spread, mean, mean + spread] };
}

/** A task's line from its digit accuracy (block 2, 1,000 labels) and pretext score at each fixture epoch. */
export function fixtureTask(
  id: PretextLengthTask['id'], title: string, accuracy: readonly number[], score: readonly number[], block1Shift: number, chanceScore: number,
): PretextLengthTask {
  const points: PretextLengthPoint[] = FIXTURE_EPOCHS.map((epoch, i) => {
    const reading = (labels: number, block: ProbeBlock, mean: number) => ({ labels, block, accuracy: seedStats(mean, 0.004) });
    const acc = accuracy[i];
    return {
      epoch,
      pretextScore: score[i],
      pretextScoreStats: seedStats(score[i], 0.002),
      accuracy: seedStats(acc, 0.004),
      probes: [
        reading(100, 'conv1 + pool', acc - 0.1 + block1Shift), reading(100, 'conv2 + pool', acc - 0.1),
        reading(1000, 'conv1 + pool', acc + block1Shift), reading(1000, 'conv2 + pool', acc),
      ],
    };
  });
  return { id, title, pretextMetric: 'accuracy', chanceScore, points, elapsedMs: 1 };
}

/** Rotation peaks early and falls back; contrastive keeps climbing; block 1 reads rotation better, block 2 contrastive. */
export function pretextLengthFixture(): PretextLengthResult {
  return {
    kind: 'pretext-length',
    version: 1,
    preset: 'lecture',
    head: 'probe',
    seedList: [1, 2, 3],
    epochs: FIXTURE_EPOCHS,
    labels: [100, 1000],
    blocks: ['conv1 + pool', 'conv2 + pool'],
    testCount: 10_000,
    backend: 'wasm',
    tasks: [
      fixtureTask('rotation', 'Rotation', [0.88, 0.9, 0.905, 0.9, 0.89, 0.88, 0.87], [0.25, 0.9, 0.93, 0.95, 0.96, 0.97, 0.975], 0.02, 0.25),
      fixtureTask('contrastive', 'Contrastive', [0.88, 0.9, 0.91, 0.92, 0.925, 0.93, 0.935], [0.005, 0.2, 0.28, 0.35, 0.4, 0.43, 0.45], -0.03, 0.0053),
    ],
    recordedAt: '2026-12-06T12:00:00.000Z',
    commands: ['a test fixture built from made-up numbers (src/ml/testing/pretext-length-fixture.ts), not a recording'],
    elapsedMs: 2,
  };
}
