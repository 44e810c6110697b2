/**
 * Frozen-layer transfer: the pretext model's convolutions (any task's trunk), locked, under a new 10-digit head.
 */
import { Panel } from '../kit/Panel';
import { useLab } from '../../state/store';
import { StepTrainer } from '../shared/StepTrainer';
import { useCurrentSpecs } from '../shared/useRuns';
import { SummaryOrWait } from '../../components/SummaryOrWait';
import { RUN_COLORS } from '../../components/palette';
import { runState, selectSummaries } from '../../state/lab-state';
import { needsPretextMessage, runId } from '../../ml/experiment/runs';
import { taskById } from '../../ml/tasks/registry';
import { formatThousands } from '../../components/format';

/** The transfer panel. */
export function TransferPanel() {
  const settings = useLab((s) => s.config.downstream);
  const labelled = useLab((s) => s.config.splits.labelledCount);
  const specs = useCurrentSpecs();
  const title = taskById(specs.transfer.task).title.toLowerCase();
  const pretextStatus = useLab((s) => runState(s, runId(specs.pretext)).status);
  const built = useLab((st) => selectSummaries(st)?.downstream ?? null);
  const live = useLab((s) => runState(s, runId(specs.transfer)));
  const summary = live.status === 'idle' ? built : live.summary;
  const blocked = pretextStatus === 'done' || pretextStatus === 'failed' ? null : needsPretextMessage(specs.transfer);
  return (
    <Panel id="transfer">
      <p className="slide-only slide-lead">
        The {title} trunk, <strong>frozen</strong>, under a new digit head trained on {formatThousands(labelled)} labelled images.
      </p>
      <p className="study-only">
        We keep the {title} pretext model&apos;s first four layers (convolution, pooling, convolution, pooling: the trunk every task shares) and <strong>freeze</strong>{' '}
        them: their {formatThousands(summary?.frozenParams ?? 19_104)} weights will not change. A new Flatten and Dense(10, softmax) head,{' '}
        {formatThousands(summary?.trainableParams ?? 2_890)} weights, learns to name digits from those features using{' '}
        {formatThousands(labelled)} labelled images. This is the lecture&apos;s <code>model_pretext.trainable = False</code>.
      </p>
      <div className="model-summary-slot">
        <SummaryOrWait summary={summary} caption="Downstream model: frozen pretext layers + new head" />
      </div>
      <p className="settings-line study-only">
        SGD (learning rate {settings.learningRate}, momentum {settings.momentum}), batch {settings.batchSize}, up to {settings.epochs} epochs,
        validation on the last {Math.round(settings.validationSplit * 100)}% of the labelled images
        {settings.patience !== null ? `, early stopping when training accuracy has not improved for ${settings.patience} epochs` : ''}.
      </p>
      <StepTrainer spec={specs.transfer} label={`self-supervised head (${title} features)`} color={RUN_COLORS.transfer} blockedBy={blocked} testDescription="test images" />
    </Panel>
  );
}
