import { describe, expect, it } from 'vitest';
import { covariance, pca } from './pca';
import { createRng } from '../train/random';

/** Points stretched along a known direction: x = t * (3, 4) / 5 * 10 + small noise. */
function stretched(count: number): Float32Array {
  const rng = createRng(3);
  const values = new Float32Array(count * 3);
  for (let i = 0; i < count; i++) {
    const t = rng() * 2 - 1;
    values[i * 3] = 6 * t + 0.1 * (rng() - 0.5);
    values[i * 3 + 1] = 8 * t + 0.1 * (rng() - 0.5);
    values[i * 3 + 2] = 0.5 * (rng() - 0.5) + 7;
  }
  return values;
}

describe('pca', () => {
  it('computes the sample covariance', () => {
    const { cov, mean } = covariance({ values: [1, 2, 3, 6], width: 2, count: 2 });
    expect(Array.from(mean)).toEqual([2, 4]);
    expect(Array.from(cov)).toEqual([2, 4, 4, 8]);
  });

  it('finds the direction of greatest variance, with a fixed sign', () => {
    const values = stretched(500);
    const { axes, explained, points } = pca({ values, width: 3, count: 500 });
    expect(axes[0]).toBeCloseTo(0.6, 2);
    expect(axes[1]).toBeCloseTo(0.8, 2);
    expect(Math.abs(axes[2])).toBeLessThan(0.01);
    expect(explained[0]).toBeGreaterThan(0.99);
    expect(explained[0] + explained[1]).toBeLessThanOrEqual(1 + 1e-9);
    // The second axis is orthogonal to the first and lies mostly along the third coordinate (the next largest spread).
    const dot = axes[0] * axes[3] + axes[1] * axes[4] + axes[2] * axes[5];
    expect(Math.abs(dot)).toBeLessThan(1e-6);
    expect(Math.abs(axes[5])).toBeGreaterThan(0.9);
    // Projections are centred.
    let sum = 0;
    for (let i = 0; i < 500; i++) sum += points[i * 2];
    expect(Math.abs(sum / 500)).toBeLessThan(1e-4);
  });

  it('gives the same answer whatever the seed of the start vector', () => {
    const values = stretched(200);
    const a = pca({ values, width: 3, count: 200 }, { seed: 1 });
    const b = pca({ values, width: 3, count: 200 }, { seed: 99 });
    for (let i = 0; i < a.points.length; i++) expect(a.points[i]).toBeCloseTo(b.points[i], 3);
  });

  it('refuses impossible sizes', () => {
    expect(() => pca({ values: [1, 2], width: 2, count: 1 }, { components: 3 })).toThrow(RangeError);
    expect(() => pca({ values: [1, 2], width: 2, count: 2 })).toThrow(RangeError);
  });
});
