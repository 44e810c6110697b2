/**
 * Context prediction (after Doersch, Gupta & Efros 2015) adapted to 28x28 digits.
 *
 * The image is cut into a 3x3 grid of 9-pixel cells, and a 7x7 patch is taken from each cell a pixel off its
 * middle at random (jitter), so neighbouring patches are 0-4 pixels apart: the lecture's "uneven spacing".
 * The centre patch and one of its eight neighbours are enlarged twice and put side by side, centre on the
 * left; the network must say where the neighbour was. Without the gap and the jitter, a stroke running
 * straight from one patch into the next would give the answer away by matching edges, and the network
 * would learn that instead of what digits look like.
 *
 * The whole grid is also moved by up to 6 pixels, so the centre patch is not always the digit's middle, and a
 * cut whose centre or neighbour patch is nearly empty is drawn again: an empty patch could have come from
 * anywhere, and a label nobody can answer teaches nothing. (A digit is only about 20 pixels wide, so a fixed
 * 27-pixel grid would leave a corner patch empty in half the examples; moving the grid finds ink for all but
 * about 1 in 100.) The neighbour's position is drawn first and never redrawn, so the eight labels stay
 * equally likely and chance stays 1/8.
 */
import { IMAGE_PIXELS, IMAGE_SIZE, type ImageSet } from '../../data/mnist';
import { createRng, type Rng } from '../../train/random';

/** Side of a patch, of a grid cell, in pixels. */
export const PATCH = 7;
export const CELL = 9;
/** Largest jitter of a patch inside its cell, and of the whole grid, in pixels either way. */
export const JITTER = 1;
export const GRID_SHIFT = 6;
/** A patch counts as empty below this many ink pixels (brighter than 127). */
export const MIN_INK = 4;
/** How many random draws of grid shift and jitter to try before searching every one. */
export const MAX_TRIES = 24;
/** Each patch is enlarged this many times in the input, so the 28x28 frame is used. */
export const ZOOM = 2;
/** Where the two enlarged patches sit in the input: top row, and the left edge of the centre and neighbour. */
export const PAIR_TOP = (IMAGE_SIZE - PATCH * ZOOM) / 2;
export const PAIR_LEFT = [0, PATCH * ZOOM] as const;

/** The eight neighbours' offsets in cells (row, column), in reading order; the label indexes this list. */
export const NEIGHBOURS: readonly (readonly [number, number])[] = [
  [-1, -1], [-1, 0], [-1, 1], [0, -1], [0, 1], [1, -1], [1, 0], [1, 1],
];
/** The neighbours' names, in label order. */
export const NEIGHBOUR_NAMES = ['top left', 'top', 'top right', 'left', 'right', 'bottom left', 'bottom', 'bottom right'] as const;

/**
 * Top-left corner of the centre cell with the grid unshifted (the grid's 27 pixels then start at the image's
 * corner). Shifted by up to GRID_SHIFT and jittered, every patch corner stays within the ink table's range.
 */
const CENTRE_CELL = CELL;
/** How bright the seven patches not asked about are drawn in the panel's picture of the grid. */
const DIM = 0.3;

/** Where the patches of one example are cut: the grid's shift and each of the nine patches' jitter. */
interface Cut {
  readonly shift: readonly [number, number];
  /** Jitter per cell, in reading order (index 4 is the centre). */
  readonly jitter: readonly (readonly [number, number])[];
}

/** Top-left corner of the patch of cell (cr, cc), each -1..1, in the source image (may lie partly outside). */
function patchCorner(cut: Cut, cr: number, cc: number): [number, number] {
  const [jr, jc] = cut.jitter[(cr + 1) * 3 + cc + 1];
  const offset = (CELL - PATCH) / 2;
  return [CENTRE_CELL + cr * CELL + offset + cut.shift[0] + jr, CENTRE_CELL + cc * CELL + offset + cut.shift[1] + jc];
}

/** The source pixel at (r, c), black outside the image. */
function at(src: Uint8Array, r: number, c: number): number {
  return r >= 0 && r < IMAGE_SIZE && c >= 0 && c < IMAGE_SIZE ? src[r * IMAGE_SIZE + c] : 0;
}

/** Patch corners the ink table covers, per axis: from -PATCH (wholly outside) to IMAGE_SIZE. */
const CORNER_MIN = -PATCH;
const CORNER_SPAN = IMAGE_SIZE + PATCH + 1;

