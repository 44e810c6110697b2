/**
 * What a task's score means, in words for a chart axis or a table heading. Page-safe (no tfjs).
 */
import type { ObjectiveSpec } from './types';

/**
 * "accuracy" for classifiers; for a reconstruction, the share of hidden pixels painted ink or paper rightly;
 * for colourization, the share of ink pixels given the right colour.
 */
export function scoreName(spec: ObjectiveSpec): string {
  switch (spec.kind) {
    case 'classify': return 'accuracy';
    case 'reconstruct': return `${spec.maskName ?? 'hidden'} pixels right (ink or paper)`;
    case 'classifyPixels': return 'ink pixels given the right colour';
  }
}
