/**
 * Reading a trunk with the probe: at each block the study asks about, for each labelled set, the probe's test
 * accuracy. The test images' features are computed once per block and shared by every labelled set, since they
 * are most of the work (10,000 images against a few hundred labelled ones).
 */
import type * as tf from '#tf';
import type { ImageSet } from '../data/mnist';
import type { InputScaling } from '../train/task-set';
import { extractFeatures } from '../features/extract';
import { fitProbe, probeAccuracy, type FittedProbe, type ProbeNormalisation } from './linear-probe';

/** The depths (layers run) of the blocks: after conv1 + pool, after conv2 + pool. */
export const BLOCK_DEPTHS = { 'conv1 + pool': 2, 'conv2 + pool': 4 } as const;

/** A block of the trunk, by name. */
export type TrunkBlock = keyof typeof BLOCK_DEPTHS;

/** One labelled set to fit probes on. */
export interface LabelledSet {
  /** How many labels (its size). */
  readonly labels: number;
  readonly images: ImageSet;
}

/** One reading. */
export interface TrunkReading {
  readonly labels: number;
  readonly block: TrunkBlock;
  readonly accuracy: number;
  readonly lambda: number;
  readonly converged: boolean;
}

/** What to read. */
export interface ReadingOptions {
  readonly scaling: InputScaling;
  readonly blocks: readonly TrunkBlock[];
  /** Seeds the probe's folds. */
  readonly seed: number;
  readonly normalisation?: ProbeNormalisation;
}

/** Probes `model`'s trunk at each block on each labelled set; the model is only read. */
export async function readTrunk(
  model: tf.LayersModel, sets: readonly LabelledSet[], test: ImageSet, options: ReadingOptions,
): Promise<TrunkReading[]> {
  const readings: TrunkReading[] = [];
  for (const block of options.blocks) {
    const depth = BLOCK_DEPTHS[block];
    const testFeatures = await extractFeatures(model, test, { scaling: options.scaling, depth });
    for (const set of sets) {
      const features = await extractFeatures(model, set.images, { scaling: options.scaling, depth });
      const probe: FittedProbe = await fitProbe(
        { features, labels: set.images.labels },
        { seed: options.seed, normalisation: options.normalisation },
      );
      readings.push({
        labels: set.labels, block, lambda: probe.lambda, converged: probe.converged,
        accuracy: probeAccuracy(probe, { features: testFeatures, labels: test.labels }),
      });
    }
  }
  return readings;
}
