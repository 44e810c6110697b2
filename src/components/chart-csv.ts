/**
 * The numbers behind a training chart as a CSV table: one row per point, run by run, with the epoch and the
 * training and validation values in the units the chart's axis uses (accuracy in %, loss as the trainer reports it).
 */
import type { ChartMetric, ChartRun } from './chartPoints';
import type { CsvTable } from './figure-export';

const UNIT: Record<ChartMetric, { readonly header: string; readonly scale: number }> = {
  loss: { header: 'loss (mean per image)', scale: 1 },
  accuracy: { header: '(%)', scale: 100 },
};

/** The runs of a training chart as CSV; `scoreName` names an accuracy-like score ("pixels within 10%"). */
export function trainingChartCsv(runs: readonly ChartRun[], metric: ChartMetric, scoreName = 'accuracy'): CsvTable {
  const { scale } = UNIT[metric];
  const what = metric === 'loss' ? UNIT.loss.header : `${scoreName} ${UNIT.accuracy.header}`;
  const value = (v: number | undefined) => (v === undefined ? null : v * scale);
  return {
    header: ['run', 'epoch (fractional within an epoch)', `training ${what}`, `validation ${what}`],
    rows: runs.flatMap((run) => run.points.map((p) => [run.name, p.x, value(p.train), value(p.val)])),
  };
}
