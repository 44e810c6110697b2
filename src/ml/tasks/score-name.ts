/**
 * What a task's score means, in words for a chart axis or a table heading. Page-safe (no tfjs).
 */
import type { ObjectiveSpec } from './types';

/**
 * "accuracy" for classifiers; for a reconstruction, the share of hidden (or blurred) pixels painted ink or paper
 * rightly; for colourization, the share of ink pixels given the right colour; for contrastive learning, the
 * share of views whose nearest other view is their partner.
 */
export function scoreName(spec: ObjectiveSpec): string {
  switch (spec.kind) {
    case 'classify': return 'accuracy';
    case 'reconstruct': return `${spec.maskName ?? 'hidden'} pixels right (ink or paper)`;
    case 'classifyPixels': return 'ink pixels given the right colour';
    case 'contrastive': return 'views that found their partner';
  }
}
