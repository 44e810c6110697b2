/**
 * The shape of the pretext-length study: what `npm run pretext-length -- --json F` writes and the app's lesson
 * reads. Page-safe types (no tfjs); the runner is `pretext-length.ts`.
 *
 * The question it answers: does training the pretext task *longer* give better digit features, and from which
 * block of the trunk? Each task trains once per seed with the Lecture preset's pretext budget (50 epochs of
 * 40,000 examples); at each listed epoch its trunk is frozen and measured by the linear probe. Epoch 0 is the
 * untrained trunk of that seed, so every task's line starts from its own random start.
 */
import type { TaskId } from '../tasks/registry';
import type { MeanStd } from './statistics';

/** A block of the trunk a probe reads (see features/probe-trunk.ts). */
export type ProbeBlock = 'conv1 + pool' | 'conv2 + pool';

/** Mean and spread over seeds, with each seed's value in `seedList` order. Fractions 0-1. */
export interface SeedStats extends MeanStd {
  readonly perSeed: readonly number[];
}

/** One probe reading at one epoch: a label count and a block. */
export interface PretextLengthProbe {
  readonly labels: number;
  readonly block: ProbeBlock;
  readonly accuracy: SeedStats;
}

/** One task at one epoch of its pretext training. */
export interface PretextLengthPoint {
  /** Epochs of pretext training done (0: the seed's untrained trunk). */
  readonly epoch: number;
  /** The pretext score on the test images' examples, mean over seeds. */
  readonly pretextScore: number;
  readonly pretextScoreStats: SeedStats;
  /** The headline: the probe at 1,000 labels after block 2 (the 288 features every head sees). */
  readonly accuracy: SeedStats;
  /** Every probe reading taken at this epoch. */
  readonly probes: readonly PretextLengthProbe[];
}

/** One task's line. */
export interface PretextLengthTask {
  readonly id: TaskId;
  readonly title: string;
  /** What the pretext score measures ("accuracy", ...). */
  readonly pretextMetric: string;
  /** The pretext score with nothing learned. */
  readonly chanceScore: number;
  readonly points: readonly PretextLengthPoint[];
  /** Wall time the task's seeds took to record, in ms. */
  readonly elapsedMs: number;
}

/** What `npm run pretext-length -- --json F` writes. */
export interface PretextLengthResult {
  readonly kind: 'pretext-length';
  readonly version: 1;
  /** The preset whose pretext budget was used (the Lecture's: 50 epochs). */
  readonly preset: string;
  readonly head: 'probe';
  readonly seedList: readonly number[];
  readonly epochs: readonly number[];
  readonly labels: readonly number[];
  readonly blocks: readonly ProbeBlock[];
  readonly testCount: number;
  readonly backend: string;
  readonly tasks: readonly PretextLengthTask[];
  /** ISO date and time the (last piece of the) recording finished. */
  readonly recordedAt: string;
  /** The command(s) that recorded it. */
  readonly commands: readonly string[];
  readonly elapsedMs: number;
}
