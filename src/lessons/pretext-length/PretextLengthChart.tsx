/**
 * One task's line of the pretext-length study: digit accuracy of the probe (1,000 labels, block 2) against
 * epochs of pretext training, with a band of ± one standard deviation over seeds, the untrained trunk
 * (epoch 0) drawn across as the floor, and the pretext score on a second axis. The epochs (0, 1, 2, 5, 10, 20,
 * 50) sit evenly spaced, as categories: on a linear axis 0-5 would be squeezed into a tenth of the width, and a
 * log axis has no place for 0.
 */
import { memo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { INK, RUN_COLORS } from '../../components/palette';
import { WhenNear } from '../../components/WhenNear';
import { EXPORT_HOST, FigureExport, type CsvTable } from '../../components/figure-export';
import type { PretextLengthTask } from '../../ml/experiment/pretext-length-types';

const pct = (v: number) => Math.round(v * 1000) / 10;

/** An epoch as the axis names it: epoch 0 is the untrained trunk. */
export function epochLabel(epoch: number): string {
  return epoch === 0 ? '0 (untrained)' : String(epoch);
}

/** The chart in a sentence, with every number, for its accessible name. */
export function describeLengthChart(task: PretextLengthTask): string {
  const acc = task.points.map((p) => `epoch ${p.epoch} ${pct(p.accuracy.mean)}% ± ${pct(p.accuracy.std)}`).join(', ');
  const score = task.points.map((p) => `epoch ${p.epoch} ${pct(p.pretextScore)}%`).join(', ');
  return `${task.title}: digit accuracy of the linear probe (1,000 labels, block 2) against epochs of pretext training, mean ± std over seeds: ${acc}. `
    + `Pretext score (${task.pretextMetric}, chance ${pct(task.chanceScore)}%): ${score}.`;
}

/** The numbers behind the chart: one row per epoch, the probe's accuracy with its spread and the pretext score. */
export function lengthCsv(task: PretextLengthTask): CsvTable {
  return {
    header: ['epochs of pretext training', 'digit accuracy of the probe, mean over seeds (%)', 'standard deviation over seeds (percentage points)', `pretext score, ${task.pretextMetric} (%)`, 'pretext chance (%)'],
    rows: task.points.map((p) => [p.epoch, p.accuracy.mean * 100, p.accuracy.std * 100, p.pretextScore * 100, task.chanceScore * 100]),
  };
}

/** The chart of one task (memoised: the file never changes while the page is open). */
export const PretextLengthChart = memo(function PretextLengthChart({ task }: { readonly task: PretextLengthTask }) {
  const rows = task.points.map((p) => ({
    epoch: epochLabel(p.epoch),
    accuracy: pct(p.accuracy.mean),
    band: [pct(Math.max(0, p.accuracy.mean - p.accuracy.std)), pct(Math.min(1, p.accuracy.mean + p.accuracy.std))],
    score: pct(p.pretextScore),
  }));
  const floor = task.points.find((p) => p.epoch === 0)?.accuracy.mean;
  const lows = task.points.map((p) => p.accuracy.mean - p.accuracy.std);
  const low = Math.max(0, Math.floor((Math.min(...lows) * 100 - 2) / 5) * 5);
  // Round ticks: every 5 points over a narrow range, every 10 over a wide one.
  const step = 100 - low > 30 ? 10 : 5;
  const ticks = Array.from({ length: Math.floor((100 - low) / step) + 1 }, (_, i) => low + i * step);
  return (
    <figure className={`chart length-chart ${EXPORT_HOST}`}>
      <figcaption>
        {task.title}: digit accuracy of the probe (left axis, band ± 1 standard deviation over seeds) and the pretext score (right axis, dashed;
        chance {pct(task.chanceScore)}%) against epochs of pretext training
      </figcaption>
      <div role="img" aria-label={describeLengthChart(task)}>
        <WhenNear height={360}>
          <ResponsiveContainer width="100%" height={360}>
            <ComposedChart data={rows} margin={{ top: 12, right: 8, bottom: 28, left: 8 }}>
              <CartesianGrid stroke={INK.grid} />
              <XAxis dataKey="epoch" type="category" tick={{ fill: INK.muted }} interval={0} padding={{ left: 36, right: 12 }}
                label={{ value: 'epochs of pretext training', position: 'insideBottom', offset: -16, fill: INK.muted }} />
              <YAxis yAxisId="digit" type="number" domain={[low, 100]} ticks={ticks} interval={0} unit="%" tick={{ fill: INK.muted }} width={56} />
              <YAxis yAxisId="score" orientation="right" type="number" domain={[0, 100]} unit="%" tick={{ fill: INK.muted }} width={56} />
              {floor !== undefined && (
                <ReferenceLine yAxisId="digit" y={pct(floor)} stroke={INK.faint} strokeDasharray="4 4"
                  label={{ value: `untrained trunk ${pct(floor)}%`, position: 'insideBottomRight', fill: INK.muted }} />
              )}
              <Area yAxisId="digit" dataKey="band" name="digit accuracy ± 1 std" stroke="none" fill={RUN_COLORS.transfer} fillOpacity={0.15}
                isAnimationActive={false} legendType="none" />
              <Line yAxisId="digit" dataKey="accuracy" name="digit accuracy (probe, 1,000 labels, block 2)" stroke={RUN_COLORS.transfer} strokeWidth={2.5}
                dot={{ r: 3, fill: RUN_COLORS.transfer }} isAnimationActive={false} />
              <Line yAxisId="score" dataKey="score" name={`pretext score (${task.pretextMetric})`} stroke={RUN_COLORS.pretext} strokeWidth={2}
                strokeDasharray="6 4" dot={{ r: 3, fill: RUN_COLORS.pretext }} isAnimationActive={false} />
              <Legend verticalAlign="bottom" wrapperStyle={{ paddingTop: 28 }} />
            </ComposedChart>
          </ResponsiveContainer>
        </WhenNear>
      </div>
      <FigureExport name={`the pretext-length chart of ${task.title}`} file={['pretext length', task.id]} data={() => lengthCsv(task)} />
    </figure>
  );
});
