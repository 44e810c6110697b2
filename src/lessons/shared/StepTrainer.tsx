/**
 * Everything a run shows while it learns: Train / Pause / Resume / Step / Stop, a progress bar with epoch,
 * batch and ETA, and live loss and score charts (with validation curves where there is a split). The
 * pretext, transfer and supervised panels (and the random-features control) all use it, for any task.
 */
import { useLab } from '../../state/store';
import { train, pause, resume, stepOnce, stop, continueOnBackend } from '../../state/actions';
import type { BackendName } from '../../ml/backends/activate';
import { anyActive, isActive, runState, type StepState } from '../../state/lab-state';
import { runId, type RunSpec } from '../../ml/experiment/runs';
import { TrainingChart } from '../../components/TrainingChart';
import { ProgressBar } from '../../components/ProgressBar';
import type { ChartMarker, ChartPoint, ChartRun } from '../../components/chartPoints';
import { formatPercent, formatLoss } from '../../components/format';
import { useMemo, type ReactNode } from 'react';
import { useThrottled } from '../../components/useThrottled';
import { ModelFiles } from './ModelFiles';
import { PretrainedOffer } from './PretrainedOffer';

/** Props of {@link StepTrainer}. */
export interface StepTrainerProps {
  /** The run this trainer trains and shows. */
  readonly spec: RunSpec;
  /** Names the step in buttons and charts, e.g. "pretext model". */
  readonly label: string;
  /** Colour of this step's curves. */
  readonly color: string;
  /** Why the Train button is disabled (e.g. "Train the pretext model first"), or null. */
  readonly blockedBy?: string | null;
  /** What the test score is measured on, e.g. "rotated test images". */
  readonly testDescription: string;
  /** What the score is ("accuracy" by default; "pixels within 10%" for a reconstruction). */
  readonly scoreName?: string;
  /** A further chart beside the loss and score, e.g. the pretext panel's live probe. */
  readonly extraChart?: ReactNode;
}

function curveRuns(s: StepState, label: string, color: string, metric: 'loss' | 'accuracy'): ChartRun[] {
  if (s.status === 'idle') return [];
  const points: ChartPoint[] = s.curve.map((p) => ({ x: p.x, train: metric === 'loss' ? p.loss : p.accuracy }));
  for (const r of s.history) {
    const val = metric === 'loss' ? r.valLoss : r.valAccuracy;
    if (val !== undefined) points.push({ x: r.epoch + 1, val });
  }
  points.sort((a, b) => a.x - b.x);
  return [{ name: label, color, points }];
}

