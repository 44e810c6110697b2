/**
 * Does solving the pretext task well give good digit features? Each task is a point: how far its pretext
 * score got from chance towards perfect (so tasks scored in different units share one axis), against the
 * digit accuracy of the head on its frozen trunk; the random and supervised rows are horizontal lines.
 */
import { memo } from 'react';
import { CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { LeaderboardResult } from '../../ml/experiment/leaderboard-types';
import { INK, RUN_COLORS } from '../../components/palette';
import { TASK_IDS, type TaskId } from '../../ml/tasks/registry';
import { taskAccent } from '../shared/run-display';
import { WhenNear } from '../../components/WhenNear';
import { EXPORT_HOST, FigureExport, type CsvTable } from '../../components/figure-export';

/**
 * One marker shape per task, in registry order, so points that sit close together (several tasks solved to
 * 90% with the same digit accuracy) stay apart in the legend rather than in overlapping labels, in colour or
 * in grey. Recharts draws seven shapes, so the eighth task takes context's diamond again, in a dark olive far
 * from context's sky blue in brightness, which still tells them apart in grey.
 */
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye', 'diamond'] as const;

/** A task's mark on the scatter: its own colour (the one it has on every chart) and a shape. */
export function taskMark(task: TaskId): { readonly color: string; readonly shape: (typeof SHAPES)[number] } {
  return { color: taskAccent(task), shape: SHAPES[TASK_IDS.indexOf(task) % SHAPES.length] };
}

/** How far a score got from chance (0) towards perfect (1). */
export function aboveChance(score: number, chance: number): number {
  return chance >= 1 ? 0 : (score - chance) / (1 - chance);
}

/** The numbers behind the scatter: each task's point, then the reference rows drawn as lines. */
export function scatterCsv(result: LeaderboardResult): CsvTable {
  return {
    header: ['trunk', 'pretext score (%)', 'pretext score metric', 'chance (%)', 'pretext task solved, share of the way from chance (%)', 'digit accuracy, mean over seeds (%)', 'drawn as'],
    rows: [
      ...result.tasks.map((t) => [t.title, t.pretextScore * 100, t.pretextMetric, t.chanceScore * 100, aboveChance(t.pretextScore, t.chanceScore) * 100, t.digitAccuracy.mean * 100, 'point']),
      ...result.references.map((r) => [r.title, null, null, null, null, r.digitAccuracy.mean * 100, 'horizontal line']),
    ],
  };
}

/** The scatter of one recorded leaderboard (memoised: it changes only when the recorded file does). */
export const PretextScatter = memo(function PretextScatter({ result }: { readonly result: LeaderboardResult }) {
  const points = result.tasks.map((t) => ({
    id: t.id, name: t.title, x: Math.round(aboveChance(t.pretextScore, t.chanceScore) * 1000) / 10, y: Math.round(t.digitAccuracy.mean * 1000) / 10,
  }));
  const ref = (id: string) => result.references.find((r) => r.id === id)?.digitAccuracy.mean ?? NaN;
  const ys = [...points.map((p) => p.y), ref('random') * 100, ref('scratch') * 100, ref('upper') * 100].filter(Number.isFinite);
  // Round the axis to whole multiples of 5 points, so its ticks read 60%, 65%, ... on a projector.
  const low = Math.floor((Math.min(...ys) - 1) / 5) * 5;
  const high = Math.min(100, Math.ceil((Math.max(...ys) + 1) / 5) * 5);
  const ticks = Array.from({ length: (high - low) / 5 + 1 }, (_, i) => low + 5 * i);
  const summary = points.map((p) => `${p.name}: ${p.x}% of the way from chance, digits ${p.y}%`).join('; ');
  return (
    <figure className={`chart ${EXPORT_HOST}`}>
      <figcaption>Pretext task solved (share of the way from chance to perfect) against digit accuracy</figcaption>
      <div role="img" aria-label={`Pretext score against digit accuracy. ${summary}.`}>
      <WhenNear height={340}>
      <ResponsiveContainer width="100%" height={340}>
        <ScatterChart margin={{ top: 16, right: 24, bottom: 28, left: 8 }}>
          <CartesianGrid stroke={INK.grid} />
          <XAxis type="number" dataKey="x" domain={[0, 100]} unit="%" tick={{ fill: INK.muted }}
            label={{ value: 'pretext task solved (0 = chance)', position: 'insideBottom', offset: -16, fill: INK.muted }} />
          <YAxis type="number" dataKey="y" domain={[low, high]} ticks={ticks} unit="%" tick={{ fill: INK.muted }} width={56} />
          <Tooltip formatter={(v) => `${String(v)}%`} />
          <ReferenceLine y={ref('random') * 100} stroke={RUN_COLORS.random} strokeDasharray="6 4" label={{ value: 'random trunk', position: 'insideBottomRight', fill: RUN_COLORS.random }} />
          <ReferenceLine y={ref('scratch') * 100} stroke={RUN_COLORS.scratch} strokeDasharray="2 3" label={{ value: 'supervised', position: 'insideTopLeft', fill: RUN_COLORS.scratch }} />
          <ReferenceLine y={ref('upper') * 100} stroke={INK.muted} strokeDasharray="1 3" label={{ value: 'trained on labels', position: 'insideTopLeft', fill: INK.muted }} />
          {points.map((p) => (
            <Scatter key={p.name} name={p.name} data={[p]} fill={taskMark(p.id).color} shape={taskMark(p.id).shape} isAnimationActive={false} />
          ))}
          <Legend verticalAlign="bottom" wrapperStyle={{ paddingTop: 28 }} />
        </ScatterChart>
      </ResponsiveContainer>
      </WhenNear>
      </div>
      <FigureExport name="the pretext-score scatter" file={['leaderboard scatter', result.head ?? 'lecture', result.recordedAt.slice(0, 10)]} data={() => scatterCsv(result)} />
    </figure>
  );
});
