/**
 * How a run is named and coloured in every panel, so "blue" and "Self-supervised (rotation features,
 * frozen)" mean the same model on every chart, table and stem plot.
 */
import type { RunSpec } from '../../ml/experiment/runs';
import { TASK_IDS, taskById, type TaskId } from '../../ml/tasks/registry';
import { RUN_COLORS, TASK_ACCENTS } from '../../components/palette';

/** A run's name for tables, legends and stem plots; the seed is named when it is not the one in view. */
export function runLabel(spec: RunSpec, seedInView?: number): string {
  const title = taskById(spec.task).title.toLowerCase();
  const base = spec.use === 'pretext' ? `${taskById(spec.task).title} pretext model`
    : spec.use === 'transfer' ? `Self-supervised (${title} features, frozen)`
      : spec.use === 'finetune' ? `Fine-tuned (from ${title} features)`
      : spec.use === 'scratch' ? 'Supervised (from scratch)'
        : 'Control: random features, frozen';
  return seedInView !== undefined && spec.seed !== seedInView ? `${base}, seed ${spec.seed}` : base;
}

/** A run's colour: by its use, with the other tasks' frozen features in their own accents. */
export function runColor(spec: RunSpec, taskInView: TaskId): string {
  if (spec.use !== 'transfer' || spec.task === taskInView) return RUN_COLORS[spec.use];
  const others = TASK_IDS.filter((t) => t !== taskInView);
  return TASK_ACCENTS[others.indexOf(spec.task) % TASK_ACCENTS.length];
}

/** Display order: self-supervised runs (registry order), then fine-tuned, supervised, the random control; by seed within. */
export function compareRuns(a: RunSpec, b: RunSpec): number {
  const rank = (s: RunSpec) => (s.use === 'transfer' ? TASK_IDS.indexOf(s.task) : s.use === 'finetune' ? 50 + TASK_IDS.indexOf(s.task)
    : s.use === 'scratch' ? 100 : s.use === 'random' ? 200 : -1);
  return rank(a) - rank(b) || a.seed - b.seed || a.labels - b.labels;
}
