/**
 * Accuracy against the number of labels, on a log axis (10 and 9,000 labels on one page), with a band of
 * ± one standard deviation over seeds around each trunk's mean: where two bands overlap, the seeds cannot
 * tell the trunks apart. A student's own sweep is drawn dashed over the recorded curves.
 */
import { memo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { INK, RUN_COLORS, TASK_ACCENTS } from '../../components/palette';
import { WhenNear } from '../../components/WhenNear';
import { TASK_IDS } from '../../ml/tasks/registry';
import { taskAccent } from '../shared/run-display';
import { EXPORT_HOST, FigureExport, type CsvTable, type FileNamePart } from '../../components/figure-export';

/** One drawn curve: its name, colour, dashed or not, and its points (fractions 0-1). */
export interface DrawnCurve {
  readonly key: string;
  readonly name: string;
  readonly color: string;
  readonly dashed: boolean;
  readonly points: readonly { readonly labels: number; readonly mean: number; readonly std: number }[];
}

/** A trunk's colour: the run colours where the trunk is one of the lecture's uses, else its task's own accent. */
export function trunkColor(trunk: string, index: number): string {
  if (trunk === 'random') return RUN_COLORS.random;
  if (trunk === 'scratch') return RUN_COLORS.scratch;
  if (trunk.startsWith('finetune')) return RUN_COLORS.finetune;
  const task = TASK_IDS.find((t) => trunk === t || ['-', ':', '.'].some((sep) => trunk.startsWith(t + sep)));
  return task ? taskAccent(task) : TASK_ACCENTS[index % TASK_ACCENTS.length];
}

const pct = (v: number) => Math.round(v * 1000) / 10;

/** The numbers behind the curve: every point of every drawn curve, in % of the test digits. */
export function curveCsv(curves: readonly DrawnCurve[]): CsvTable {
  return {
    header: ['trunk', 'labelled digits', 'test accuracy, mean over seeds (%)', 'standard deviation over seeds (percentage points)', 'your sweep'],
    rows: curves.flatMap((c) => c.points.map((p) => [c.name, p.labels, p.mean * 100, p.std * 100, c.dashed ? 'yes' : 'no'])),
  };
}

/** The chart (memoised: it changes only when a curve gains a point). */
export const CurveChart = memo(function CurveChart({ curves, caption, file }: {
  readonly curves: readonly DrawnCurve[];
  readonly caption: string;
  /** What and which for downloaded files, e.g. the instrument and the recording's date. */
  readonly file: readonly FileNamePart[];
}) {
  const counts = [...new Set(curves.flatMap((c) => c.points.map((p) => p.labels)))].sort((a, b) => a - b);
  const rows = counts.map((labels) => {
    const row: Record<string, number | [number, number]> = { labels };
    for (const c of curves) {
      const p = c.points.find((q) => q.labels === labels);
      if (!p) continue;
      row[`${c.key}:mean`] = pct(p.mean);
      row[`${c.key}:band`] = [pct(Math.max(0, p.mean - p.std)), pct(Math.min(1, p.mean + p.std))];
    }
    return row;
  });
  const all = curves.flatMap((c) => c.points.flatMap((p) => [p.mean - p.std, p.mean + p.std]));
  const low = all.length ? Math.max(0, Math.floor((Math.min(...all) * 100) / 10) * 10) : 0;
  const summary = curves.map((c) => `${c.name}: ${c.points.map((p) => `${p.labels} labels ${pct(p.mean)}%`).join(', ')}`).join('; ');
  const lo = counts.length ? counts[0] : 10;
  const hi = counts.length ? counts[counts.length - 1] : 10_000;
  return (
    <figure className={`chart curve-chart ${EXPORT_HOST}`}>
      <figcaption>{caption}</figcaption>
      <div role="img" aria-label={`Test accuracy against labelled digits, log axis. ${summary}.`}>
        <WhenNear height={380}>
        <ResponsiveContainer width="100%" height={380}>
          <ComposedChart data={rows} margin={{ top: 12, right: 24, bottom: 28, left: 8 }}>
            <CartesianGrid stroke={INK.grid} />
            <XAxis dataKey="labels" type="number" scale="log" domain={[lo * 0.8, hi * 1.25]} ticks={counts} allowDataOverflow
              tickFormatter={(v: number) => v.toLocaleString('en-US')} tick={{ fill: INK.muted }}
              label={{ value: 'labelled digits the head trains on (log scale)', position: 'insideBottom', offset: -16, fill: INK.muted }} />
            <YAxis type="number" domain={[low, 100]} unit="%" tick={{ fill: INK.muted }} width={56} />
            <Tooltip formatter={(v) => (Array.isArray(v) ? `${v[0]}–${v[1]}%` : `${String(v)}%`)} labelFormatter={(v) => `${Number(v).toLocaleString('en-US')} labels`} />
            {curves.map((c) => (
              <Area key={`${c.key}:band`} dataKey={`${c.key}:band`} name={`${c.name} ± 1 std`} stroke="none" fill={c.color}
                fillOpacity={c.dashed ? 0.08 : 0.15} isAnimationActive={false} legendType="none" connectNulls />
            ))}
            {curves.map((c) => (
              <Line key={`${c.key}:mean`} dataKey={`${c.key}:mean`} name={c.name} stroke={c.color} strokeWidth={2.5}
                strokeDasharray={c.dashed ? '6 4' : undefined} dot={{ r: 3, fill: c.color }} isAnimationActive={false} connectNulls />
            ))}
            <Legend verticalAlign="bottom" wrapperStyle={{ paddingTop: 28 }} />
          </ComposedChart>
        </ResponsiveContainer>
        </WhenNear>
      </div>
      <FigureExport name="the label-efficiency curve" file={file} data={() => curveCsv(curves)} />
    </figure>
  );
});
