/**
 * The shape of a leaderboard: what `npm run leaderboard -- --json F` writes and the app's panel reads.
 * Page-safe types and names (no tfjs); the runner is `leaderboard.ts`.
 */
import type { PresetName } from '../config/presets';
import type { TestSetName } from '../data/splits';
import type { TaskId } from '../tasks/registry';
import type { Gain } from './gain';
import type { MeanStd } from './statistics';

/** Ids of the reference rows. */
export type ReferenceId = 'random' | 'scratch' | 'upper';
/** The reference rows in display order. */
export const REFERENCE_IDS: readonly ReferenceId[] = ['random', 'scratch', 'upper'];

/**
 * The instrument that read the digit off a frozen trunk. `probe`: the linear probe (standardised features, L2
 * chosen by cross-validation on the labelled images, trained to convergence; src/ml/probe/). `lecture`: the
 * lecture's Dense(10) head (raw-scale features, SGD 0.001 with momentum, early stopping on training accuracy).
 */
export type LeaderboardHead = 'probe' | 'lecture';

/** The instruments, in the order the panels show them. */
export const LEADERBOARD_HEADS: readonly LeaderboardHead[] = ['probe', 'lecture'];

/** One seed of one task. Scores are fractions 0-1. */
export interface TaskSeedResult {
  readonly seed: number;
  readonly pretextScore: number;
  readonly digitAccuracy: number;
  /** Set when the head failed to fit (see fit-check.ts): the accuracy is then no verdict on the trunk. */
  readonly failedFit?: string;
}

/** One pretext task's row. */
export interface TaskRow {
  readonly id: TaskId;
  readonly title: string;
  /** What the pretext score measures ("accuracy", "hidden pixels right (ink or paper)"). */
  readonly pretextMetric: string;
  /** The pretext score on the test images' examples, mean over seeds. */
  readonly pretextScore: number;
  /** The pretext score with nothing learned. */
  readonly chanceScore: number;
  /** Test accuracy of the digit head on the frozen trunk, over seeds. */
  readonly digitAccuracy: MeanStd;
  readonly gainOverRandom: Gain;
  readonly perSeed: readonly TaskSeedResult[];
}

/** One reference row. */
export interface ReferenceRow {
  readonly id: ReferenceId;
  readonly title: string;
  readonly digitAccuracy: MeanStd;
  readonly perSeed: readonly { readonly seed: number; readonly digitAccuracy: number; readonly failedFit?: string }[];
}

/** What `npm run leaderboard -- --json F` writes, and what the app's leaderboard panel reads. */
export interface LeaderboardResult {
  readonly version: 1;
  /** The instrument (files recorded before there was a choice lack it: they used the lecture's head). */
  readonly head?: LeaderboardHead;
  readonly preset: PresetName;
  readonly seeds: readonly number[];
  readonly test: TestSetName;
  readonly testCount: number;
  readonly labelledCount: number;
  /** The equal budget, in words. */
  readonly budget: string;
  readonly tasks: readonly TaskRow[];
  readonly references: readonly ReferenceRow[];
  readonly backend: string;
  /** ISO date and time the run finished. */
  readonly recordedAt: string;
  readonly elapsedMs: number;
}

/** The reference rows' names in the app and the CLI. */
export const REFERENCE_TITLES: Readonly<Record<ReferenceId, string>> = {
  random: 'Random frozen trunk (control)',
  scratch: 'Supervised from scratch',
  upper: 'Upper bound: trunk trained on the digit labels',
};

/** The upper bound's title under the probe, whose trunk is trained to convergence on `labels` digits (upper-bound.ts). */
export function convergedUpperTitle(labels: number): string {
  return `Upper bound: trunk trained on ${labels.toLocaleString('en-US')} digit labels to convergence`;
}

