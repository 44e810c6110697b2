/**
 * The comparison table: every evaluated digit classifier the page holds (each task's frozen features, the
 * supervised baseline, the random control, any seed), with its test accuracy, loss, and how uncertain one
 * such number is.
 */
import type { ArmEvaluation } from '../../runtime/messages';
import type { RunEntry } from '../../state/lab-state';
import type { RunId } from '../../ml/experiment/runs';
import type { TaskId } from '../../ml/tasks/registry';
import { accuracyStandardError } from '../../ml/experiment/statistics';
import { formatLoss, formatPercent } from '../../components/format';
import { compareRuns, runColor, runLabel } from '../shared/run-display';
import { EXPORT_HOST, FigureExport, tableCsv } from '../../components/figure-export';

/** Props of {@link ResultsTable}. */
export interface ResultsTableProps {
  /** Test results by run. */
  readonly results: Readonly<Record<RunId, ArmEvaluation>>;
  /** Every run the page holds (for specs and epochs). */
  readonly runs: Readonly<Record<RunId, RunEntry>>;
  /** Runs of other seeds are named with their seed. */
  readonly seedInView: number;
  readonly taskInView: TaskId;
}

/** Accuracy, loss and ±1 standard error per classifier. */
export function ResultsTable({ results, runs, seedInView, taskInView }: ResultsTableProps) {
  const rows = Object.keys(results).filter((id) => runs[id]).sort((a, b) => compareRuns(runs[a].spec, runs[b].spec));
  return (
    <div className={EXPORT_HOST}>
    <table className="results">
      <caption>Test results ({rows.length} model{rows.length === 1 ? '' : 's'})</caption>
      <thead>
        <tr><th scope="col">Model</th><th scope="col">Accuracy</th><th scope="col">± 1 s.e.</th><th scope="col">Loss</th><th scope="col">Epochs</th></tr>
      </thead>
      <tbody>
        {rows.map((id) => {
          const r = results[id];
          const run = runs[id];
          return (
            <tr key={id}>
              <th scope="row"><span className="swatch" style={{ background: runColor(run.spec, taskInView) }} aria-hidden="true" />{runLabel(run.spec, seedInView)}</th>
              <td className="num"><strong>{formatPercent(r.accuracy, 2)}</strong></td>
              <td className="num">± {(accuracyStandardError(r.accuracy, r.count) * 100).toFixed(1)} pts</td>
              <td className="num">{formatLoss(r.loss)}</td>
              <td className="num">{run.history.length || '–'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
    <FigureExport name="the test results table" file={['compare results', taskInView, `seed${seedInView}`]} data={tableCsv} />
    </div>
  );
}
