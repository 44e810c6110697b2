/**
 * What a task's score would be without learning anything, so a student can tell "above chance" from "it
 * learned something": each objective knows its own (guessing for a classifier, painting everything paper for
 * a reconstruction, ...; see `src/ml/objectives/`). Page-safe (no tfjs).
 */
import type { TaskSet } from '../train/task-set';
import { objectiveTraits } from '../objectives/registry';
import type { PretextTask } from './types';

/** The chance-level score of `task` on `set` (its examples). */
export function chanceScore(task: PretextTask, set: TaskSet): number {
  return objectiveTraits(task.objective).chance(set, task.classNames);
}
