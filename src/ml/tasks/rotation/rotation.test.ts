import { describe, expect, it } from 'vitest';
import { buildRotationSet, rot90Into } from './rotation';
import { IMAGE_PIXELS } from '../../data/mnist';

/** Hand-worked np.rot90 on a 3x3 grid, counter-clockwise quarter-turns:
 *  1 2 3      k=1: 3 6 9    k=2: 9 8 7    k=3: 7 4 1
 *  4 5 6           2 5 8         6 5 4         8 5 2
 *  7 8 9           1 4 7         3 2 1         9 6 3
 */
const GRID = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
const EXPECTED = [
  [1, 2, 3, 4, 5, 6, 7, 8, 9],
  [3, 6, 9, 2, 5, 8, 1, 4, 7],
  [9, 8, 7, 6, 5, 4, 3, 2, 1],
  [7, 4, 1, 8, 5, 2, 9, 6, 3],
];

function rotate(k: number): number[] {
  const out = new Uint8Array(9);
  rot90Into(GRID, out, k, 3);
  return Array.from(out);
}

describe('rotation pretext data', () => {
  it('turns counter-clockwise like np.rot90', () => {
    for (let k = 0; k < 4; k++) expect(rotate(k)).toEqual(EXPECTED[k]);
    expect(rotate(4)).toEqual(EXPECTED[0]);
    expect(rotate(-1)).toEqual(EXPECTED[3]);
  });

  it('makes 4 examples per image labelled by the rotation, never by the digit', () => {
    const images = new Uint8Array(3 * IMAGE_PIXELS);
    images[0] = 10; // image 0: top-left pixel
    images[IMAGE_PIXELS + 1] = 20; // image 1: pixel (0, 1)
    const set = buildRotationSet({ images, labels: Uint8Array.from([9, 9, 9]), count: 3 }, 'grouped');
    expect(set.count).toBe(12);
    expect(Array.from(set.labels)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
    // Image 0 rotated once (counter-clockwise): the top-left pixel moves to the bottom-left.
    expect(set.images[1 * IMAGE_PIXELS + 27 * 28 + 0]).toBe(10);
    // ...twice: bottom-right; three times: top-right.
    expect(set.images[2 * IMAGE_PIXELS + 27 * 28 + 27]).toBe(10);
    expect(set.images[3 * IMAGE_PIXELS + 27]).toBe(10);
  });

  it("puts image 0 last in the lecture's order (the notebook's 4*i-4 indexing)", () => {
    const images = new Uint8Array(3 * IMAGE_PIXELS);
    for (let i = 0; i < 3; i++) images[i * IMAGE_PIXELS] = 100 + i;
    const set = buildRotationSet({ images, labels: new Uint8Array(3), count: 3 }, 'lecture');
    // Rows 0-3: image 1; rows 4-7: image 2; rows 8-11: image 0. Row 4k is the unrotated copy.
    expect([0, 4, 8].map((row) => set.images[row * IMAGE_PIXELS])).toEqual([101, 102, 100]);
  });
});
