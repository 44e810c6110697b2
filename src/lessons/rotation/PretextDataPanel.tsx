/**
 * Pretext data generation, for the task in view: how its examples are made from unlabelled images, a few of
 * them made from one image (input beside target, drawn as the task's objective lays them out), and the whole
 * set made on demand. Everything task-specific comes from the task and its objective. (The panel's URL id,
 * "rotation", predates the other tasks and is kept so old links still work.)
 */
import { useMemo, useState } from 'react';
import { Panel } from '../kit/Panel';
import { useLab } from '../../state/store';
import { makeExamples } from '../../state/actions';
import { TaskPicker } from '../shared/TaskPicker';
import { useCurrentSpecs } from '../shared/useRuns';
import { TaskSamples } from './TaskSamples';
import { taskById } from '../../ml/tasks/registry';
import { IMAGE_PIXELS } from '../../ml/data/mnist';
import { formatThousands } from '../../components/format';

/** The pretext data panel. */
export function PretextDataPanel() {
  const data = useLab((s) => s.data);
  const examples = useLab((s) => s.examples);
  const pretextCount = useLab((s) => s.config.splits.pretextCount);
  const spec = useCurrentSpecs().pretext;
  const task = taskById(spec.task);
  const [index, setIndex] = useState(3);
  const [sampleSeed, setSampleSeed] = useState(1);
  const image = useMemo(
    () => (data.status === 'ready' ? data.mnist.train.images.subarray(index * IMAGE_PIXELS, (index + 1) * IMAGE_PIXELS) : null),
    [data, index],
  );
  const made = examples.status === 'ready' && examples.task === spec.task ? examples : null;
  const grows = <>{formatThousands(pretextCount)} images become {formatThousands(pretextCount * task.examplesPerImage)} examples</>;

  return (
    <Panel id="rotation">
      <TaskPicker name="task-data" />
      <p className="slide-only slide-lead">
        <strong>{task.question}</strong> {grows}, no person labelling any.
      </p>
      <p className="study-only">
        {task.about} No person labelled anything and the digit&apos;s own label is never read: {grows}.{' '}
        <span className="hint">({task.paper.authors} {task.paper.year}, &ldquo;{task.paper.title}&rdquo;, {task.paper.venue}.)</span>
      </p>
      <div className="controls" role="group" aria-label="Choose an image">
        <button type="button" onClick={() => setIndex((i) => (i + pretextCount - 1) % pretextCount)}>Previous image</button>
        <button type="button" onClick={() => setIndex((i) => (i + 1) % pretextCount)}>Next image</button>
        <button type="button" onClick={() => setIndex(Math.floor(Math.random() * pretextCount))}>Shuffle</button>
        {task.random && <button type="button" onClick={() => setSampleSeed((s) => s + 1)}>Reshuffle the examples</button>}
        <span className="hint">pretext image #{index}</span>
      </div>
      {image && <TaskSamples spec={spec} image={image} index={index} seed={sampleSeed} />}
      <div className="controls">
        <button type="button" className="primary" onClick={makeExamples} disabled={data.status !== 'ready' || examples.status === 'building'}>
          Generate the {task.title.toLowerCase()} dataset
        </button>
        {examples.status === 'building' && <span role="status">Generating…</span>}
        {made && (
          <span role="status">
            Made {formatThousands(made.count)} labelled examples in {made.ms < 10 ? made.ms.toFixed(1) : Math.round(made.ms)} ms
            with typed arrays.{task.generatedNote ? ` ${task.generatedNote}` : ''}
          </span>
        )}
      </div>
    </Panel>
  );
}
