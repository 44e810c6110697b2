/**
 * How much a frozen trunk gains over the random frozen trunk, and whether that gain is more than noise.
 * Page-safe (no tfjs), so the leaderboard panel judges a student's own runs with the same rule as the CLI.
 */
import { meanStd } from './statistics';

/** What the data says about a gain, never more. */
export type Verdict =
  /** Mean gain above twice the combined standard error. */
  | 'better'
  /** Mean gain below minus twice the combined standard error. */
  | 'worse'
  /** Within two standard errors: the seeds cannot tell the two apart. */
  | 'tie'
  /** Fewer than two seeds on either side: no spread to judge by. */
  | 'unknown';

/** A gain in accuracy (fractions), with its uncertainty and verdict. */
export interface Gain {
  /** Mean over seeds of (this row - random), paired by seed where both have it. */
  readonly mean: number;
  /** Sample standard deviation of the paired differences (0 with one seed). */
  readonly std: number;
  /**
   * Combined standard error of the difference of the two means, sqrt(s1²/n1 + s2²/n2): the noise that seeds
   * put on "row mean minus random mean".
   */
  readonly standardError: number;
  readonly verdict: Verdict;
}

/** Compares a row's accuracies with the random trunk's, seed by seed (same index, same seed). */
export function compareToRandom(row: readonly number[], random: readonly number[]): Gain {
  const n = Math.min(row.length, random.length);
  const diffs = Array.from({ length: n }, (_, i) => row[i] - random[i]);
  const d = meanStd(diffs);
  const a = meanStd(row);
  const b = meanStd(random);
  const standardError = Math.sqrt(a.std ** 2 / Math.max(row.length, 1) + b.std ** 2 / Math.max(random.length, 1));
  const mean = n > 0 ? d.mean : a.mean - b.mean;
  let verdict: Verdict = 'unknown';
  if (row.length >= 2 && random.length >= 2) {
    verdict = mean > 2 * standardError ? 'better' : mean < -2 * standardError ? 'worse' : 'tie';
  }
  return { mean, std: n > 1 ? d.std : 0, standardError, verdict };
}

/** The verdict in a sentence a student can read, naming the row. */
export function verdictSentence(title: string, gain: Gain): string {
  const points = (v: number) => `${(v * 100).toFixed(1)} points`;
  switch (gain.verdict) {
    case 'better': return `${title} beats the random trunk by ${points(gain.mean)}, more than twice the noise (±${points(gain.standardError)}).`;
    case 'worse': return `${title} does worse than the random trunk, by ${points(-gain.mean)} (noise ±${points(gain.standardError)}).`;
    case 'tie': return `${title} is no better than the random trunk: its gain of ${points(gain.mean)} is within the noise (±${points(gain.standardError)}, twice that would be needed).`;
    case 'unknown': return `${title}: one seed cannot tell a gain of ${points(gain.mean)} from noise; run more seeds.`;
  }
}
