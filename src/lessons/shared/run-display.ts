/**
 * How a run is named and coloured in every panel, so "blue" and "Self-supervised (rotation features,
 * frozen)" mean the same model on every chart, table and stem plot.
 */
import type { RunSpec } from '../../ml/experiment/runs';
import { TASK_IDS, taskById, type TaskId } from '../../ml/tasks/registry';
import { ROTATION_ACCENT, RUN_COLORS, TASK_ACCENTS } from '../../components/palette';

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

/**
 * A task's own colour for its frozen features: rotation's is the lecture's transfer blue, every other task
 * has an accent of its own, the same on every chart (the curve, the probes, a comparison of runs).
 */
export function taskAccent(task: TaskId): string {
  if (task === 'rotation') return RUN_COLORS.transfer;
  return TASK_ACCENTS[TASK_IDS.filter((t) => t !== 'rotation').indexOf(task)];
}

/**
 * A run's colour: by its use, with the other tasks' frozen features in their own accents. The task in view
 * is drawn in transfer blue whichever it is, because its panel's prose calls its features "blue".
 */
export function runColor(spec: RunSpec, taskInView: TaskId): string {
  if (spec.use !== 'transfer' || spec.task === taskInView) return RUN_COLORS[spec.use];
  return spec.task === 'rotation' ? ROTATION_ACCENT : taskAccent(spec.task);
}

/** Display order: self-supervised runs (registry order), then fine-tuned, supervised, the random control; by seed within. */
export function compareRuns(a: RunSpec, b: RunSpec): number {
  const rank = (s: RunSpec) => (s.use === 'transfer' ? TASK_IDS.indexOf(s.task) : s.use === 'finetune' ? 50 + TASK_IDS.indexOf(s.task)
    : s.use === 'scratch' ? 100 : s.use === 'random' ? 200 : -1);
  return rank(a) - rank(b) || a.seed - b.seed || a.labels - b.labels;
}
