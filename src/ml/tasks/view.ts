/**
 * How a task's row is cut out for the data panel: every task stores its 28x28 inputs (and targets, where it
 * has pixel targets) row after row, so one helper reads them all. Page-safe (no tfjs).
 */
import { IMAGE_PIXELS } from '../data/mnist';
import type { TaskSet } from '../train/task-set';
import type { ExampleView } from '../objectives/types';

/** The 784 pixels of row `row` (a view, not a copy). */
export function rowPixels(pixels: Uint8Array, row: number): Uint8Array {
  return pixels.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS);
}

/** Row `row` as the data panel shows it: its input, its target pixels if the set has any, and `label`. */
export function rowView(set: TaskSet, row: number, label: string): ExampleView {
  return { input: rowPixels(set.images, row), target: set.targets ? rowPixels(set.targets, row) : null, label };
}
