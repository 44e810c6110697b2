import { describe, expect, it } from 'vitest';
import { compareToRandom, verdictSentence } from './gain';

describe('the gain over the random trunk', () => {
  it('pairs seeds, and combines both rows\' spreads into one standard error', () => {
    const gain = compareToRandom([0.90, 0.92, 0.94], [0.86, 0.87, 0.88]);
    expect(gain.mean).toBeCloseTo(0.05, 12);
    // Differences 0.04, 0.05, 0.06: sample std 0.01.
    expect(gain.std).toBeCloseTo(0.01, 12);
    // sqrt(0.02² / 3 + 0.01² / 3)
    expect(gain.standardError).toBeCloseTo(Math.sqrt(0.0004 / 3 + 0.0001 / 3), 12);
    expect(gain.verdict).toBe('better');
  });

  it('calls a gain inside twice the noise a tie, and says so without naming a winner', () => {
    const gain = compareToRandom([0.84, 0.88, 0.84], [0.88, 0.87, 0.87]);
    expect(gain.verdict).toBe('tie');
    const sentence = verdictSentence('Rotation', gain);
    expect(sentence).toMatch(/^Rotation is no better than the random trunk/);
    expect(sentence).not.toMatch(/beats/);
  });

  it('calls a clear loss worse, and refuses to judge a single seed', () => {
    expect(compareToRandom([0.70, 0.71, 0.72], [0.86, 0.87, 0.88]).verdict).toBe('worse');
    const one = compareToRandom([0.95], [0.80]);
    expect(one.verdict).toBe('unknown');
    expect(one.mean).toBeCloseTo(0.15, 12);
    expect(verdictSentence('Jigsaw', one)).toMatch(/one seed cannot tell/);
  });
});
