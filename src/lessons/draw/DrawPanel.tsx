/**
 * Draw a digit and watch the models answer, live: the self-supervised and supervised classifiers side
 * by side, and the pretext head's guess at how the drawing is rotated.
 */
import { useCallback, useState } from 'react';
import { Panel } from '../kit/Panel';
import { StepRef } from '../kit/StepRef';
import { useLab } from '../../state/store';
import { predictDrawing } from '../../state/actions';
import { runState } from '../../state/lab-state';
import { DrawingCanvas, PreprocessedPreview } from '../../components/DrawingCanvas';
import { StemPlot } from '../../components/StemPlot';
import { RUN_COLORS } from '../../components/palette';
import { useCurrentSpecs } from '../shared/useRuns';
import { runColor, runLabel } from '../shared/run-display';
import { runId } from '../../ml/experiment/runs';
import { ROTATION_CLASSES, argmax } from '../../components/prediction';
import { formatPercent } from '../../components/format';
import { PretrainedOffer } from '../shared/PretrainedOffer';
import type { PreprocessResult } from '../../ml/draw/preprocess';

/** The drawing panel. */
export function DrawPanel() {
  const [drawing, setDrawing] = useState<PreprocessResult | null>(null);
  const specs = useCurrentSpecs();
  const predictions = useLab((s) => s.predictions?.predictions ?? null);
  const pretextStatus = useLab((s) => runState(s, runId(specs.pretext)).status);
  const selfStatus = useLab((s) => runState(s, runId(specs.transfer)).status);
  const supervisedStatus = useLab((s) => runState(s, runId(specs.scratch)).status);
  const anyModel = useLab((s) => Object.values(s.runs).some((r) => r.status === 'done' || r.status === 'failed'));
  const onChange = useCallback((result: PreprocessResult) => {
    setDrawing(result);
    if (!result.empty) predictDrawing(result.pixels);
  }, []);
  const empty = drawing === null || drawing.empty;
  // Only the rotation head has something to say about a drawing: which way up it looks.
  const rotation = !empty && specs.pretext.task === 'rotation' ? predictions?.[runId(specs.pretext)] : undefined;
  const classifiers = [specs.transfer, specs.scratch, specs.random];

  return (
    <Panel id="draw">
      <p className="slide-only slide-lead">Draw a digit and every model answers, the rotation head included.</p>
      <p className="study-only">
        Draw with a mouse, pen or finger. Your drawing is prepared the way MNIST&apos;s digits were: cropped, scaled so its
        longer side is 20 pixels, and centred by its centre of mass in a 28×28 square. That small image is what the models see.
      </p>
      {!anyModel && (
        <p className="note" role="note">
          No model is trained yet. Train the pretext model (<StepRef id="pretext" form="number" />), then the self-supervised head (<StepRef id="transfer" form="number" />)
          and the supervised model (<StepRef id="supervised" form="number" />); with the Quick preset that takes a few minutes.
        </p>
      )}
      {!anyModel && <PretrainedOffer spec={specs.transfer} />}
      {anyModel && (selfStatus !== 'done' || supervisedStatus !== 'done') && (
        <p className="hint" role="note">
          {selfStatus !== 'done' && <>The self-supervised head is not trained yet (<StepRef id="transfer" form="number" />).{' '}</>}
          {supervisedStatus !== 'done' && <>The supervised model is not trained yet (<StepRef id="supervised" form="number" />).</>}
        </p>
      )}
      <div className="draw-row">
        <DrawingCanvas onChange={onChange} label="Drawing area: draw a digit with mouse, pen or finger" />
        <PreprocessedPreview result={drawing} />
      </div>
      {/* Kept until the first answer is in: the page must not get shorter under the pen mid-stroke. */}
      {(empty || !predictions) && (
        <p className="hint" role="status">{empty ? 'Nothing drawn yet, so there is nothing to predict.' : 'Asking the models…'}</p>
      )}
      {!empty && predictions && (
        <>
          <div className="stem-row" aria-live="polite">
            {classifiers.filter((spec) => predictions[runId(spec)]).map((spec) => (
              <StemPlot key={runId(spec)} title={runLabel(spec)} probabilities={predictions[runId(spec)]} color={runColor(spec, spec.task)}
                file={['stem plot', 'your drawing', spec.task, spec.use, `seed${spec.seed}`]} />
            ))}
          </div>
          {rotation && (
            <div className="stem-row">
              <StemPlot title="Pretext head: how is it rotated?" probabilities={rotation} classNames={ROTATION_CLASSES} color={RUN_COLORS.pretext}
                file={['stem plot', 'your drawing', 'rotation head']} />
              <p className="hint">
                The rotation head thinks your drawing is turned {ROTATION_CLASSES[argmax(rotation)]} ({formatPercent(rotation[argmax(rotation)])} sure).
                Draw a digit sideways or upside down and see whether it notices. {pretextStatus !== 'done' ? '' : 'This is the pretext task at work.'}
              </p>
            </div>
          )}
        </>
      )}
    </Panel>
  );
}
