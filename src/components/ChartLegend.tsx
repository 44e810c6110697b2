/**
 * The legend of TrainingChart, drawn in HTML rather than by recharts so it follows the page's type size
 * (and --scale), wraps like text, and can show each line's latest value, which is what a lecturer reads out.
 */
import type { ChartMetric, ChartRun, Series } from './chartPoints';
import { formatMetric, lastValue } from './chartPoints';
import { INK } from './palette';
import './components.css';

function Swatch({ color, dashed }: { readonly color: string; readonly dashed: boolean }) {
  return (
    <svg viewBox="0 0 36 12" className="chart-legend-swatch" aria-hidden="true">
      <line x1="2" x2="34" y1="6" y2="6" stroke={color} strokeWidth="3" strokeDasharray={dashed ? '7 4' : undefined} />
    </svg>
  );
}

/**
 * The legend of a training chart. One run: one entry per line with its latest value.
 * Several runs: one entry per run (its colour, name, latest training / validation values) and a single key for
 * the dash convention, because six "Name · training" entries wrap into an unreadable block on a projector.
 */
export function ChartLegend({ runs, series, metric }: { readonly runs: readonly ChartRun[]; readonly series: readonly Series[]; readonly metric: ChartMetric }) {
  if (series.length === 0) return null;
  if (runs.length === 1 && runs[0].name === '') {
    return (
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.id}>
            <Swatch color={s.color} dashed={s.dashed} />
            {s.label}
            {s.latest !== null && <strong className="chart-legend-value">{formatMetric(s.latest, metric)}</strong>}
          </li>
        ))}
      </ul>
    );
  }
  const hasVal = series.some((s) => s.dashed);
  return (
    <ul className="chart-legend" aria-hidden="true">
      {runs.map((run, i) => {
        const train = lastValue(run.points, 'train');
        const val = lastValue(run.points, 'val');
        return (
          <li key={`${i}-${run.name}`}>
            <Swatch color={run.color} dashed={false} />
            {run.name}
            {train && <strong className="chart-legend-value">{formatMetric(train.value, metric)}</strong>}
            {val && <span>/ <strong className="chart-legend-value">{formatMetric(val.value, metric)}</strong></span>}
          </li>
        );
      })}
      {hasVal && (
        <li className="chart-legend-key">
          <Swatch color={INK.muted} dashed={false} /> training <Swatch color={INK.muted} dashed /> validation
        </li>
      )}
    </ul>
  );
}
