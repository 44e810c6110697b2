/**
 * Pretext data generation, for the task in view. With rotation (the lecture's task), each unlabelled image
 * becomes four examples labelled by the rotation alone; other tasks show their inputs beside their targets.
 * (The panel's URL id, "rotation", predates the other tasks and is kept so old links still work.)
 */
import { useMemo, useState } from 'react';
import { Panel } from '../kit/Panel';
import { useLab } from '../../state/store';
import { makeExamples } from '../../state/actions';
import { TaskPicker } from '../shared/TaskPicker';
import { useCurrentSpecs } from '../shared/useRuns';
import { TaskSamples } from './TaskSamples';
import { taskById } from '../../ml/tasks/registry';
import { DigitGrid } from '../../components/DigitGrid';
import { IMAGE_PIXELS } from '../../ml/data/mnist';
import { rot90Into, ROTATION_NAMES } from '../../ml/tasks/rotation/rotation';
import { formatThousands } from '../../components/format';

const ONE_HOT = ['[1, 0, 0, 0]', '[0, 1, 0, 0]', '[0, 0, 1, 0]', '[0, 0, 0, 1]'];

/** The rotation panel. */
export function RotationPanel() {
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
  const items = useMemo(() => {
    if (!image) return [];
    return [0, 1, 2, 3].map((k) => {
      const pixels = new Uint8Array(IMAGE_PIXELS);
      rot90Into(image, pixels, k);
      return { key: `${index}-${k}`, pixels, caption: `${ROTATION_NAMES[k]} → label ${k} ${ONE_HOT[k]}`, label: `image ${index} turned ${ROTATION_NAMES[k]} counter-clockwise, label ${k}` };
    });
  }, [image, index]);
  const made = examples.status === 'ready' && examples.task === spec.task ? examples : null;

  return (
    <Panel id="rotation">
      <TaskPicker name="task-data" />
      <p className="slide-only slide-lead">
        {task.id === 'rotation'
          ? <>Every image turned four ways, <strong>labelled by the turn alone</strong>: {formatThousands(pretextCount)} images become {formatThousands(pretextCount * 4)} examples.</>
          : <><strong>{task.question}</strong> {formatThousands(pretextCount)} images become {formatThousands(pretextCount * task.examplesPerImage)} examples, no person labelling any.</>}
      </p>
      {task.id === 'rotation' ? (
        <p className="study-only">
          Every pretext image is turned by 0°, 90°, 180° and 270° (counter-clockwise, like numpy&apos;s <code>np.rot90</code>).
          The label is the rotation, written one-hot as in the lecture. No person labelled anything, and the digit&apos;s
          own label is never read. The dataset grows four times: {formatThousands(pretextCount)} images become{' '}
          {formatThousands(pretextCount * 4)} examples.
        </p>
      ) : (
        <p className="study-only">
          {task.about} As with rotation, no person labelled anything and the digit&apos;s own label is never read:{' '}
          {formatThousands(pretextCount)} images become {formatThousands(pretextCount * task.examplesPerImage)} examples.{' '}
          <span className="hint">({task.paper.authors} {task.paper.year}, &ldquo;{task.paper.title}&rdquo;, {task.paper.venue}.)</span>
        </p>
      )}
      <div className="controls" role="group" aria-label="Choose an image">
        <button type="button" onClick={() => setIndex((i) => (i + pretextCount - 1) % pretextCount)}>Previous image</button>
        <button type="button" onClick={() => setIndex((i) => (i + 1) % pretextCount)}>Next image</button>
        <button type="button" onClick={() => setIndex(Math.floor(Math.random() * pretextCount))}>Shuffle</button>
        {task.id !== 'rotation' && <button type="button" onClick={() => setSampleSeed((s) => s + 1)}>Reshuffle the examples</button>}
        <span className="hint">pretext image #{index}</span>
      </div>
      {task.id === 'rotation' || !image
        ? <DigitGrid items={items} size={96} label={`The four rotations of pretext image ${index}`} />
        : <TaskSamples spec={spec} image={image} index={index} seed={sampleSeed} />}
      <div className="controls">
        <button type="button" className="primary" onClick={makeExamples} disabled={data.status !== 'ready' || examples.status === 'building'}>
          Generate the {task.title.toLowerCase()} dataset
        </button>
        {examples.status === 'building' && <span role="status">Generating…</span>}
        {made && (
          <span role="status">
            Made {formatThousands(made.count)} labelled examples in {made.ms < 10 ? made.ms.toFixed(1) : Math.round(made.ms)} ms
            with typed arrays.{task.id === 'rotation' ? ' (The lecture\'s loop of one-hot tensors takes about 13 s for the same work.)' : ''}
          </span>
        )}
      </div>
    </Panel>
  );
}
