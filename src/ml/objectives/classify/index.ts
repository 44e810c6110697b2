/**
 * The classifier's objective, page-safe half: name one of a few classes (rotation's 4 turns, jigsaw's 24
 * orders, the 10 digits). Cross-entropy from the logits and accuracy, exactly as the lecture's Keras model
 * computes them; the tensors are in `tensors.ts`.
 */
import type { ObjectiveTraits } from '../types';
import { examplePictures } from '../sample-pictures';

/** Name one of a few classes: cross-entropy from logits, scored by accuracy. */
export interface ClassifySpec {
  readonly kind: 'classify';
}

/** The objective of the digit heads, and of a run that names no other. */
export const CLASSIFY_SPEC: ClassifySpec = { kind: 'classify' };

/** True for the classifier's objective: the one trainer that does nothing else (the typed-array head) asks. */
export function isClassify(spec: { readonly kind: string }): spec is ClassifySpec {
  return spec.kind === 'classify';
}

/** What a classifier's objective means to the page. */
export function classifyTraits(_spec: ClassifySpec): ObjectiveTraits {
  return {
    scoreName: 'accuracy',
    lossWords: 'categorical cross-entropy',
    groupSize: 1,
    evaluationBatch: (requested) => requested,
    // Guessing: one class in n.
    chance: (_set, classNames) => 1 / classNames.length,
    paints: false,
    namesClasses: true,
    samples: (examples, describe) => examplePictures(examples, describe, 'input', null),
  };
}
