/**
 * How the data panel lays out a task's examples, for the objectives whose examples stand alone (every one but
 * contrastive learning's pairs): for each example, the input the network sees, then the picture beside it (its
 * target, or what the task names instead), then what a trained model painted, if it paints. Page-safe.
 */
import { IMAGE_PIXELS } from '../data/mnist';
import type { TaskSet } from '../train/task-set';
import type { DescribeRow, SampleLayout, SamplePicture } from './types';

/** Where an objective's examples say their label: under the input (a class) or with the target picture. */
export type LabelPlace = 'input' | 'target';

/** The pictures of every row of `examples`, with `painted` (784 bytes a row) shown after each row's target. */
export function examplePictures(examples: TaskSet, describe: DescribeRow, labelAt: LabelPlace, painted: Uint8Array | null): SampleLayout {
  const pictures: SamplePicture[] = [];
  const paintedRows = painted && painted.length === examples.count * IMAGE_PIXELS ? painted : null;
  for (let row = 0; row < examples.count; row++) {
    const n = row + 1;
    const view = describe(examples, row);
    // A class is said under its input; a reconstruction's label describes the picture beside it.
    const caption = view.caption ?? (labelAt === 'input' ? `input ${n}: ${view.label}` : `input ${n}`);
    pictures.push({ key: `in-${row}`, pixels: view.input, caption, label: `Example ${n}: what the network sees; its target is ${view.label}` });
    const beside = { caption: view.beside ? `${view.beside.caption} ${n}` : `target ${n}`, label: `Example ${n}: ${view.beside ? view.beside.label : `the target, ${view.label}`}` };
    if (view.targetRgb) pictures.push({ key: `target-${row}`, pixels: view.targetRgb, channels: 3, ...beside });
    else if (view.target) pictures.push({ key: `target-${row}`, pixels: view.target, ...beside });
    if (paintedRows) {
      pictures.push({ key: `out-${row}`, pixels: paintedRows.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS), caption: `painted ${n}`, label: `Example ${n}: what the trained model painted` });
    }
  }
  return { noun: 'examples', pictures };
}
