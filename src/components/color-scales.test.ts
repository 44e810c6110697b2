import { describe, expect, it } from 'vitest';
import { cssColor, divergingColor, sequentialColor, sharedLimit } from './color-scales';

describe('colour scales', () => {
  it('diverges from white at zero to blue below and red above, clamped at the limit', () => {
    expect(divergingColor(0, 1)).toEqual([247, 247, 247]);
    expect(divergingColor(-1, 1)).toEqual([33, 102, 172]);
    expect(divergingColor(5, 1)).toEqual([178, 24, 43]);
    expect(divergingColor(0.3, 0)).toEqual([247, 247, 247]);
  });

  it('runs from white to dark blue for non-negative values', () => {
    expect(sequentialColor(0, 2)).toEqual([255, 255, 255]);
    expect(sequentialColor(2, 2)).toEqual([8, 48, 107]);
    expect(cssColor(sequentialColor(-1, 2))).toBe('rgb(255, 255, 255)');
  });

  it('finds one limit for several arrays', () => {
    expect(sharedLimit([0.1, -0.4], new Float32Array([0.3]))).toBeCloseTo(0.4);
    expect(sharedLimit()).toBe(0);
  });
});