function clamp(v: number): number {
  return v < 0 ? 0 : v > IMAGE_SIZE ? IMAGE_SIZE : v;
}

/** How many ink pixels a patch holds, by its corner: read from a table built once per image. */
export type InkOf = (r0: number, c0: number) => number;

/** The ink (pixels brighter than 127) of the patch at every corner, from a summed-area table of the image. */
export function inkCounter(src: Uint8Array): InkOf {
  const side = IMAGE_SIZE + 1;
  const table = new Int32Array(side * side);
  for (let r = 0; r < IMAGE_SIZE; r++) {
    for (let c = 0; c < IMAGE_SIZE; c++) {
      table[(r + 1) * side + c + 1] = (src[r * IMAGE_SIZE + c] > 127 ? 1 : 0)
        + table[r * side + c + 1] + table[(r + 1) * side + c] - table[r * side + c];
    }
  }
  const counts = new Int32Array(CORNER_SPAN * CORNER_SPAN);
  for (let i = 0; i < CORNER_SPAN; i++) {
    const r1 = clamp(CORNER_MIN + i) * side;
    const r2 = clamp(CORNER_MIN + i + PATCH) * side;
    for (let j = 0; j < CORNER_SPAN; j++) {
      const c1 = clamp(CORNER_MIN + j);
      const c2 = clamp(CORNER_MIN + j + PATCH);
      counts[i * CORNER_SPAN + j] = table[r2 + c2] - table[r1 + c2] - table[r2 + c1] + table[r1 + c1];
    }
  }
  return (r0, c0) => counts[(r0 - CORNER_MIN) * CORNER_SPAN + c0 - CORNER_MIN];
}

function drawCut(rng: Rng): Cut {
  const step = (span: number) => Math.floor(rng() * (2 * span + 1)) - span;
  return {
    shift: [step(GRID_SHIFT), step(GRID_SHIFT)],
    jitter: Array.from({ length: 9 }, () => [step(JITTER), step(JITTER)] as const),
  };
}

/** The ink of the emptier of the centre patch and neighbour `label`'s patch under `cut`. */
function pairInk(ink: InkOf, cut: Cut, label: number): number {
  const [nr, nc] = NEIGHBOURS[label];
  return Math.min(ink(...patchCorner(cut, 0, 0)), ink(...patchCorner(cut, nr, nc)));
}

/**
 * A cut for neighbour `label` whose centre and neighbour patches both hold at least `MIN_INK` ink pixels:
 * the first of up to `MAX_TRIES` random draws that does; failing that (a thin 1 asked for a corner), one
 * drawn at random among every grid shift and jitter of the two patches that does; and when none does at all
 * (about 1 example in 100 on MNIST), the random draw whose emptier patch held the most ink. The label itself is
 * never changed, so the eight positions stay equally likely.
 */
export function chooseCut(ink: InkOf, label: number, rng: Rng): Cut {
  let best: Cut | null = null;
  let bestInk = -1;
  for (let t = 0; t < MAX_TRIES; t++) {
    const cut = drawCut(rng);
    const found = pairInk(ink, cut, label);
    if (found >= MIN_INK) return cut;
    if (found > bestInk) [best, bestInk] = [cut, found];
  }
  // Every way to cut this pair, in a fixed order; keep those that work and take the one the generator picks.
  // Plain numbers, no objects: this runs for a few examples in a hundred.
  const base = best as Cut;
  const [nr, nc] = NEIGHBOURS[label];
  const start = CENTRE_CELL + (CELL - PATCH) / 2;
  const span = 2 * JITTER + 1;
  let count = 0;
  for (let dy = -GRID_SHIFT; dy <= GRID_SHIFT; dy++) {
    for (let dx = -GRID_SHIFT; dx <= GRID_SHIFT; dx++) {
      for (let centre = 0; centre < span * span; centre++) {
        if (ink(start + dy + Math.floor(centre / span) - JITTER, start + dx + (centre % span) - JITTER) < MIN_INK) continue;
        for (let other = 0; other < span * span; other++) {
          const [ny, nx] = [Math.floor(other / span) - JITTER, (other % span) - JITTER];
          if (ink(start + dy + nr * CELL + ny, start + dx + nc * CELL + nx) < MIN_INK) continue;
          FOUND[count++] = (((dy + GRID_SHIFT) * (2 * GRID_SHIFT + 1) + dx + GRID_SHIFT) * span * span + centre) * span * span + other;
        }
      }
    }
  }
  if (count === 0) return base;
  let code = FOUND[Math.floor(rng() * count)];
  const other = code % (span * span);
  code = Math.floor(code / (span * span));
  const centre = code % (span * span);
  code = Math.floor(code / (span * span));
  const jitterOf = (j: number) => [Math.floor(j / span) - JITTER, (j % span) - JITTER] as const;
  const neighbour = (nr + 1) * 3 + nc + 1;
  return {
    shift: [Math.floor(code / (2 * GRID_SHIFT + 1)) - GRID_SHIFT, (code % (2 * GRID_SHIFT + 1)) - GRID_SHIFT],
    jitter: base.jitter.map((j, cell) => (cell === 4 ? jitterOf(centre) : cell === neighbour ? jitterOf(other) : j)),
  };
}

