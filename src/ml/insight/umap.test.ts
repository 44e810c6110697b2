import { describe, expect, it } from 'vitest';
import { startUmap } from './umap';
import { createRng } from '../train/random';

/** Two well-separated blobs in 8 dimensions, 30 points each. */
function blobs(): { values: Float32Array; count: number; width: number } {
  const rng = createRng(11);
  const count = 60;
  const width = 8;
  const values = new Float32Array(count * width);
  for (let i = 0; i < count; i++) for (let j = 0; j < width; j++) values[i * width + j] = (i < 30 ? 0 : 10) + rng();
  return { values, count, width };
}

function run(seed: number): Float32Array {
  const layout = startUmap(blobs(), { seed, epochs: 60, neighbours: 8 });
  while (layout.step(10) < layout.epochs);
  return layout.embedding();
}

describe('umap', () => {
  it('replays exactly with the same seed, and differs with another', () => {
    const a = run(1);
    expect(Array.from(run(1))).toEqual(Array.from(a));
    expect(Array.from(run(2))).not.toEqual(Array.from(a));
  });

  it('steps in chunks, reporting epochs done, and keeps the two blobs apart', () => {
    const layout = startUmap(blobs(), { seed: 3, epochs: 50, neighbours: 8 });
    expect(layout.epochs).toBe(50);
    expect(layout.step(20)).toBe(20);
    while (layout.step(20) < layout.epochs);
    expect(layout.step(5)).toBe(50);
    const e = layout.embedding();
    const centre = (from: number) => {
      let x = 0; let y = 0;
      for (let i = from; i < from + 30; i++) { x += e[i * 2]; y += e[i * 2 + 1]; }
      return [x / 30, y / 30];
    };
    const [a, b] = [centre(0), centre(30)];
    let spread = 0;
    for (let i = 0; i < 30; i++) spread += Math.hypot(e[i * 2] - a[0], e[i * 2 + 1] - a[1]);
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThan(2 * (spread / 30));
  });

  it('refuses too few points', () => {
    expect(() => startUmap({ values: [1, 2], width: 1, count: 2 }, { seed: 1 })).toThrow(RangeError);
  });
});
