/**
 * Telling a failed fit from a verdict about features.
 *
 * The lecture's head (SGD at 0.001 with momentum on raw-scale features, stopped on training accuracy) sometimes
 * does not fit at all: on large raw features one step can overshoot, the loss climbs, and early stopping ends
 * the run at chance. Its test accuracy then says nothing about the trunk, only about the recipe; a lab that
 * drew it as "these features are bad" would teach the wrong lesson. Page-safe (no tfjs).
 */
import type { EpochRecord } from '../train/events';

/**
 * Why a head's training failed, or null when it fitted: its training loss ended above where it started, or its
 * training accuracy never rose clearly above chance (1.5 x 1/classes).
 */
export function failedFit(history: readonly EpochRecord[], classes = 10): string | null {
  if (history.length === 0) return 'it never trained';
  const first = history[0];
  const last = history[history.length - 1];
  if (!(last.loss <= first.loss)) return `its training loss rose from ${first.loss.toFixed(2)} to ${last.loss.toFixed(2)}`;
  const best = Math.max(...history.map((r) => r.accuracy));
  if (!(best > 1.5 / classes)) return `its training accuracy stayed at chance (best ${(100 * best).toFixed(1)}%)`;
  return null;
}