/** Room for every cut of a pair (grid shifts x centre jitters x neighbour jitters), reused between calls. */
const FOUND = new Int32Array((2 * GRID_SHIFT + 1) ** 2 * (2 * JITTER + 1) ** 4);

/** Copies the patch with corner (r0, c0), enlarged ZOOM times, into `dst` with its top-left at (top, left). */
function blitZoomed(src: Uint8Array, r0: number, c0: number, dst: Uint8Array, top: number, left: number): void {
  for (let r = 0; r < PATCH * ZOOM; r++) {
    for (let c = 0; c < PATCH * ZOOM; c++) {
      dst[(top + r) * IMAGE_SIZE + left + c] = at(src, r0 + Math.floor(r / ZOOM), c0 + Math.floor(c / ZOOM));
    }
  }
}

/** Writes the network's input: the centre patch on the left, the neighbour on the right, enlarged. */
export function writePair(src: Uint8Array, dst: Uint8Array, cut: Cut, label: number): void {
  dst.fill(0);
  const [nr, nc] = NEIGHBOURS[label];
  blitZoomed(src, ...patchCorner(cut, 0, 0), dst, PAIR_TOP, PAIR_LEFT[0]);
  blitZoomed(src, ...patchCorner(cut, nr, nc), dst, PAIR_TOP, PAIR_LEFT[1]);
}

/**
 * Writes the panel's picture of where the pair came from: all nine patches where they were cut, at their own
 * size, the two in the input at full brightness and the other seven dimmed; everything else black.
 */
export function writeGrid(src: Uint8Array, dst: Uint8Array, cut: Cut, label: number): void {
  dst.fill(0);
  const [nr, nc] = NEIGHBOURS[label];
  for (let cr = -1; cr <= 1; cr++) {
    for (let cc = -1; cc <= 1; cc++) {
      const bright = (cr === 0 && cc === 0) || (cr === nr && cc === nc);
      const [r0, c0] = patchCorner(cut, cr, cc);
      for (let r = 0; r < PATCH; r++) {
        for (let c = 0; c < PATCH; c++) {
          const [y, x] = [r0 + r, c0 + c];
          if (y < 0 || y >= IMAGE_SIZE || x < 0 || x >= IMAGE_SIZE) continue;
          dst[y * IMAGE_SIZE + x] = bright ? src[y * IMAGE_SIZE + x] : Math.round(src[y * IMAGE_SIZE + x] * DIM);
        }
      }
    }
  }
}

/**
 * Builds `perImage` examples per image (rows image*perImage ...): each a uniformly drawn neighbour position
 * (the label) and a cut where both patches hold ink, plus the panel's picture of the grid (`targets`).
 */
export function buildContextSet(set: ImageSet, seed: number, perImage = 4): ImageSet & { readonly targets: Uint8Array } {
  const rng = createRng(seed);
  const count = set.count * perImage;
  const images = new Uint8Array(count * IMAGE_PIXELS);
  const targets = new Uint8Array(count * IMAGE_PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < set.count; i++) {
    const src = set.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
    const ink = inkCounter(src);
    for (let k = 0; k < perImage; k++) {
      const row = i * perImage + k;
      const label = Math.floor(rng() * NEIGHBOURS.length);
      const cut = chooseCut(ink, label, rng);
      labels[row] = label;
      writePair(src, images.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS), cut, label);
      writeGrid(src, targets.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS), cut, label);
    }
  }
  return { images, labels, count, targets };
}
