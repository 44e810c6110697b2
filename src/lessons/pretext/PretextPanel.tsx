/**
 * Pretext training: the pretext model and its training: the Keras-style summary, the lecture's settings, and live curves.
 */
import { Panel } from '../Panel';
import { useLab } from '../../state/store';
import { StepTrainer } from '../../components/StepTrainer';
import { SummaryOrWait } from '../../components/SummaryOrWait';
import { RUN_COLORS } from '../../components/palette';
import { selectSummaries } from '../../state/lab-state';
import { TimeEstimate } from '../../app/TimeEstimate';

/** The pretext training panel. */
export function PretextPanel() {
  const settings = useLab((s) => s.config.pretext);
  const scaling = useLab((s) => s.config.scaling);
  const built = useLab((st) => selectSummaries(st)?.pretext ?? null);
  const live = useLab((s) => s.steps.pretext);
  return (
    <Panel id="pretext">
      <p>
        A small convolutional network (the lecture&apos;s) looks at a rotated digit and answers one of four classes. To tell
        a 6 turned 180° from a 9, it must learn strokes, loops and their usual orientation: that is the hope of RotNet.
      </p>
      <SummaryOrWait summary={live.status === 'idle' ? built : live.summary} caption="Pretext model (rotation classifier)" />
      <p className="settings-line">
        Adam (Keras defaults, learning rate {settings.learningRate}), categorical cross-entropy, batch {settings.batchSize},{' '}
        {settings.epochs} epoch{settings.epochs === 1 ? '' : 's'}, {settings.shuffle ? 'shuffled' : 'no shuffling'} (as the lecture), pixels{' '}
        {scaling === 'raw' ? 'raw 0–255 (as the lecture)' : 'scaled to 0–1'}.
      </p>
      <TimeEstimate step="pretext" />
      <StepTrainer step="pretext" label="pretext model" color={RUN_COLORS.pretext} testDescription="rotated test images" />
    </Panel>
  );
}
