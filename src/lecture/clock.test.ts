import { describe, expect, it } from 'vitest';
import { elapsedInWords, formatElapsed } from './clock';

describe('formatElapsed', () => {
  it('reads m:ss under an hour and h:mm:ss from the hour on', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(999)).toBe('0:00');
    expect(formatElapsed(5_000)).toBe('0:05');
    expect(formatElapsed(12 * 60_000 + 5_000)).toBe('12:05');
    expect(formatElapsed(3_599_999)).toBe('59:59');
    expect(formatElapsed(3_600_000)).toBe('1:00:00');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });

  it('never shows a negative time (a clock reset by another window a moment ahead)', () => {
    expect(formatElapsed(-2_000)).toBe('0:00');
  });
});

describe('elapsedInWords', () => {
  it('says the time for a screen reader', () => {
    expect(elapsedInWords(1_000)).toBe('1 second');
    expect(elapsedInWords(12 * 60_000 + 5_000)).toBe('12 minutes 5 seconds');
    expect(elapsedInWords(3_661_000)).toBe('1 hour 1 minute 1 second');
  });
});
