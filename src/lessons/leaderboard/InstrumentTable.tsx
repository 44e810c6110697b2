/**
 * The same trunks read by two instruments, one row each: the linear probe's accuracy and verdict beside the
 * lecture's head's, with the head's failed fits counted.
 */
import type { LeaderboardResult } from '../../ml/experiment/leaderboard-types';
import { instrumentRows } from '../../ml/experiment/instruments';
import type { Verdict } from '../../ml/experiment/gain';
import { formatPercent } from '../../components/format';
import { EXPORT_HOST, FigureExport, tableCsv } from '../../components/figure-export';

const VERDICT: Record<Verdict, string> = { better: 'beats random', worse: 'worse than random', tie: 'ties with random', unknown: 'one seed' };
const cell = (m: { readonly mean: number; readonly std: number }) => `${formatPercent(m.mean, 1)} ± ${(100 * m.std).toFixed(1)}`;

/** Props of {@link InstrumentTable}. */
export interface InstrumentTableProps {
  readonly probe: LeaderboardResult;
  readonly lecture: LeaderboardResult;
}

/** The side-by-side table. */
export function InstrumentTable({ probe, lecture }: InstrumentTableProps) {
  const rows = instrumentRows(probe, lecture);
  return (
    <div className={EXPORT_HOST}>
    <table className="results instruments">
      <caption>Digit accuracy of each frozen trunk, mean ± standard deviation over seeds, under each instrument</caption>
      <thead>
        <tr><th scope="col">Trunk</th><th scope="col">Linear probe</th><th scope="col">Lecture&apos;s head</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.title}</th>
            <td className="num">{cell(r.probe)}{r.probe.verdict ? <span className="hint"> ({VERDICT[r.probe.verdict]})</span> : null}</td>
            <td className="num">
              {cell(r.lecture)}{r.lecture.verdict ? <span className="hint"> ({VERDICT[r.lecture.verdict]})</span> : null}
              {r.lecture.failedFits > 0 ? <span className="hint failed-fit"> {r.lecture.failedFits} failed fit{r.lecture.failedFits === 1 ? '' : 's'}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <FigureExport name="the table of both instruments" file={['leaderboard instruments', probe.recordedAt.slice(0, 10)]} data={tableCsv} />
    </div>
  );
}
