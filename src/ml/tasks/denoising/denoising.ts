/**
 * Denoising (Vincent, Larochelle, Bengio & Manzagol 2008, "Extracting and Composing Robust Features with
 * Denoising Autoencoders"): the digit is spoilt by random noise and the network must give back the clean one.
 * Vincent et al. argued that a network which can undo corruption has to know what clean inputs look like:
 * where the strokes of a digit can go, and which specks cannot belong to one. Inpainting is the same idea with
 * one large, structured corruption instead of many small random ones.
 *
 * Each example draws its own noise: Gaussian (every pixel moved by a random amount), salt and pepper (some
 * pixels set to pure white or pure black, as Vincent et al.'s masking and salt-and-pepper corruptions do), or
 * both, at a random level, so the four examples of one image are four different corruptions of it.
 */
import { IMAGE_PIXELS, type ImageSet } from '../../data/mnist';
import type { TaskSet } from '../../train/task-set';
import { createRng, type Rng } from '../../train/random';

/** The kinds of noise, by the index stored as an example's label. */
export const NOISE_NAMES = ['Gaussian', 'salt-and-pepper', 'Gaussian and salt-and-pepper'] as const;
/** The Gaussian noise's standard deviation, as a fraction of 255: from the lowest level to the highest. */
export const SIGMA = { min: 0.25, max: 0.5 } as const;
/** The share of pixels salt and pepper replaces (half white, half black): from the lowest level to the highest. */
export const SALT_AND_PEPPER = { min: 0.05, max: 0.2 } as const;
/** The brightness (0-255) between paper and ink: the reconstruction objective's ink threshold, 0.5. */
export const INK_LIMIT = 0.5 * 255;
/** How often the noise is drawn again before giving up on flipping any pixel (never needed in practice). */
const TRIES = 8;

/** One corruption: its kind (an index into NOISE_NAMES) and its level, 0 (mildest) to 1 (strongest). */
export interface Noise {
  readonly kind: number;
  readonly level: number;
}

/** Draws a kind of noise and a level. */
export function randomNoise(rng: Rng): Noise {
  return { kind: Math.floor(rng() * NOISE_NAMES.length), level: rng() };
}

/** A standard normal number (Box-Muller), from two uniform ones. */
function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Writes `src` with `noise` added into `dst`, clipped to 0-255. */
export function addNoise(src: Uint8Array, dst: Uint8Array, noise: Noise, rng: Rng): void {
  const sigma = noise.kind !== 1 ? (SIGMA.min + (SIGMA.max - SIGMA.min) * noise.level) * 255 : 0;
  const share = noise.kind !== 0 ? SALT_AND_PEPPER.min + (SALT_AND_PEPPER.max - SALT_AND_PEPPER.min) * noise.level : 0;
  for (let p = 0; p < src.length; p++) {
    let value = src[p] + (sigma > 0 ? sigma * gaussian(rng) : 0);
    if (share > 0 && rng() < share) value = rng() < 0.5 ? 0 : 255;
    dst[p] = Math.min(255, Math.max(0, Math.round(value)));
  }
}

/**
 * Marks with 1s the pixels the noise flipped between paper and ink (one side of `INK_LIMIT` in the clean digit,
 * the other in the noisy one); returns how many there are. Copying the input gets every one of them wrong.
 */
export function markFlipped(clean: Uint8Array, noisy: Uint8Array, mask: Uint8Array): number {
  let flipped = 0;
  for (let p = 0; p < clean.length; p++) {
    mask[p] = (clean[p] > INK_LIMIT) !== (noisy[p] > INK_LIMIT) ? 1 : 0;
    flipped += mask[p];
  }
  return flipped;
}

/**
 * `perImage` noisy copies of each image (rows image*perImage ...), with the clean originals as targets, as mask
 * the pixels the noise flipped between paper and ink, and as labels the kind of noise (an index into NOISE_NAMES).
 */
export function buildDenoisingSet(set: ImageSet, seed: number, perImage = 4): TaskSet {
  const rng = createRng(seed);
  const count = set.count * perImage;
  const images = new Uint8Array(count * IMAGE_PIXELS);
  const targets = new Uint8Array(count * IMAGE_PIXELS);
  const masks = new Uint8Array(count * IMAGE_PIXELS);
  const kinds = new Uint8Array(count);
  for (let i = 0; i < set.count; i++) {
    const src = set.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
    for (let k = 0; k < perImage; k++) {
      const row = i * perImage + k;
      const at = row * IMAGE_PIXELS;
      const noisy = images.subarray(at, at + IMAGE_PIXELS);
      const mask = masks.subarray(at, at + IMAGE_PIXELS);
      const noise = randomNoise(rng);
      kinds[row] = noise.kind;
      targets.set(src, at);
      // A row with no flipped pixel would score 0 however well it is restored; mild noise on a faint digit can
      // flip none, so it is drawn again at the same level.
      for (let tries = 0; tries < TRIES; tries++) {
        addNoise(src, noisy, noise, rng);
        if (markFlipped(src, noisy, mask) > 0) break;
      }
    }
  }
  // Digit labels are never read by a pretext task. The labels here say which noise each example got, for the
  // panel's captions; a reconstruction's objective never reads labels.
  return { images, labels: kinds, count, targets, masks };
}
