/**
 * Tab 1: the first convolution's 64 filters as the seed made them and as training left them, on one colour
 * scale, and the 64 maps they make of one test digit. The words under them say how far the filters moved.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Mnist } from '../../ml/data/mnist';
import { IMAGE_PIXELS } from '../../ml/data/mnist';
import type { InputScaling } from '../../ml/train/batches';
import { changeVerdict, filterChanges, median, type ChangeVerdict } from '../../ml/insight/filter-math';
import { ask, forget, useAnswer } from '../../state/inspect';
import { useLastDrawing } from '../../state/last-drawing';
import { StepRef } from '../kit/StepRef';
import { divergingColor, sequentialColor, sharedLimit } from '../../components/color-scales';
import { ColorLegend } from '../../components/ColorLegend';
import { TileCanvas } from '../../components/TileCanvas';
import { DigitImage } from '../../components/DigitImage';
import { formatPercent } from '../../components/format';
import type { RunSpec } from '../../ml/experiment/runs';
import { trunkStory, type Inspectable } from './useInspectable';
import { RunPicker } from './RunPicker';
import { EXPORT_HOST, FigureExport } from '../../components/figure-export';
import { tilesCsv } from '../../components/tile-csv';

/** Props of {@link FiltersTab}. */
export interface FiltersTabProps {
  readonly models: readonly Inspectable[];
  readonly mnist: Mnist;
  readonly scaling: InputScaling;
}

/** What the filters' movement means, for this kind of run. */
function verdictWords(verdict: ChangeVerdict, spec: RunSpec, medianChange: number): string {
  const m = formatPercent(medianChange, 1);
  switch (verdict) {
    case 'untouched':
      return spec.use === 'random'
        ? 'These filters are exactly their random start: this trunk was never trained, so its head learned on random features.'
        : 'These filters have not moved from their random start at all.';
    case 'barely':
      return `These filters are almost their random start (a typical filter moved ${m} of its length): the head learned on nearly random features.`;
    case 'some':
      return `Training moved a typical filter ${m} of its length: visibly reshaped, but the random start still shows through.`;
    case 'much':
      return `Training moved a typical filter ${m} of its length: these filters were rewritten, not just nudged.`;
  }
}

