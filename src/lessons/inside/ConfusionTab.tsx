/**
 * Tab 2: where each digit classifier goes wrong (a 10x10 confusion matrix per evaluated model, built on the
 * page from the probabilities the evaluation already sent), and where the rotation head goes wrong, digit
 * by digit. Clicking a cell shows the test images behind it.
 */
import { useMemo, useState } from 'react';
import type { Mnist } from '../../ml/data/mnist';
import { IMAGE_PIXELS } from '../../ml/data/mnist';
import { argmaxRows, cellMembers, confusionMatrix, matrixAccuracy, topConfusions } from '../../ml/eval/confusion';
import type { RunId } from '../../ml/experiment/runs';
import type { ArmEvaluation } from '../../runtime/messages';
import { useLab } from '../../state/store';
import { evaluateRuns } from '../../state/actions';
import { anyActive } from '../../state/lab-state';
import { DigitImage } from '../../components/DigitImage';
import { formatPercent } from '../../components/format';
import { runLabel } from '../shared/run-display';
import { StepRef } from '../kit/StepRef';
import { ConfusionGrid, type PickedCell } from './ConfusionGrid';
import { RotationConfusion } from './RotationConfusion';
import type { Inspectable } from './useInspectable';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
/** Most images shown for one cell: enough to see a pattern, few enough to draw at once. */
const MAX_SHOWN = 60;

/** Props of {@link ConfusionTab}. */
export interface ConfusionTabProps {
  readonly models: readonly Inspectable[];
  readonly mnist: Mnist;
}

/** One evaluated classifier's matrix, its predictions, and a sentence on its commonest mistakes. */
function DigitConfusion({ id, result, labels, onPick, picked }: {
  readonly id: RunId; readonly result: ArmEvaluation; readonly labels: Uint8Array;
  readonly onPick: (run: RunId, cell: PickedCell) => void; readonly picked: PickedCell | null;
}) {
  // The spec object survives training batches unchanged, so this does not re-render on every batch.
  const spec = useLab((s) => s.runs[id]?.spec);
  const name = spec ? runLabel(spec) : id;
  const matrix = useMemo(() => confusionMatrix(labels, argmaxRows(result.probabilities, 10), 10), [labels, result]);
  const top = topConfusions(matrix, 3);
  return (
    <div className="confusion-card">
      <ConfusionGrid matrix={matrix} names={DIGITS} rowWord="true digit" columnWord="answered"
        caption={`${name}: ${formatPercent(matrixAccuracy(matrix), 1)} right on ${matrix.total.toLocaleString('en-US')} test images`}
        onPick={(cell) => onPick(id, cell)} picked={picked} />
      <p className="hint">
        {top.length === 0 ? 'No mistakes at all.' : `Commonest mistakes: ${top.map((c) => `${c.truth} read as ${c.predicted} (${c.count})`).join(', ')}.`}
      </p>
    </div>
  );
}

/** The confusion tab. */
export function ConfusionTab({ models, mnist }: ConfusionTabProps) {
  const evaluation = useLab((s) => s.evaluation);
  const testSet = useLab((s) => s.config.splits.testSet);
  const busy = useLab(anyActive);
  const [picked, setPicked] = useState<{ readonly run: RunId; readonly cell: PickedCell } | null>(null);
  const pickedSpec = useLab((s) => (picked ? s.runs[picked.run]?.spec : undefined));
  const classifiers = models.filter((m) => m.spec.use !== 'pretext');
  const rotation = models.find((m) => m.spec.use === 'pretext' && m.spec.task === 'rotation');

  const shown = useMemo(() => {
    if (!picked || evaluation.status !== 'ready') return null;
    const result = evaluation.runs[picked.run];
    if (!result) return null;
    const members = cellMembers(evaluation.labels, argmaxRows(result.probabilities, 10), picked.cell.truth, picked.cell.predicted);
    return { members, start: evaluation.startIndex };
  }, [picked, evaluation]);

  return (
    <>
      <p className="note"><strong>What to look for:</strong> read along a row: the darkest red cells are the digits a model takes for another (a 4 for a 9, a 7 for a 1). Do the self-supervised and supervised models make the <em>same</em> mistakes, or different ones?</p>
      <div className="controls">
        <button type="button" className="primary" disabled={classifiers.length === 0 || busy || evaluation.status === 'running'} onClick={() => evaluateRuns(testSet)}>
          {evaluation.status === 'ready' ? 'Evaluate again' : 'Evaluate the digit classifiers'} on {testSet === 'full' ? 'all 10,000' : "the lecture's 300"} test images
        </button>
        {evaluation.status === 'running' && <span role="status">Evaluating…</span>}
        {classifiers.length === 0 && <span className="hint">No digit classifier yet: load the pre-trained models, or train one (<StepRef id="transfer" form="number" />, <StepRef id="supervised" form="number" />).</span>}
        <span className="hint">The test set is chosen in <StepRef id="compare" />.</span>
      </div>
      {evaluation.status === 'ready' && (
        <div className="confusion-row">
          {Object.entries(evaluation.runs).map(([id, result]) => (
            <DigitConfusion key={id} id={id} result={result} labels={evaluation.labels}
              onPick={(run, cell) => setPicked({ run, cell })} picked={picked?.run === id ? picked.cell : null} />
          ))}
        </div>
      )}
      {picked && shown && (
        <section aria-labelledby="inside-cell-title" className="cell-images">
          <h3 id="inside-cell-title" tabIndex={-1}>
            {pickedSpec ? runLabel(pickedSpec) : picked.run}: true {picked.cell.truth}, answered {picked.cell.predicted} ({shown.members.length} image{shown.members.length === 1 ? '' : 's'})
          </h3>
          <div className="digit-strip">
            {shown.members.slice(0, MAX_SHOWN).map((i) => {
              const index = shown.start + i;
              return <DigitImage key={i} size={56} pixels={mnist.test.images.subarray(index * IMAGE_PIXELS, (index + 1) * IMAGE_PIXELS)}
                label={`Test image ${index}, labelled ${picked.cell.truth}`} caption={`#${index}`} />;
            })}
          </div>
          {shown.members.length > MAX_SHOWN && <p className="hint">The first {MAX_SHOWN} of {shown.members.length} are shown.</p>}
        </section>
      )}
      <h3>The rotation head, digit by digit</h3>
      {rotation
        ? <RotationConfusion model={rotation} />
        : <p className="hint">Load the pre-trained models or train the rotation pretext model (<StepRef id="pretext" form="number" />) to see which rotations it confuses.</p>}
    </>
  );
}

