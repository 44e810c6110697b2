/**
 * Pretext training, for whichever task is chosen: the Keras-style summary of the trunk and the task's head,
 * the settings, and live curves: loss, pretext score, and the digit accuracy a linear probe reads off the trunk.
 */
import { Panel } from '../kit/Panel';
import { useLab } from '../../state/store';
import { StepTrainer } from '../shared/StepTrainer';
import { TaskPicker } from '../shared/TaskPicker';
import { useCurrentSpecs } from '../shared/useRuns';
import { runLabel } from '../shared/run-display';
import { SummaryOrWait } from '../../components/SummaryOrWait';
import { RUN_COLORS } from '../../components/palette';
import { runState, selectSummaries } from '../../state/lab-state';
import { runId } from '../../ml/experiment/runs';
import { taskById } from '../../ml/tasks/registry';
import { lecturePlace } from '../../ml/tasks/lecture-place';
import { objectiveTraits } from '../../ml/objectives/registry';
import { TimeEstimate } from '../kit/TimeEstimate';
import { ProbeChart, ProbeExplanation } from './ProbeChart';

/** The pretext training panel. */
export function PretextPanel() {
  const settings = useLab((s) => s.config.pretext);
  const scaling = useLab((s) => s.config.scaling);
  const spec = useCurrentSpecs().pretext;
  const task = taskById(spec.task);
  const built = useLab((st) => selectSummaries(st)?.pretext[spec.task] ?? null);
  const live = useLab((s) => runState(s, runId(spec)));
  const objective = objectiveTraits(task.objective);
  return (
    <Panel id="pretext">
      <p className="slide-only slide-lead"><strong>{task.question}</strong></p>
      <p className="study-only">
        A small convolutional network (the lecture&apos;s two convolution and pooling blocks, the <em>trunk</em>) learns
        to answer the pretext task&apos;s question: <strong>{task.question}</strong> Every task trains the same trunk
        and only puts a different small head on top, so their features can be compared fairly afterwards.{' '}
        {task.hope
          ?? `The hope is the same as RotNet's: that answering it needs what a digit is made of. The task comes from ${task.paper.authors} (${task.paper.year}), ${lecturePlace(task, 'lecture section')}.`}
      </p>
      <TaskPicker name="task-pretext" />
      <div className="model-summary-slot">
        <SummaryOrWait summary={live.status === 'idle' ? built : live.summary} caption={`Pretext model: trunk + ${task.title.toLowerCase()} head`} />
      </div>
      <p className="settings-line study-only">
        Adam (Keras defaults, learning rate {settings.learningRate}), {objective.lossWords}, batch {settings.batchSize},{' '}
        {settings.epochs} epoch{settings.epochs === 1 ? '' : 's'}, {settings.shuffle ? 'shuffled' : 'no shuffling'} (as the lecture), pixels{' '}
        {scaling === 'raw' ? 'raw 0–255 (as the lecture)' : 'scaled to 0–1'}. Every task sees {task.examplesPerImage} examples per image: the same budget.
      </p>
      <div className="study-only"><TimeEstimate spec={spec} /></div>
      <StepTrainer
        spec={spec} label={runLabel(spec).replace(/^\w/, (c) => c.toLowerCase())} color={RUN_COLORS.pretext}
        testDescription={task.testExamplesName ?? `${task.title.toLowerCase()} examples made from the test images`} scoreName={objective.scoreName}
        extraChart={<ProbeChart spec={spec} epochs={live.status === 'idle' ? settings.epochs : live.epochs} />}
      />
      {live.status !== 'idle' && <div className="study-only"><ProbeExplanation spec={spec} /></div>}
    </Panel>
  );
}
