/**
 * What a network is trained to do, as the training loop and the evaluator see it: how to turn rows of a
 * task's examples into target tensors, the loss to minimise, and a score a student can read. This is the
 * engine's half of every objective (each in its folder's `tensors.ts` under `src/ml/objectives/`), listed
 * once; the page-safe half, with the score's name and chance level, is `objectives/registry.ts`.
 */
import type { InputScaling } from './task-set';
import type { Objective } from '../objectives/tensor-types';
import type { ObjectiveKind, ObjectiveSpecs } from '../objectives/registry';
import { CLASSIFY } from '../objectives/classify/tensors';
import { reconstruction } from '../objectives/reconstruct/tensors';
import { pixelClassification } from '../objectives/classifyPixels/tensors';
import { contrastive } from '../objectives/contrastive/tensors';

export type { TaskSet } from './task-set';
export { CLASSIFY } from '../objectives/classify/tensors';
export type { Objective } from '../objectives/tensor-types';

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