/** The filters tab. */
export function FiltersTab({ models, mnist, scaling }: FiltersTabProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const [request, setRequest] = useState<number | null>(null);
  const model = models.find((m) => m.id === chosen) ?? models[0];
  const safeIndex = Math.max(0, Math.min(mnist.test.count - 1, Number.isFinite(index) ? Math.floor(index) : 0));
  const testImage = useMemo(() => mnist.test.images.slice(safeIndex * IMAGE_PIXELS, (safeIndex + 1) * IMAGE_PIXELS), [mnist, safeIndex]);
  const drawing = useLastDrawing();
  const [useDrawing, setUseDrawing] = useState(false);
  const fromDrawing = useDrawing && drawing !== null;
  const image = fromDrawing ? drawing : testImage;
  const imageName = fromDrawing ? 'your drawing' : `test image ${safeIndex}`;
  const version = model?.version;
  const run = model?.id;

  useEffect(() => {
    if (run === undefined) return undefined;
    const id = ask({ kind: 'filters', run, image, scaling });
    setRequest(id);
    return () => { if (id !== null) forget(id); };
  }, [run, version, image, scaling]);

  const answer = useAnswer(request);
  const filters = answer?.kind === 'filters' ? answer : null;
  const measures = useMemo(() => {
    if (!filters) return null;
    const changes = filterChanges({ filters: 64, size: 3, weights: filters.initial }, { filters: 64, size: 3, weights: filters.trained });
    const order = Array.from(changes.keys()).sort((a, b) => changes[a] - changes[b]);
    return {
      changes, order, limit: sharedLimit(filters.initial, filters.trained), mapLimit: sharedLimit(filters.maps),
      verdict: changeVerdict(changes), median: median(changes), small: changes.filter((c) => c < 0.1).length,
    };
  }, [filters]);
  const weightColor = useMemo(() => (v: number) => divergingColor(v, measures?.limit ?? 1), [measures]);
  const mapColor = useMemo(() => (v: number) => sequentialColor(v, measures?.mapLimit ?? 1), [measures]);

  if (!model) return <p className="hint">No model is trained or loaded yet: load the pre-trained models above, or train one.</p>;
  return (
    <>
      <p className="note"><strong>What to look for:</strong> do the &ldquo;after&rdquo; filters show structure (a blue side against a red side: an edge detector) that the &ldquo;before&rdquo; noise lacks, or do the two grids look nearly the same?</p>
      <div className="controls">
        <RunPicker label="Model" models={models} value={model.id} onChange={setChosen} />
        <label className="field inline">Test image
          <input type="number" min={0} max={mnist.test.count - 1} value={safeIndex} onChange={(e) => setIndex(Number(e.target.value))} />
        </label>
        <button type="button" onClick={() => setIndex(Math.max(0, safeIndex - 1))} aria-label="Previous test image">◀</button>
        <button type="button" onClick={() => setIndex(Math.min(mnist.test.count - 1, safeIndex + 1))} aria-label="Next test image">▶</button>
        <DigitImage pixels={testImage} size={56} label={`Test image ${safeIndex}: a handwritten ${mnist.test.labels[safeIndex]}`} />
      </div>
      {/* One slot laid out the same whether or not a digit has been drawn: this panel sits above the drawing
          pad, and a row that grew at the first stroke would shift the pad under the student's pen. */}
      <div className="drawing-source">
        {/* The same words and an empty frame of the thumbnail's size before the first drawing. */}
        {drawing
          ? <DigitImage pixels={drawing} size={56} label="Your last drawing, as the models see it" />
          : <span className="thumb-placeholder" aria-hidden="true" />}
        <label>
          <input type="checkbox" checked={fromDrawing} disabled={drawing === null} onChange={(e) => setUseDrawing(e.target.checked)} />
          {' '}show the maps of the digit you last drew in <StepRef id="draw" /> instead
        </label>
      </div>
      <p className="hint">This model&apos;s first layer was {trunkStory(model.spec)}. Its starting filters are re-created from the seed ({model.spec.seed}): every run with that seed began from exactly these.</p>
      {answer?.kind === 'pending' && <p role="status">Reading the filters…</p>}
      {answer?.kind === 'failed' && <p role="alert">{answer.message}</p>}
      {filters && measures && (
        <>
          <div className="filter-pair">
            <figure className={`tiles ${EXPORT_HOST}`}>
              <figcaption>Before training: the seed&apos;s random start</figcaption>
              <FigureExport name="the filters before training" file={['filters before training', model.spec.task, model.spec.use, `seed${model.spec.seed}`]}
                data={() => tilesCsv(filters.initial, 3, 'filter', 'weight')} />
              <TileCanvas values={filters.initial} side={3} columns={8} scale={11} color={weightColor} label="The 64 first-layer filters at their random start, 3 by 3 weights each, blue negative and red positive" />
            </figure>
            <figure className={`tiles ${EXPORT_HOST}`}>
              <figcaption>After training</figcaption>
              <FigureExport name="the filters after training" file={['filters after training', model.spec.task, model.spec.use, `seed${model.spec.seed}`]}
                data={() => tilesCsv(filters.trained, 3, 'filter', 'weight')} />
              <TileCanvas values={filters.trained} side={3} columns={8} scale={11} color={weightColor} label={`The 64 first-layer filters after training. ${verdictWords(measures.verdict, model.spec, measures.median)}`} />
            </figure>
            <ColorLegend title="Weight (both grids, one scale)" min={-measures.limit} max={measures.limit} color={weightColor} />
          </div>
          <p className="result" aria-live="polite">
            {verdictWords(measures.verdict, model.spec, measures.median)}{' '}
            {measures.small} of 64 filters moved less than 10% of their length; the least moved {formatPercent(measures.changes[measures.order[0]], 1)},
            the most {formatPercent(measures.changes[measures.order[63]], 0)} (change = length of after − before, over length of before).
          </p>
          <h3>What the 64 filters see in {imageName}</h3>
          <p className="hint">Each square is one filter&apos;s response (after its ReLU) at 14×14 positions, since the layer steps two pixels at a time. Dark means the filter fired there; a white square is a filter this digit does not excite at all.</p>
          <div className="filter-pair">
            <figure className={`tiles ${EXPORT_HOST}`}>
              <figcaption>64 feature maps, filter by filter in the same order as above</figcaption>
              <FigureExport name="the feature maps" file={['feature maps', model.spec.task, model.spec.use, `seed${model.spec.seed}`, fromDrawing ? 'your drawing' : `test ${safeIndex}`]}
                data={() => tilesCsv(filters.maps, filters.mapSize, 'filter', 'activation after ReLU')} />
              <TileCanvas values={filters.maps} side={filters.mapSize} columns={8} scale={3} color={mapColor}
                label={fromDrawing ? 'The 64 feature maps of your drawing' : `The 64 feature maps of test image ${safeIndex}, a ${mnist.test.labels[safeIndex]}`} />
            </figure>
            <ColorLegend title="Activation" min={0} max={measures.mapLimit} color={mapColor} format={(v) => v.toFixed(v >= 10 ? 0 : 2)} />
          </div>
        </>
      )}
    </>
  );
}
