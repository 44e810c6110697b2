/**
 * A task's examples as typed arrays: the images the network sees, and what it must predict. Kept apart from
 * the objectives (which need tfjs) so the page can build and show examples without loading tfjs.
 */
import type { ImageSet } from '../data/mnist';

/**
 * `images` are the inputs. Classifiers use `labels` (class indices); reconstructions use `targets` (the pixels
 * to predict, 784 bytes per row) and `masks` (784 bytes per row: 1 where the pixel counts fully, 0 where it
 * counts only a little).
 */
export interface TaskSet extends ImageSet {
  readonly targets?: Uint8Array;
  readonly masks?: Uint8Array;
  /**
   * Cached trunk features, one row of `width` numbers per image. When present, batches are made of these rows
   * instead of pixels: a frozen trunk gives the same features every epoch, so a head can train on them alone
   * (src/ml/features/). `images` may then be empty.
   */
  readonly features?: FeatureMatrix;
}

/** Rows of numbers, `width` per row, row-major: what a trunk outputs for each image, flattened. */
export interface FeatureMatrix {
  readonly values: Float32Array;
  readonly width: number;
}

/**
 * How pixels reach the network: `raw` 0-255 as the lecture feeds them (it never rescales), or `unit`,
 * divided by 255, as most code does.
 */
export type InputScaling = 'raw' | 'unit';
