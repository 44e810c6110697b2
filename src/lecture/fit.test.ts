import { describe, expect, it } from 'vitest';
import { FIT_START, MIN_FIT, nextFit, type FitState } from './fit';

const at = (fit: number, tooBig = Infinity, height = 0): FitState => ({ fit, tooBig, height });

describe('fitting a slide to the screen', () => {
  it('leaves a slide that fits alone, a pixel of rounding included, and remembers its height', () => {
    expect(nextFit(FIT_START, 600, 600)).toEqual(at(1, Infinity, 600));
    expect(nextFit(FIT_START, 600, 601)).toEqual(at(1, Infinity, 601));
    const settled = nextFit(FIT_START, 600, 580);
    expect(nextFit(settled, 600, 580)).toBe(settled);
  });

  it('shrinks an overflowing slide by at least one step, towards the size that fits, and remembers it overflowed', () => {
    expect(nextFit(FIT_START, 600, 610)).toEqual(at(0.98, 1));
    expect(nextFit(FIT_START, 600, 1200).fit).toBeCloseTo(0.7, 2);
    expect(nextFit(at(0.9), 600, 700).fit).toBeLessThan(0.9);
  });

  it('never goes below the floor, however much is on the slide', () => {
    expect(nextFit(FIT_START, 600, 60_000).fit).toBe(MIN_FIT);
    expect(nextFit(at(MIN_FIT), 600, 60_000).fit).toBe(MIN_FIT);
  });

  it('grows a slide with room to spare back up, but never to a size seen to overflow', () => {
    expect(nextFit(at(0.6), 600, 300).fit).toBeCloseTo(0.84, 2);
    expect(nextFit(at(0.6, 0.7), 600, 300)).toEqual(at(0.68, 0.7));
    expect(nextFit(at(0.68, 0.7), 600, 300)).toEqual(at(0.68, 0.7, 300));
    // Nearly full: stay.
    expect(nextFit(at(0.6), 600, 580).fit).toBe(0.6);
  });

  it('forgets which sizes overflowed once the content itself shrinks', () => {
    // Measured at 0.6 with 580 px of content; then the content drops to 300 px at the same size.
    expect(nextFit(at(0.6, 0.7, 580), 600, 300).fit).toBeCloseTo(0.84, 2);
  });

  it('settles: shrinking and growing in turn ends at one factor', () => {
    // A slide whose height is proportional to the square of the factor, 1,000 px at full size in a 600 px stage.
    let state = FIT_START;
    const seen: number[] = [];
    for (let i = 0; i < 20; i++) {
      state = nextFit(state, 600, 1000 * state.fit ** 2);
      seen.push(state.fit);
    }
    expect(seen.slice(-5).every((f) => f === seen[seen.length - 1])).toBe(true);
    expect(1000 * state.fit ** 2).toBeLessThanOrEqual(601);
    expect(state.fit).toBeGreaterThan(0.7);
  });
});
