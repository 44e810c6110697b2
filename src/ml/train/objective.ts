/**
 * What a network is trained to do, as the training loop and the evaluator see it: how to turn rows of a
 * task's examples into target tensors, the loss to minimise, and a score a student can read. This is the
 * engine's half of every objective (each in its folder's `tensors.ts` under `src/ml/objectives/`), listed
 * once; the page-safe half, with the score's name and chance level, is `objectives/registry.ts`.
 */
import type * as tf from '@tensorflow/tfjs';
import type { InputScaling, TaskSet } from './task-set';
import type { ObjectiveKind, ObjectiveSpecs } from '../objectives/registry';
import { CLASSIFY } from '../objectives/classify/tensors';
import { reconstruction } from '../objectives/reconstruct/tensors';
import { pixelClassification } from '../objectives/classifyPixels/tensors';
import { contrastive } from '../objectives/contrastive/tensors';

export type { TaskSet } from './task-set';
export { CLASSIFY } from '../objectives/classify/tensors';

/** How a network's output is judged. Every tensor returned is the caller's to dispose. */
export interface Objective {
  /** The targets of the given rows: int32 class labels [b], or float pixels [b, 28, 28, 1] in 0-1. */
  targets(set: TaskSet, rows: ArrayLike<number>): tf.Tensor;
  /** The mean loss over the batch: what the optimiser minimises. */
  meanLoss(targets: tf.Tensor, output: tf.Tensor): tf.Scalar;
  /** The per-row loss summed over the batch (evaluation divides by the row count). */
  lossSum(targets: tf.Tensor, output: tf.Tensor): tf.Scalar;
  /** The per-row score (1 right, 0 wrong, or a fraction between) summed over the batch. */
  scoreSum(targets: tf.Tensor, output: tf.Tensor): tf.Scalar;
}

/** Each objective's tensors, by kind, for a network fed pixels scaled as `scaling` says. */
const TENSORS: { readonly [K in ObjectiveKind]: (spec: ObjectiveSpecs[K], scaling: InputScaling) => Objective } = {
  classify: () => CLASSIFY,
  reconstruct: reconstruction,
  classifyPixels: (spec) => pixelClassification(spec),
  contrastive: (spec) => contrastive(spec),
};

/** The objective a task describes, for a network fed pixels scaled as `scaling` says. */
export function objectiveFor<K extends ObjectiveKind>(spec: ObjectiveSpecs[K], scaling: InputScaling): Objective {
  // See objectiveTraits (objectives/registry.ts) for why the kind is named.
  const tensorsOf: (spec: ObjectiveSpecs[K], scaling: InputScaling) => Objective = TENSORS[spec.kind as K];
  return tensorsOf(spec, scaling);
}
