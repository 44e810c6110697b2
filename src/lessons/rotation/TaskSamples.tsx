/**
 * A few examples of a pretext task made from one unlabelled image: the original, then for each example the
 * input the network sees beside its target (the tiles in their own places for jigsaw, the original pixels for
 * inpainting and super-resolution, the coloured digit for colourization, the grid a pair was cut from for
 * context prediction), with the label in words. For a trained reconstruction model, what it painted too. For
 * contrastive learning, each pair of views side by side: the second view is the first one's target.
 */
import { useEffect, useMemo } from 'react';
import { useLab } from '../../state/store';
import { reconstruct } from '../../state/actions';
import { runState } from '../../state/lab-state';
import { DigitGrid, type DigitGridItem } from '../../components/DigitGrid';
import { IMAGE_PIXELS } from '../../ml/data/mnist';
import type { ImageSet } from '../../ml/data/mnist';
import { runId, type RunSpec } from '../../ml/experiment/runs';
import { taskById } from '../../ml/tasks/registry';

/** Props of {@link TaskSamples}. */
export interface TaskSamplesProps {
  /** The task's pretext run in view (its model, when trained, paints the reconstructions). */
  readonly spec: RunSpec;
  /** The unlabelled image to make examples from, and its index among the pretext images. */
  readonly image: Uint8Array;
  readonly index: number;
  /** Seeds the random parts (holes, orders, jitter); "Reshuffle" changes it. */
  readonly seed: number;
}

/** The examples of one image, with the model's reconstructions once it has trained. */
export function TaskSamples({ spec, image, index, seed }: TaskSamplesProps) {
  const task = taskById(spec.task);
  const id = runId(spec);
  const examples = useMemo(() => {
    const one: ImageSet = { images: image, labels: new Uint8Array(1), count: 1 };
    return task.buildExamples(one, { seed, order: 'grouped' });
  }, [task, image, seed]);
  const trained = useLab((s) => runState(s, id).status === 'done');
  const painted = useLab((s) => (s.reconstruction?.run === id ? s.reconstruction.pixels : null));
  const paints = task.objective.kind === 'reconstruct' && trained;
  useEffect(() => {
    if (paints) reconstruct(spec, examples.images.slice());
  }, [paints, spec, examples]);

  const items: DigitGridItem[] = [{ key: 'original', pixels: image, caption: 'original', label: `Pretext image ${index}, before the task changes it` }];
  if (task.objective.kind === 'contrastive') {
    // Contrastive pairs: each pair's first view beside its second (its positive); the other rows are its pair.
    for (let row = 0, pair = 1; row < examples.count; row += task.groupSize, pair++) {
      const view = task.describe(examples, row);
      items.push({ key: `view-a-${row}`, pixels: view.input, caption: `view ${pair}a`, label: `Pair ${pair}, view ${pair}a: a random view of the image` });
      if (view.target) items.push({ key: `view-b-${row}`, pixels: view.target, caption: `view ${pair}b`, label: `Pair ${pair}, view ${pair}b: ${view.label}` });
    }
    return <DigitGrid items={items} size={96} label={`${task.title} views made from pretext image ${index}`} />;
  }
  for (let row = 0; row < examples.count; row++) {
    const view = task.describe(examples, row);
    // A classifier's target is a class, said under its input; a reconstruction's target is the picture beside it.
    const caption = task.objective.kind === 'classify' ? `input ${row + 1}: ${view.label}` : `input ${row + 1}`;
    items.push({ key: `in-${row}`, pixels: view.input, caption, label: `Example ${row + 1}: what the network sees; its target is ${view.label}` });
    // For jigsaw the picture beside the input is the same cut with the tiles in order (what the label undoes);
    // a task may name its own (context prediction's grid the pair was cut from).
    const beside = view.beside ? `${view.beside.caption} ${row + 1}` : task.objective.kind === 'classify' ? `in order ${row + 1}` : `target ${row + 1}`;
    const besideLabel = `Example ${row + 1}: ${view.beside ? view.beside.label : task.objective.kind === 'classify' ? 'the same tiles in their own places' : `the target, ${view.label}`}`;
    if (view.targetRgb) items.push({ key: `target-${row}`, pixels: view.targetRgb, channels: 3, caption: beside, label: besideLabel });
    else if (view.target) items.push({ key: `target-${row}`, pixels: view.target, caption: beside, label: besideLabel });
    if (paints && painted && painted.length === examples.count * IMAGE_PIXELS) {
      items.push({ key: `out-${row}`, pixels: painted.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS), caption: `painted ${row + 1}`, label: `Example ${row + 1}: what the trained model painted` });
    }
  }
  return <DigitGrid items={items} size={96} label={`${task.title} examples made from pretext image ${index}`} />;
}
