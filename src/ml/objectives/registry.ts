/**
 * Every objective the lab knows, page-safe half: a task names its objective by a description (`kind` and its
 * settings), and everything the page needs to know about it comes from here, with no tfjs. The engine's half,
 * the tensors, is the same list in `train/objective.ts`. Adding an objective is one folder under
 * `src/ml/objectives/` and one line in each list.
 */
import { classifyTraits, type ClassifySpec } from './classify';
import { reconstructTraits, type ReconstructSpec } from './reconstruct';
import { classifyPixelsTraits, type ClassifyPixelsSpec } from './classifyPixels';
import { contrastiveTraits, type ContrastiveSpec } from './contrastive';
import type { ObjectiveTraits } from './types';

/** Each objective's description, by kind. */
export interface ObjectiveSpecs {
  readonly classify: ClassifySpec;
  readonly reconstruct: ReconstructSpec;
  readonly classifyPixels: ClassifyPixelsSpec;
  readonly contrastive: ContrastiveSpec;
}

/** An objective's kind. */
export type ObjectiveKind = keyof ObjectiveSpecs;

/** What a task's output is judged by, described: one of the objectives' descriptions. */
export type ObjectiveSpec = ObjectiveSpecs[ObjectiveKind];

/** Each objective's page-safe half, by kind. */
const OBJECTIVES: { readonly [K in ObjectiveKind]: (spec: ObjectiveSpecs[K]) => ObjectiveTraits } = {
  classify: classifyTraits,
  reconstruct: reconstructTraits,
  classifyPixels: classifyPixelsTraits,
  contrastive: contrastiveTraits,
};

/** What the objective `spec` describes means to the page: its score's name, chance, loss in words, samples. */
export function objectiveTraits<K extends ObjectiveKind>(spec: ObjectiveSpecs[K]): ObjectiveTraits {
  // Indexing the list by a generic kind keeps description and half paired (TypeScript's correlated unions);
  // `spec.kind` is that kind, which the compiler cannot see through the indexed type without being told.
  const traitsOf: (spec: ObjectiveSpecs[K]) => ObjectiveTraits = OBJECTIVES[spec.kind as K];
  return traitsOf(spec);
}

/** What the score of objective `spec` means, in words for a chart's axis or a table's heading. */
export function scoreName(spec: ObjectiveSpec): string {
  return objectiveTraits(spec).scoreName;
}
