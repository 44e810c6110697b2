/**
 * Where a task stands beside the lecture, in words for the panels: its section ("lecture 2.6"), or what its
 * `lectureSection` says instead ("after the lecture"). Page-safe (no tfjs).
 */
import type { PretextTask } from './types';

/** "lecture 2.6" (or "lecture section 2.6" with `word`), or the task's own words when it has no section. */
export function lecturePlace(task: Pick<PretextTask, 'lectureSection'>, word = 'lecture'): string {
  return /^\d/.test(task.lectureSection) ? `${word} ${task.lectureSection}` : task.lectureSection;
}
