/**
 * Prediction stem plots: one test image, both models' ten probabilities side by side, with next / previous /
 * random and a filter for the images where the models disagree or one of them is wrong.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ArmEvaluation } from '../../runtime/messages';
import { runId, type RunId, type RunSpec, type TrunkUse } from '../../ml/experiment/runs';
import type { Mnist } from '../../ml/data/mnist';
import { IMAGE_PIXELS } from '../../ml/data/mnist';
import { StemPlot } from '../../components/StemPlot';
import { DigitImage } from '../../components/DigitImage';
import { FILTER_LABELS, filterRows, type ImageFilter } from './filters';
import { runColor, runLabel } from '../shared/run-display';

/** Props of {@link StemExplorer}. */
export interface StemExplorerProps {
  readonly mnist: Mnist;
  readonly startIndex: number;
  readonly labels: Uint8Array;
  /** Test results by run. */
  readonly results: Readonly<Record<RunId, ArmEvaluation>>;
  /** The runs in view: the self-supervised, supervised and random-control stems come from these. */
  readonly specs: Readonly<Record<TrunkUse, RunSpec>>;
}

/** Browses test images with both models' stem plots (and the control's, when it has been evaluated). */
export function StemExplorer({ mnist, startIndex, labels, results, specs }: StemExplorerProps) {
  const self = results[runId(specs.transfer)];
  const supervised = results[runId(specs.scratch)];
  const [filter, setFilter] = useState<ImageFilter>('all');
  const [position, setPosition] = useState(0);
  const rows = useMemo(() => (self && supervised ? filterRows(filter, labels, self, supervised) : []), [filter, labels, self, supervised]);
  useEffect(() => setPosition(0), [filter]);
  if (!self || !supervised) return <p className="hint">Train both models, then evaluate, to see their predictions.</p>;
  const row = rows.length ? rows[Math.min(position, rows.length - 1)] : null;
  const shown = [specs.transfer, specs.scratch, specs.random, specs.finetune].filter((spec) => results[runId(spec)]);
  return (
    <div className="stem-explorer">
      <div className="controls" role="group" aria-label="Choose a test image">
        <label>
          Show{' '}
          <select value={filter} onChange={(e) => setFilter(e.target.value as ImageFilter)}>
            {(Object.keys(FILTER_LABELS) as ImageFilter[]).map((f) => <option key={f} value={f}>{FILTER_LABELS[f]}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => setPosition((p) => (p + rows.length - 1) % Math.max(1, rows.length))} disabled={rows.length < 2}>Previous</button>
        <button type="button" onClick={() => setPosition((p) => (p + 1) % Math.max(1, rows.length))} disabled={rows.length < 2}>Next</button>
        <button type="button" onClick={() => setPosition(Math.floor(Math.random() * rows.length))} disabled={rows.length < 2}>Random</button>
        <span className="hint" role="status">{rows.length ? `image ${position + 1} of ${rows.length}` : 'no image matches this filter'}</span>
      </div>
      {row !== null && (
        <div className="stem-row">
          <DigitImage
            pixels={mnist.test.images.subarray((startIndex + row) * IMAGE_PIXELS, (startIndex + row + 1) * IMAGE_PIXELS)}
            size={140}
            label={`Test image ${startIndex + row}, a handwritten ${labels[row]}`}
            caption={`test #${startIndex + row} · true label ${labels[row]}`}
          />
          {shown.map((spec) => (
            <StemPlot
              key={runId(spec)}
              title={runLabel(spec)}
              probabilities={results[runId(spec)].probabilities.subarray(row * 10, row * 10 + 10)}
              trueLabel={labels[row]}
              color={runColor(spec, spec.task)}
              file={['stem plot', `test ${startIndex + row}`, spec.task, spec.use, `seed${spec.seed}`]}
            />
          ))}
        </div>
      )}
    </div>
  );
}
