/**
 * The same network trained from scratch on the same labelled images: the baseline.
 */
import { Panel } from '../kit/Panel';
import { useLab } from '../../state/store';
import { StepTrainer } from '../shared/StepTrainer';
import { useCurrentSpecs } from '../shared/useRuns';
import { runId } from '../../ml/experiment/runs';
import { SummaryOrWait } from '../../components/SummaryOrWait';
import { RUN_COLORS } from '../../components/palette';
import { runState, selectSummaries } from '../../state/lab-state';
import { formatThousands } from '../../components/format';

/** The supervised-baseline panel. */
export function SupervisedPanel() {
  const settings = useLab((s) => s.config.supervised);
  const labelled = useLab((s) => s.config.splits.labelledCount);
  const built = useLab((st) => selectSummaries(st)?.supervised ?? null);
  const spec = useCurrentSpecs().scratch;
  const live = useLab((s) => runState(s, runId(spec)));
  return (
    <Panel id="supervised">
      <p className="slide-only slide-lead">
        The same network, every weight trained <strong>from scratch</strong> on the same {formatThousands(labelled)} labelled images: the baseline to beat.
      </p>
      <p className="study-only">
        The fair comparison: the same architecture, all {formatThousands(built?.totalParams ?? 21_994)} weights trainable and
        starting from random values, trained on the same {formatThousands(labelled)} labelled images. If self-supervision helps,
        the frozen-feature model should beat this one.
      </p>
      <div className="model-summary-slot">
        <SummaryOrWait summary={live.status === 'idle' ? built : live.summary} caption="Supervised model (trained from scratch)" />
      </div>
      <p className="settings-line study-only">
        SGD (learning rate {settings.learningRate}, momentum {settings.momentum}), batch {settings.batchSize}, {settings.epochs} epochs,
        validation on the last {Math.round(settings.validationSplit * 100)}%{settings.patience === null ? ', no early stopping (as the lecture)' : ''}.
      </p>
      <StepTrainer spec={spec} label="supervised model" color={RUN_COLORS.scratch} testDescription="test images" />
    </Panel>
  );
}
