/**
 * Probing a whole trunk block by block: after conv1 + pool, after conv2 + pool (the 288 features every head
 * sees), and, where the model has one, after the pretext model's third convolution. At each depth the same
 * labelled digits and test digits go through the trunk, and two probes read the digit off the features: the lab's
 * linear probe (probe/linear-probe.ts: standardised, penalty by cross-validation, trained to convergence) and a
 * k-nearest-neighbour vote (nothing trained).
 *
 * Why block by block: a network trained on a pretext task has no reason to keep its *last* block useful for
 * anything else. Gidaris et al. (2018) found RotNet's digit-relevant features peak in a middle block; the top
 * one specialises in telling rotations apart.
 */
import type * as tf from '#tf';
import type { ImageSet } from '../data/mnist';
import type { InputScaling } from '../train/batches';
import { extractFeatures } from './extract';
import { fitProbe, probeAccuracy } from '../probe/linear-probe';
import { blockDepths, knnProbe } from './probes';

/** One depth's probe results; accuracies are fractions 0-1 on the test digits. */
export interface ProbeRow {
  /** Layers run (2, 4, or 5). */
  readonly depth: number;
  /** "conv1 + pool", "conv2 + pool", "conv3". */
  readonly block: string;
  /** Features per image at this depth. */
  readonly width: number;
  readonly linear: number;
  readonly knn: number;
}

/** Settings of a probe run. */
export interface ProbeTrunkOptions {
  readonly scaling: InputScaling;
  /** Seeds the linear probe's cross-validation folds. */
  readonly seed: number;
  /** Neighbours in the vote (default 5). */
  readonly k?: number;
}

/** A block's name from the number of layers run. */
export function blockName(depth: number): string {
  return depth <= 2 ? 'conv1 + pool' : depth <= 4 ? 'conv2 + pool' : 'conv3';
}

/**
 * Probes `model` (a pretext model or a digit classifier: any network whose first layers are the trunk) at
 * each block depth. The model is only read. `onRow` sees each row as soon as it is measured.
 */
export async function probeTrunk(
  model: tf.LayersModel, train: ImageSet, test: ImageSet, options: ProbeTrunkOptions, onRow?: (row: ProbeRow) => void,
): Promise<ProbeRow[]> {
  const rows: ProbeRow[] = [];
  for (const depth of blockDepths(model)) {
    const trainFeatures = await extractFeatures(model, train, { scaling: options.scaling, depth });
    const testFeatures = await extractFeatures(model, test, { scaling: options.scaling, depth });
    const a = { features: trainFeatures, labels: train.labels };
    const b = { features: testFeatures, labels: test.labels };
    const linear = probeAccuracy(await fitProbe(a, { seed: options.seed }), b);
    const knn = await knnProbe(a, b, options.k ?? 5);
    const row = { depth, block: blockName(depth), width: trainFeatures.width, linear, knn };
    rows.push(row);
    onRow?.(row);
  }
  return rows;
}
