/**
 * Probes, block by block: where in the trunk can the digit be read? For each trunk the page holds (a pretext
 * model, a supervised network) and a random one, the worker runs a linear probe and a kNN probe after
 * conv1 + pool, after conv2 + pool and, for a pretext model, after its conv3. A table, a small chart, and a
 * sentence computed from the numbers.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLab } from '../../state/store';
import { anyActive } from '../../state/lab-state';
import { runProbes, useInsight } from '../../state/insight';
import { probeKey, type ProbeSource } from '../../runtime/insight-messages';
import { parseRunId } from '../../ml/experiment/runs';
import { isTaskId } from '../../ml/tasks/registry';
import { probeFindings, probeTrunkName } from './probe-words';
import { INK, RUN_COLORS, TASK_ACCENTS } from '../../components/palette';
import { taskAccent } from '../shared/run-display';
import { EXPORT_HOST, FigureExport, tableCsv } from '../../components/figure-export';

/** A probed trunk's colour: the colour of its use everywhere else in the app. */
function probeColor(key: string, index: number): string {
  if (key.startsWith('random.')) return RUN_COLORS.random;
  const spec = parseRunId(key, isTaskId);
  if (spec?.use === 'scratch') return RUN_COLORS.scratch;
  if (spec?.use === 'finetune') return RUN_COLORS.finetune;
  return spec ? taskAccent(spec.task) : TASK_ACCENTS[index % TASK_ACCENTS.length];
}

/** The probes' button, table, chart and findings. */
export function ProbeSection() {
  const seed = useLab((s) => s.config.seed);
  // Pretext models and supervised networks the page holds, finished (so their weights are not moving).
  const held = useLab((s) => Object.entries(s.runs).filter(([, r]) => r.status === 'done' && (r.spec.use === 'pretext' || r.spec.use === 'scratch')).map(([id]) => id).sort().join('|'));
  const busy = useLab(anyActive);
  const ready = useLab((s) => s.engine.status === 'ready' && s.data.status === 'ready');
  const probe = useInsight((s) => s.probe);
  const sweepRunning = useInsight((s) => s.sweep.status === 'running' || s.sweep.status === 'stopping');
  const sources: ProbeSource[] = [...(held === '' ? [] : held.split('|')).map((run): ProbeSource => ({ kind: 'run', run })), { kind: 'random', seed }];
  const rows = probe.status === 'idle' ? {} : probe.rows;
  const keys = Object.keys(rows);
  const blocks = ['conv1 + pool', 'conv2 + pool', 'conv3'];
  const chartRows = blocks.map((block) => {
    const row: Record<string, string | number> = { block };
    for (const key of keys) {
      const r = rows[key].find((x) => x.block === block);
      if (r) row[key] = Math.round(r.linear * 1000) / 10;
    }
    return row;
  }).filter((r) => Object.keys(r).length > 1);
  const findings = probeFindings(rows);

  return (
    <div className="probe-section">
      <p>
        Will probe: {sources.map((s) => probeTrunkName(probeKey(s))).join('; ')}. Each probe trains on the first {probe.status === 'idle' || probe.trainCount === 0 ? 500 : probe.trainCount} of the
        lecture&apos;s labelled digits and is scored on the first {probe.status === 'idle' || probe.testCount === 0 ? '1,000' : probe.testCount.toLocaleString('en-US')} test images. The linear probe is the lab&apos;s instrument: features standardised (each scaled to mean 0,
        spread 1), the penalty chosen by cross-validation on those labelled digits alone, trained to convergence. The kNN probe trains nothing: a test digit takes the majority label of its 5 nearest training digits.
      </p>
      <button type="button" disabled={!ready || busy || sweepRunning || probe.status === 'running'} onClick={() => runProbes(sources)}>
        Run the probes
      </button>
      {probe.status === 'running' && <p role="status">Probing… {keys.length} of {probe.trunks.length || sources.length} trunks started.</p>}
      {probe.status === 'failed' && <p role="alert">The probes failed: {probe.message}</p>}
      {keys.length > 0 && (
        <>
          <div className={`leaderboard-wrap ${EXPORT_HOST}`}>
            <table className="results probe-table">
              <caption>Probe accuracy on {probe.status === 'idle' ? 0 : probe.testCount.toLocaleString('en-US')} test digits, block by block</caption>
              <thead><tr><th scope="col">trunk</th><th scope="col">after block</th><th scope="col" className="num">features</th><th scope="col" className="num">linear probe</th><th scope="col" className="num">kNN probe (k = 5)</th></tr></thead>
              <tbody>
                {keys.flatMap((key) => rows[key].map((r, i) => (
                  <tr key={`${key}:${r.depth}`}>
                    {i === 0 ? <th scope="row" rowSpan={rows[key].length}>{probeTrunkName(key)}</th> : null}
                    <td>{r.block}</td>
                    <td className="num">{r.width.toLocaleString('en-US')}</td>
                    <td className="num">{(r.linear * 100).toFixed(1)}%</td>
                    <td className="num">{(r.knn * 100).toFixed(1)}%</td>
                  </tr>
                )))}
              </tbody>
            </table>
            <FigureExport name="the block-by-block probe table" file={['probes by block', 'table']} data={tableCsv} />
          </div>
          <figure className={`chart ${EXPORT_HOST}`}>
            <figcaption>Linear-probe accuracy after each block</figcaption>
            <div role="img" aria-label={`Linear probe accuracy by block. ${findings.join(' ')}`}>
              <ResponsiveContainer width="100%" height={240}>
                <BarChart data={chartRows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                  <CartesianGrid stroke={INK.grid} vertical={false} />
                  <XAxis dataKey="block" tick={{ fill: INK.muted }} />
                  <YAxis domain={[50, 100]} unit="%" tick={{ fill: INK.muted }} width={52} allowDataOverflow />
                  <Tooltip formatter={(v) => `${String(v)}%`} />
                  {keys.map((key, i) => <Bar key={key} dataKey={key} name={probeTrunkName(key)} fill={probeColor(key, i)} isAnimationActive={false} />)}
                  <Legend />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <FigureExport name="the block-by-block probe chart" file={['probes by block', 'chart']}
              data={() => ({
                header: ['after block', ...keys.map((k) => `${probeTrunkName(k)}: linear probe accuracy (%)`)],
                rows: chartRows.map((row) => [String(row.block), ...keys.map((k) => (typeof row[k] === 'number' ? row[k] : null))]),
              })} />
          </figure>
          {probe.status === 'done' && (
            <div className="probe-words">
              {findings.map((f) => <p key={f}>{f}</p>)}
              <p className="hint">
                Gidaris et al. (2018), who introduced RotNet, probed it block by block and found the best features for other tasks in a middle
                block: the last one specialises in telling rotations apart. Here the trunk is tiny and the digits are easy, so look at the
                numbers rather than the story: conv3 keeps only 64 numbers per digit against 288, so compare its drop
                with the untrained trunk&apos;s; only a drop beyond that one is the paper&apos;s effect.
              </p>
            </div>
          )}
        </>
      )}
    </div>
  );
}
