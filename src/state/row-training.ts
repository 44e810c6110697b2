/**
 * Training one leaderboard row live: a task's row needs its pretext model and then its frozen-trunk head, so
 * the button queues the head to start as soon as the pretext run ends well. The random and supervised rows are
 * one run each. Every run uses the current settings and seed, exactly as the walk-through's panels do.
 */
import { experimentSpecs, runId, type RunSpec } from '../ml/experiment/runs';
import { isTaskId, type TaskId } from '../ml/tasks/registry';
import { getState, onEvent } from './store';
import { runState } from './lab-state';
import { train } from './actions';

/** A row a student can train: a task's frozen features, or a reference that needs no pretext model. */
export type TrainableRow = TaskId | 'random' | 'scratch';

/** The head waiting for its pretext run to end. */
let queued: { readonly after: string; readonly spec: RunSpec } | null = null;

onEvent((event) => {
  if (!queued) return;
  if (event.type === 'runEnded' && event.run === queued.after) {
    const { spec } = queued;
    queued = null;
    // A pretext run the student stopped is a choice, not a cue to go on.
    if (event.result.reason !== 'stopped') train(spec);
  }
  if (event.type === 'runFailed' || event.type === 'error') queued = null;
});

/** The runs behind a row under the current settings: the one it ends with, and the pretext run it needs. */
export function rowRuns(row: TrainableRow): { readonly head: RunSpec; readonly pretext: RunSpec | null } {
  const config = getState().config;
  if (!isTaskId(row)) return { head: experimentSpecs(config)[row], pretext: null };
  const specs = experimentSpecs({ ...config, task: row });
  return { head: specs.transfer, pretext: specs.pretext };
}

/** Trains a row: the task's pretext model (unless already trained), then its head. */
export function trainRow(row: TrainableRow): void {
  const { head, pretext } = rowRuns(row);
  if (pretext && runState(getState(), runId(pretext)).status !== 'done') {
    queued = { after: runId(pretext), spec: head };
    train(pretext);
    return;
  }
  train(head);
}
