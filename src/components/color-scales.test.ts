import { describe, expect, it } from 'vitest';
import { cssColor, divergingColor, readableInk, sequentialColor, sharedLimit } from './color-scales';

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

describe('readable ink', () => {
  it('puts white on dark and black on light, and always clears 4.5:1', () => {
    expect(readableInk([8, 48, 107])).toBe('#ffffff');
    expect(readableInk([247, 247, 247])).toBe('#000000');
    // The mid blues that axe caught with white text now get black.
    expect(readableInk([0x68, 0x96, 0xc5])).toBe('#000000');
    const lin = (c: number) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    for (let v = 0; v <= 255; v += 5) {
      const l = 0.2126 * lin(v) + 0.7152 * lin(v) + 0.0722 * lin(v);
      const ratio = readableInk([v, v, v]) === '#ffffff' ? 1.05 / (l + 0.05) : (l + 0.05) / 0.05;
      expect(ratio, `grey ${v}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
