import { describe, expect, it } from 'vitest';
import { shapePath } from './shape-path';

describe('shapePath', () => {
  it('draws a line, a rectangle and a polygon as path data', () => {
    expect(shapePath({ tag: 'line', x1: 0, y1: 1, x2: 10, y2: 1 })).toBe('M0 1L10 1');
    expect(shapePath({ tag: 'rect', x: 1, y: 2, width: 3, height: 4 })).toBe('M1 2h3v4h-3Z');
    expect(shapePath({ tag: 'polygon', points: '8,1 1,14 15,14' })).toBe('M8 1L1 14L15 14Z');
    expect(shapePath({ tag: 'polyline', points: '0 0, 5 5' })).toBe('M0 0L5 5');
  });
  it('draws a circle as two arcs through its leftmost point', () => {
    expect(shapePath({ tag: 'circle', cx: 8, cy: 8, r: 6 })).toBe('M2 8a6 6 0 1 0 12 0a6 6 0 1 0 -12 0Z');
  });
  it('draws nothing for shapes with no area or too few points', () => {
    expect(shapePath({ tag: 'circle', cx: 0, cy: 0, r: 0 })).toBe('');
    expect(shapePath({ tag: 'rect', x: 0, y: 0, width: 0, height: 5 })).toBe('');
    expect(shapePath({ tag: 'polygon', points: '1,2' })).toBe('');
  });
});
