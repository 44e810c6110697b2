/**
 * The live sweep: the student picks trunks they have (a pretext model they trained or loaded, frozen or
 * fine-tuned; the random trunk; the network from scratch), label counts and seeds, and the worker measures
 * each point on all the test images. The form checks every setting before anything is sent and names the
 * setting and its allowed values when it refuses; progress, a time estimate and Stop keep the page in charge.
 */
import { useId, useState, type FormEvent } from 'react';
import { useLab } from '../../state/store';
import { anyActive } from '../../state/lab-state';
import { etaSeconds, startSweep, stopSweep, useInsight } from '../../state/insight';
import { SettingError } from '../../ml/config/validate';
import { availableTrunks, checkSweepRequest, parseWholeNumbers, sweepCurves, sweepTrunkKey, type SweepHead, type SweepTrunk } from '../../ml/experiment/sweep-request';
import { labelPoolSize } from '../../ml/experiment/label-pool';
import { runLabel } from '../shared/run-display';
import { parseRunId, type RunId } from '../../ml/experiment/runs';
import { isTaskId } from '../../ml/tasks/registry';
import { ProgressBar } from '../../components/ProgressBar';
import { formatDuration } from '../../components/format';
import { EXPORT_HOST, FigureExport, tableCsv } from '../../components/figure-export';

/** A sweep trunk in words: "Rotation pretext model (seed 1), frozen". */
export function sweepTrunkName(key: string): string {
  if (key === 'random') return 'Random trunk, frozen';
  if (key === 'scratch') return 'From scratch (supervised)';
  const finetune = key.startsWith('finetune:');
  const spec = parseRunId(finetune ? key.slice('finetune:'.length) : key, isTaskId);
  if (!spec) return key;
  return `${runLabel({ ...spec, use: finetune ? 'finetune' : 'transfer', labels: 0 })}, seed ${spec.seed}`;
}

/** The pretext runs the page holds finished models for. */
function useSources(): RunId[] {
  const ids = useLab((s) => Object.entries(s.runs).filter(([, r]) => r.spec.use === 'pretext' && r.status === 'done').map(([id]) => id).join('|'));
  return ids === '' ? [] : ids.split('|');
}

