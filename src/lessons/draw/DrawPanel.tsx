/**
 * Step 8: draw a digit and watch the models answer, live: the self-supervised and supervised classifiers side
 * by side, and the pretext head's guess at how the drawing is rotated.
 */
import { useCallback, useState } from 'react';
import { Panel } from '../Panel';
import { useLab, predictDrawing } from '../../state/store';
import { DrawingCanvas, PreprocessedPreview } from '../../components/DrawingCanvas';
import { StemPlot } from '../../components/StemPlot';
import { RUN_COLORS } from '../../components/palette';
import { ROTATION_CLASSES, argmax } from '../../components/prediction';
import { formatPercent } from '../../components/format';
import { PretrainedOffer } from '../../components/PretrainedOffer';
import type { PreprocessResult } from '../../ml/draw/preprocess';
import type { StepName } from '../../runtime/messages';

const CLASSIFIERS: readonly { step: StepName; title: string }[] = [
  { step: 'selfSupervised', title: 'Self-supervised (rotation features)' },
  { step: 'supervised', title: 'Supervised (from scratch)' },
  { step: 'randomFrozen', title: 'Control: random features' },
];

/** The drawing panel. */
export function DrawPanel() {
  const [drawing, setDrawing] = useState<PreprocessResult | null>(null);
  const predictions = useLab((s) => s.predictions?.predictions ?? null);
  const trained = useLab((s) => `${s.steps.pretext.status} ${s.steps.selfSupervised.status} ${s.steps.supervised.status} ${s.steps.randomFrozen.status}`);
  const [pretextStatus, selfStatus, supervisedStatus] = trained.split(' ');
  const onChange = useCallback((result: PreprocessResult) => {
    setDrawing(result);
    if (!result.empty) predictDrawing(result.pixels);
  }, []);
  const anyModel = /done|failed/.test(trained);
  const empty = drawing === null || drawing.empty;
  const rotation = !empty ? predictions?.pretext : undefined;

  return (
    <Panel id="draw" number={8} title="Draw a digit: ask the models">
      <p>
        Draw with a mouse, pen or finger. Your drawing is prepared the way MNIST&apos;s digits were: cropped, scaled so its
        longer side is 20 pixels, and centred by its centre of mass in a 28×28 square. That small image is what the models see.
      </p>
      {!anyModel && (
        <p className="note" role="note">
          No model is trained yet. Train the pretext model (step 4), then the self-supervised head (step 5) and the
          supervised model (step 6); with the Quick preset that takes a few minutes.
        </p>
      )}
      {!anyModel && <PretrainedOffer step="selfSupervised" />}
      {anyModel && (selfStatus !== 'done' || supervisedStatus !== 'done') && (
        <p className="hint" role="note">
          {selfStatus !== 'done' ? 'The self-supervised head is not trained yet (step 5). ' : ''}
          {supervisedStatus !== 'done' ? 'The supervised model is not trained yet (step 6).' : ''}
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
            {CLASSIFIERS.filter((c) => predictions[c.step]).map((c) => (
              <StemPlot key={c.step} title={c.title} probabilities={predictions[c.step] as Float32Array} color={RUN_COLORS[c.step]} />
            ))}
          </div>
          {rotation && (
            <div className="stem-row">
              <StemPlot title="Pretext head: how is it rotated?" probabilities={rotation} classNames={ROTATION_CLASSES} color={RUN_COLORS.pretext} />
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
