/**
 * A few examples of a pretext task made from one unlabelled image: the original, then the examples as the
 * task's objective lays them out (each input beside its target, or a contrastive task's pairs of views), and
 * for a trained model whose objective paints, what it painted.
 */
import { useEffect, useMemo } from 'react';
import { useLab } from '../../state/store';
import { reconstruct } from '../../state/actions';
import { runState } from '../../state/lab-state';
import { DigitGrid } from '../../components/DigitGrid';
import type { ImageSet } from '../../ml/data/mnist';
import { runId, type RunSpec } from '../../ml/experiment/runs';
import { taskById } from '../../ml/tasks/registry';
import { objectiveTraits } from '../../ml/objectives/registry';

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
  const objective = objectiveTraits(task.objective);
  const id = runId(spec);
  const examples = useMemo(() => {
    const one: ImageSet = { images: image, labels: new Uint8Array(1), count: 1 };
    return task.buildExamples(one, { seed });
  }, [task, image, seed]);
  const trained = useLab((s) => runState(s, id).status === 'done');
  const painted = useLab((s) => (s.reconstruction?.run === id ? s.reconstruction.pixels : null));
  const paints = objective.paints && trained;
  useEffect(() => {
    if (paints) reconstruct(spec, examples.images.slice());
  }, [paints, spec, examples]);

  const layout = objective.samples(examples, task.describe, paints ? painted : null);
  const items = [{ key: 'original', pixels: image, caption: 'original', label: `Pretext image ${index}, before the task changes it` }, ...layout.pictures];
  return <DigitGrid items={items} size={96} label={`${task.title} ${layout.noun} made from pretext image ${index}`} />;
}
