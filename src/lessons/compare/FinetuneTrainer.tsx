/**
 * The fourth way to use a trunk, beside frozen transfer, the random control and training from scratch: the
 * lecture's "transferred to downstream tasks and fine-tuned". The pretext trunk is copied in and keeps
 * learning on the same labels, with the baseline's settings and a smaller learning rate.
 */
import { useLab } from '../../state/store';
import { runState } from '../../state/lab-state';
import { StepTrainer } from '../shared/StepTrainer';
import { useCurrentSpecs } from '../shared/useRuns';
import { StepRef } from '../kit/StepRef';
import { FINETUNE_LR_FACTOR, needsPretextMessage, runId, settingsFor } from '../../ml/experiment/runs';
import { taskById } from '../../ml/tasks/registry';
import { RUN_COLORS } from '../../components/palette';

/** The fine-tuning section of the compare panel. */
export function FinetuneTrainer() {
  const specs = useCurrentSpecs();
  const config = useLab((s) => s.config);
  const pretextStatus = useLab((s) => runState(s, runId(specs.pretext)).status);
  const title = taskById(specs.finetune.task).title.toLowerCase();
  const settings = settingsFor('finetune', config);
  const blocked = pretextStatus === 'done' || pretextStatus === 'failed' ? null : needsPretextMessage(specs.finetune);
  return (
    <>
      <h3 className="study-only">A fourth way: fine-tune the {title} trunk</h3>
      <p className="slide-only slide-lead">
        The {title} trunk copied in but <strong>not frozen</strong>: every layer keeps learning on the labelled images, at a smaller learning rate.
      </p>
      <p className="study-only">
        The lecture says pretext features are &ldquo;transferred to downstream tasks and fine-tuned&rdquo;. Here the {title} trunk is copied
        in as in <StepRef id="transfer" form="number" />, but <em>not</em> frozen: every layer keeps learning on the same labelled images, with the
        supervised network&apos;s settings (<StepRef id="supervised" form="number" />) and a learning rate {1 / FINETUNE_LR_FACTOR} times smaller
        ({settings.learningRate}). Why smaller: the new head starts random, and its first large, mostly wrong gradients flow back into the
        convolutions; at the full rate they can scramble what the pretext task taught before the head has learned anything. So the two
        rows differ only in where the trunk starts and how far each step moves it.
      </p>
      <StepTrainer spec={specs.finetune} label={`fine-tuned network (${title} trunk)`} color={RUN_COLORS.finetune} blockedBy={blocked} testDescription="test images" />
    </>
  );
}
