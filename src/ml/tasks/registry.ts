/**
 * Every pretext task the lab knows, in the order the app lists them. Adding a task is one folder under
 * `src/ml/tasks/` and one line here; the engine, store, panels, CLI, persistence and URL read this list.
 */
import type { PretextTask } from './types';
import { rotationTask } from './rotation';
import { jigsawTask } from './jigsaw';
import { inpaintingTask } from './inpainting';
import { contextTask } from './context';
import { colorizationTask } from './colorization';
import { superResolutionTask } from './superResolution';
import { contrastiveTask } from './contrastive';
import { denoisingTask } from './denoising';

/** The tasks by id. */
export const TASKS = {
  rotation: rotationTask,
  jigsaw: jigsawTask,
  inpainting: inpaintingTask,
  context: contextTask,
  colorization: colorizationTask,
  superResolution: superResolutionTask,
  contrastive: contrastiveTask,
  denoising: denoisingTask,
} as const satisfies Record<string, PretextTask>;

/** A task's id. */
export type TaskId = keyof typeof TASKS;

/** All task ids, in display order. */
export const TASK_IDS = Object.keys(TASKS) as TaskId[];

/** The task with this id. */
export function taskById(id: TaskId): PretextTask {
  return TASKS[id];
}

/**
 * The task's name in a store's keys: its id, and its revision where it has one, so that a trunk or a row kept
 * before the task changed is never taken for the current task's.
 */
export function storeName(id: TaskId): string {
  const revision = TASKS[id].revision;
  return revision === undefined ? id : `${id}.r${revision}`;
}

/** True when `id` names a known task. */
export function isTaskId(id: unknown): id is TaskId {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(TASKS, id);
}
