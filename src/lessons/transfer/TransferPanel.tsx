/**
 * Frozen-layer transfer. The pretext model's convolutions, locked, under a new 10-digit head.
 */
import { Panel } from '../Panel';
import { stepLabel } from '../../app/lessons';
import { useLab } from '../../state/store';
import { StepTrainer } from '../../components/StepTrainer';
import { SummaryOrWait } from '../../components/SummaryOrWait';
import { RUN_COLORS } from '../../components/palette';
import { selectSummaries } from '../../state/lab-state';
import { formatThousands } from '../../components/format';

/** The transfer panel. */
export function TransferPanel() {
  const settings = useLab((s) => s.config.downstream);
  const labelled = useLab((s) => s.config.splits.labelledCount);
  const pretextStatus = useLab((s) => s.steps.pretext.status);
  const built = useLab((st) => selectSummaries(st)?.downstream ?? null);
  const live = useLab((s) => s.steps.selfSupervised);
  const summary = live.status === 'idle' ? built : live.summary;
  const blocked = pretextStatus === 'done' || pretextStatus === 'failed' ? null : `Train the pretext model first (${stepLabel('pretext', 'number')}): this step reuses its convolutions.`;
  return (
    <Panel id="transfer">
      <p>
        We keep the pretext model&apos;s first four layers (convolution, pooling, convolution, pooling) and <strong>freeze</strong>{' '}
        them: their {formatThousands(summary?.frozenParams ?? 19_104)} weights will not change. A new Flatten and Dense(10, softmax) head,{' '}
        {formatThousands(summary?.trainableParams ?? 2_890)} weights, learns to name digits from those features using{' '}
        {formatThousands(labelled)} labelled images. This is the lecture&apos;s <code>model_pretext.trainable = False</code>.
      </p>
      <SummaryOrWait summary={summary} caption="Downstream model: frozen pretext layers + new head" />
      <p className="settings-line">
        SGD (learning rate {settings.learningRate}, momentum {settings.momentum}), batch {settings.batchSize}, up to {settings.epochs} epochs,
        validation on the last {Math.round(settings.validationSplit * 100)}% of the labelled images
        {settings.patience !== null ? `, early stopping when training accuracy has not improved for ${settings.patience} epochs` : ''}.
      </p>
      <StepTrainer step="selfSupervised" label="self-supervised head" color={RUN_COLORS.selfSupervised} blockedBy={blocked} testDescription="test images" />
    </Panel>
  );
}