function markers(s: StepState): ChartMarker[] {
  if (s.status === 'done' && s.result.reason === 'early-stopped') return [{ x: s.result.epochsRun, label: 'early stop' }];
  if (s.status === 'done' && s.result.reason === 'stopped') return [{ x: s.curve[s.curve.length - 1]?.x ?? 0, label: 'stopped' }];
  if (s.status === 'failed') return [{ x: s.curve[s.curve.length - 1]?.x ?? 0, label: 'fault' }];
  return [];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Training controls, progress and live charts for one step. */
export function StepTrainer({ spec, label, color, blockedBy = null, testDescription, scoreName = 'accuracy', extraChart = null }: StepTrainerProps) {
  const id = runId(spec);
  const s = useLab((st) => runState(st, id));
  const engineReady = useLab((st) => st.engine.status === 'ready' && st.data.status === 'ready');
  const backendName = useLab((st) => (st.engine.status === 'ready' ? st.engine.backend.name : null));
  const active = isActive(s);
  const otherRunning = useLab((st) => anyActive(st) && !isActive(runState(st, id)));
  // Charts redraw at most twice a second while training; the progress bar stays live.
  const chartState = useThrottled(s, 500, active);
  const lossRuns = useMemo(() => curveRuns(chartState, label, color, 'loss'), [chartState, label, color]);
  const accRuns = useMemo(() => curveRuns(chartState, label, color, 'accuracy'), [chartState, label, color]);
  const marks = useMemo(() => markers(s), [s]);
  // Downloaded charts name their run: `pretext-loss-rotation-seed1.png`, `pretext-accuracy-rotation-transfer-seed1-1000-labels.png`.
  const fileParts = [spec.task, spec.use === 'pretext' ? null : spec.use, `seed${spec.seed}`, spec.use === 'pretext' ? null : `${spec.labels} labels`];
  const canTrain = engineReady && !active && !otherRunning && !blockedBy;
  const canContinue = canTrain && s.status === 'failed' && s.epochsKept > 0;

  return (
    <div className="step-trainer">
      <div className="controls" role="group" aria-label={`Training controls for the ${label}`}>
        <button type="button" className="primary" onClick={() => train(spec)} disabled={!canTrain}>
          {s.status === 'idle' ? `Train the ${label}` : `Retrain the ${label}`}
        </button>
        <button type="button" onClick={pause} disabled={s.status !== 'running'}>Pause</button>
        <button type="button" onClick={resume} disabled={s.status !== 'paused'}>Resume</button>
        <button type="button" onClick={stepOnce} disabled={s.status !== 'paused'}>Step one batch</button>
        <button type="button" onClick={stop} disabled={!active}>Stop</button>
        {canContinue && (
          <button type="button" onClick={() => train(spec, true)}>Continue from epoch {s.epochsKept}</button>
        )}
        {canContinue && (['wasm', 'cpu', 'webgl'] as const).filter((b) => b !== backendName).slice(0, 1).map((b: BackendName) => (
          <button key={b} type="button" onClick={() => continueOnBackend(spec, b)}>Continue on {b === 'wasm' ? 'WebAssembly' : b === 'cpu' ? 'the CPU' : 'WebGL'}</button>
        ))}
      </div>
      <PretrainedOffer spec={spec} />
      <ModelFiles spec={spec} label={label} />
      {blockedBy && <p className="hint" role="note">{blockedBy}</p>}
      {!blockedBy && otherRunning && !active && <p className="hint" role="note">Another model is training; one at a time keeps the numbers honest.</p>}
      {active && (
        <ProgressBar
          label={`${s.status === 'paused' ? 'Paused: ' : 'Training the '}${label}`}
          value={s.progress.fraction}
          detail={`epoch ${s.progress.epoch + 1}/${s.progress.epochs} · batch ${s.progress.batch + 1}/${s.progress.batchesPerEpoch}` +
            (s.progress.imagesPerSecond > 0 ? ` · ${Math.round(s.progress.imagesPerSecond)} images/s` : '')}
          etaSeconds={s.status === 'paused' ? null : s.progress.etaSeconds}
        />
      )}
      {s.status === 'done' && s.result.reason === 'diverged' && <p className="error" role="alert">{s.result.message}</p>}
      {s.status === 'done' && (
        <p className="result" role="status">
          {s.result.reason === 'early-stopped' ? `Stopped early after ${plural(s.result.epochsRun, 'epoch')}. ` : s.result.reason === 'stopped' ? `Stopped by you after ${plural(s.result.epochsRun, 'full epoch')}. ` : s.result.reason === 'diverged' ? `Kept the weights from ${plural(s.result.epochsRun, 'good epoch')}. ` : `Trained for ${plural(s.result.epochsRun, 'epoch')}. `}
          {s.testAccuracy !== null && <>{scoreName === 'accuracy' ? 'Accuracy' : `Score (${scoreName})`} on the {testDescription}: <strong>{formatPercent(s.testAccuracy, 2)}</strong> (loss {formatLoss(s.testLoss ?? NaN)}). </>}
          {s.imagesPerSecond > 0 ? `${Math.round(s.imagesPerSecond)} training images/s.` : ''}
        </p>
      )}
      {s.status === 'failed' && <p className="error" role="alert">{s.message} {s.epochsKept > 0 ? `The weights after epoch ${s.epochsKept} are kept.` : ''}</p>}
      {s.status !== 'idle' && (
        <div className="chart-pair">
          <TrainingChart title={`${label}: loss`} metric="loss" runs={lossRuns} markers={marks} logScale xMax={s.epochs}
            exportName={`the ${label} loss chart`} file={['loss', ...fileParts]} />
          <TrainingChart title={`${label}: ${scoreName}`} metric="accuracy" runs={accRuns} markers={marks} xMax={s.epochs}
            exportName={`the ${label} ${scoreName} chart`} file={[scoreName, ...fileParts]} scoreName={scoreName} />
          {extraChart}
        </div>
      )}
    </div>
  );
}