/** The sweep's form, progress and results. */
export function SweepForm({ head }: { readonly head: SweepHead }) {
  const sources = useSources();
  const trunks = availableTrunks(sources);
  const [chosen, setChosen] = useState<readonly string[]>(['random']);
  const [labelsText, setLabelsText] = useState('10, 100, 1000');
  const [seedsText, setSeedsText] = useState('1');
  const [problem, setProblem] = useState<{ setting: string; message: string } | null>(null);
  const sweep = useInsight((s) => s.sweep);
  const trainBusy = useLab(anyActive);
  const ready = useLab((s) => s.engine.status === 'ready' && s.data.status === 'ready');
  const pool = useLab((s) => labelPoolSize(s.data.status === 'ready' ? s.data.mnist.train.count : 20_000));
  const ids = { labels: useId(), seeds: useId(), error: useId() };
  const running = sweep.status === 'running' || sweep.status === 'stopping';
  const presetName = useLab((s) => (s.config.preset === 'smoke' ? 'Tiny' : s.config.preset === 'custom' ? 'custom' : s.config.preset === 'quick' ? 'Quick' : 'Lecture'));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    try {
      const picked: SweepTrunk[] = trunks.filter((t) => chosen.includes(sweepTrunkKey(t)));
      const request = { trunks: picked, labels: parseWholeNumbers('label counts', labelsText), seeds: parseWholeNumbers('seeds', seedsText), head };
      checkSweepRequest(request, sources, pool);
      setProblem(null);
      startSweep(request);
    } catch (err) {
      if (!(err instanceof SettingError)) throw err;
      setProblem({ setting: err.setting, message: err.message });
    }
  };
  const toggle = (key: string) => setChosen((c) => (c.includes(key) ? c.filter((k) => k !== key) : [...c, key]));
  const results = sweep.status === 'idle' ? [] : sweepCurves(sweep.points);
  const counts = sweep.status === 'idle' ? [] : [...sweep.request.labels].sort((a, b) => a - b);

  return (
    <form className="sweep-form" onSubmit={submit} aria-describedby={problem ? ids.error : undefined} noValidate>
      <fieldset disabled={running}>
        <legend>Trunks</legend>
        {sources.length === 0 && <p className="hint">No pretext model yet: train one in <a href="#pretext">the pretext step</a> or load the pre-trained lecture models, and it appears here, frozen and fine-tuned.</p>}
        <ul className="sweep-trunks">
          {trunks.map((t) => {
            const key = sweepTrunkKey(t);
            return <li key={key}><label><input type="checkbox" checked={chosen.includes(key)} onChange={() => toggle(key)} /> {sweepTrunkName(key)}</label></li>;
          })}
        </ul>
        <div className="sweep-fields">
          <label htmlFor={ids.labels}>Label counts</label>
          <input id={ids.labels} value={labelsText} onChange={(e) => setLabelsText(e.target.value)} aria-invalid={problem?.setting === 'label counts'} inputMode="numeric" />
          <label htmlFor={ids.seeds}>Seeds</label>
          <input id={ids.seeds} value={seedsText} onChange={(e) => setSeedsText(e.target.value)} aria-invalid={problem?.setting === 'seeds'} inputMode="numeric" />
        </div>
        <p className="hint">Label counts: 10–100 in steps of 10 (drawn balanced, the same number of each digit) or 101–{pool.toLocaleString('en-US')} (the first N of training images 10,000–{(10_000 + pool - 1).toLocaleString('en-US')}). Each seed redraws the digits and restarts the head; a pretext model you hold is one trunk, so its seeds vary only the head and the labels.</p>
      </fieldset>
      {problem && <p id={ids.error} role="alert" className="form-error">{problem.message}</p>}
      <div className="sweep-buttons">
        <button type="submit" disabled={running || !ready || trainBusy}>Run the sweep</button>
        <button type="button" disabled={sweep.status !== 'running'} onClick={stopSweep}>Stop</button>
        {trainBusy && <span className="hint">A model is training: the sweep waits until it has finished.</span>}
      </div>
      {sweep.status !== 'idle' && (
        <div className="sweep-progress">
          {running && (
            <ProgressBar label="Live sweep" value={sweep.done / sweep.total} detail={sweep.message}
              etaSeconds={etaSeconds(sweep.done, sweep.total, sweep.elapsedMs)} />
          )}
          <p role="status">
            {sweep.status === 'stopping' ? 'Stopping after the current step…'
              : sweep.status === 'running' ? `Measured ${sweep.points.length} of ${sweep.request.trunks.length * sweep.request.labels.length * sweep.request.seeds.length} points.`
                : sweep.end === 'completed' ? `Sweep finished in ${formatDuration(sweep.elapsedMs / 1000)}: ${sweep.points.length} points, frozen trunks read by ${sweep.request.head === 'probe' ? 'the linear probe' : `the lecture's head (the ${presetName} preset's settings)`}.`
                  : sweep.end === 'stopped' ? `Sweep stopped after ${sweep.points.length} points; they are kept below.`
                    : `The sweep failed: ${sweep.failure ?? 'unknown error'}`}
          </p>
          {results.length > 0 && (
            <div className={`leaderboard-wrap ${EXPORT_HOST}`}>
              <table className="results sweep-results">
                <caption>Your sweep: test accuracy on all 10,000 test images, mean ± std over the seeds measured; frozen trunks read by {sweep.request.head === 'probe' ? 'the linear probe' : "the lecture's head"}</caption>
                <thead><tr><th scope="col">trunk</th>{counts.map((n) => <th key={n} scope="col" className="num">{n.toLocaleString('en-US')}</th>)}</tr></thead>
                <tbody>
                  {results.map((c) => (
                    <tr key={c.trunk}>
                      <th scope="row">{sweepTrunkName(c.trunk)}</th>
                      {counts.map((n) => {
                        const p = c.points.find((q) => q.labels === n);
                        return <td key={n} className="num">{p ? `${(p.mean * 100).toFixed(1)}%${p.seeds > 1 ? ` ± ${(p.std * 100).toFixed(1)}` : ''}` : '–'}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
              <FigureExport name="the table of your sweep" file={['your sweep']} data={tableCsv} />
            </div>
          )}
        </div>
      )}
    </form>
  );
}
