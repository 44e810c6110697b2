/**
 * Jigsaw puzzles adapted to 28x28 digits (after Noroozi & Favaro 2016, who used 3x3 tiles of larger photos).
 *
 * The image is cut into a 2x2 grid of 12x12 tiles, each cut a pixel or so off its nominal place (jitter), and
 * the tiles are put back with a 2-pixel gap between them, in one of the 4! = 24 orders. The network must name
 * the order. The gap and the jitter matter: without them, strokes that run straight across a tile edge would
 * give the answer away by simple edge matching, and the network would learn that instead of digit shapes.
 */
import { IMAGE_PIXELS, IMAGE_SIZE, type ImageSet } from '../../data/mnist';
import { createRng } from '../../train/random';

/** Side of a tile in pixels. */
export const TILE = 12;
/** Where the four tiles sit in the puzzle image (row, column of the top-left corner): a 2-pixel gap. */
export const SLOTS: readonly (readonly [number, number])[] = [[1, 1], [1, 15], [15, 1], [15, 15]];
/** Largest jitter of a tile's cut, in pixels either way. */
export const JITTER = 1;

/** All 24 orders of four tiles, in lexicographic order; the label is an index into this list. */
export const PERMUTATIONS: readonly (readonly number[])[] = (() => {
  const out: number[][] = [];
  const walk = (prefix: number[]) => {
    if (prefix.length === 4) out.push(prefix);
    for (let t = 0; t < 4; t++) if (!prefix.includes(t)) walk([...prefix, t]);
  };
  walk([]);
  return out;
})();

/** "2 1 4 3": which original tile sits in each slot, counting from 1, read left to right, top to bottom. */
export function permutationName(label: number): string {
  return PERMUTATIONS[label].map((t) => t + 1).join(' ');
}

/**
 * Writes the puzzle for one image: slot i receives original tile `order[i]`, cut at its slot's place shifted
 * by `shifts[tile]` (row, column). Pixels outside the tiles stay 0 (the gaps are black).
 */
export function writePuzzle(
  src: Uint8Array, dst: Uint8Array, order: readonly number[], shifts: readonly (readonly [number, number])[],
): void {
  dst.fill(0);
  for (let slot = 0; slot < 4; slot++) {
    const tile = order[slot];
    const [sr, sc] = [SLOTS[tile][0] + shifts[tile][0], SLOTS[tile][1] + shifts[tile][1]];
    const [dr, dc] = SLOTS[slot];
    for (let r = 0; r < TILE; r++) {
      for (let c = 0; c < TILE; c++) dst[(dr + r) * IMAGE_SIZE + dc + c] = src[(sr + r) * IMAGE_SIZE + sc + c];
    }
  }
}

const IDENTITY = [0, 1, 2, 3] as const;

/**
 * Builds `perImage` puzzles per image (rows image*perImage ...), each with a random order and jitter, plus
 * the unshuffled cut for the data panel (`targets`: the same tiles in their own places).
 */
export function buildJigsawSet(set: ImageSet, seed: number, perImage = 4): ImageSet & { readonly targets: Uint8Array } {
  const rng = createRng(seed);
  const count = set.count * perImage;
  const images = new Uint8Array(count * IMAGE_PIXELS);
  const targets = new Uint8Array(count * IMAGE_PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < set.count; i++) {
    const src = set.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
    for (let k = 0; k < perImage; k++) {
      const row = i * perImage + k;
      const label = Math.floor(rng() * PERMUTATIONS.length);
      const shifts = IDENTITY.map(() => [jitter(rng), jitter(rng)] as const);
      labels[row] = label;
      writePuzzle(src, images.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS), PERMUTATIONS[label], shifts);
      writePuzzle(src, targets.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS), IDENTITY, shifts);
    }
  }
  return { images, labels, count, targets };
}

function jitter(rng: () => number): number {
  return Math.floor(rng() * (2 * JITTER + 1)) - JITTER;
}
