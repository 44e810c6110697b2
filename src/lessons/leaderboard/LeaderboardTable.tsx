/**
 * The leaderboard table: the recorded rows (each task's frozen trunk, then the three references), and the
 * student's own rows marked as theirs. Each task row can be trained live; its verdict is said in words.
 */
import type { LeaderboardResult } from '../../ml/experiment/leaderboard-types';
import type { YourRow } from '../../ml/experiment/leaderboard-file';
import { verdictSentence, type Gain } from '../../ml/experiment/gain';
import type { MeanStd } from '../../ml/experiment/statistics';
import { formatPercent } from '../../components/format';
import type { TrainableRow } from '../../state/row-training';
import { useScrollableFocus } from '../../components/useScrollableFocus';
import { EXPORT_HOST, FigureExport, type CsvTable } from '../../components/figure-export';

/** Props of {@link LeaderboardTable}. */
export interface LeaderboardTableProps {
  readonly recorded: LeaderboardResult | null;
  readonly yours: readonly YourRow[];
  /** The live status of a row ("training the pretext model, 40%"), or null when idle. */
  readonly statusOf: (row: TrainableRow) => string | null;
  /** Whether any training runs (every Train button waits). */
  readonly busy: boolean;
  readonly onTrain: (row: TrainableRow) => void;
  /** False when a task row scores above the upper bound: that row is then shown as a reference, never as a bound. */
  readonly upperIsBound?: boolean;
}

const accuracy = (m: MeanStd, n: number) => `${formatPercent(m.mean, 2)}${n > 1 ? ` ± ${(m.std * 100).toFixed(2)}` : ''}`;
const gainText = (g: Gain) => `${g.mean >= 0 ? '+' : '−'}${Math.abs(g.mean * 100).toFixed(2)} ± ${(g.standardError * 100).toFixed(2)}`;
const VERDICT_WORDS: Record<Gain['verdict'], string> = {
  better: 'beats random', worse: 'worse than random', tie: 'no better than random (within noise)', unknown: 'one seed: cannot tell',
};

/** A warning after an accuracy when the head failed to fit on some seeds: that number is no verdict on the trunk. */
function failedNote(perSeed: readonly { readonly seed: number; readonly failedFit?: string }[]) {
  const failed = perSeed.filter((s) => s.failedFit);
  if (failed.length === 0) return null;
  return <span className="hint failed-fit" title={failed.map((s) => `seed ${s.seed}: ${s.failedFit}`).join('; ')}> (head failed to fit on seed{failed.length === 1 ? '' : 's'} {failed.map((s) => s.seed).join(', ')})</span>;
}

function TrainCell({ row, title, statusOf, busy, onTrain }: { row: TrainableRow; title: string } & Pick<LeaderboardTableProps, 'statusOf' | 'busy' | 'onTrain'>) {
  const status = statusOf(row);
  return (
    <td>
      {status !== null
        ? <span role="status">{status}</span>
        : <button type="button" disabled={busy} onClick={() => onTrain(row)} aria-label={`Train live: ${title}`}>Train live</button>}
    </td>
  );
}

/** The numbers behind the table, mean and spread in columns of their own, so a spreadsheet can plot them. */
export function leaderboardCsv(recorded: LeaderboardResult | null, yours: readonly YourRow[]): CsvTable {
  const tasks = recorded ? [...recorded.tasks].sort((a, b) => b.digitAccuracy.mean - a.digitAccuracy.mean) : [];
  const seeds = recorded?.seeds.join(' ') ?? '';
  const pts = (v: number | undefined) => (v === undefined ? null : v * 100);
  return {
    header: [
      'trunk', 'row', 'pretext score (%)', 'pretext score metric', 'pretext chance (%)', 'digit accuracy, mean over seeds (%)',
      'digit accuracy, std over seeds (percentage points)', 'gain over random, mean (percentage points)', 'gain over random, standard error (percentage points)',
      'verdict', 'seeds',
    ],
    rows: [
      ...tasks.map((t) => [t.title, 'recorded task', pts(t.pretextScore), t.pretextMetric, pts(t.chanceScore), pts(t.digitAccuracy.mean), pts(t.digitAccuracy.std),
        pts(t.gainOverRandom.mean), pts(t.gainOverRandom.standardError), VERDICT_WORDS[t.gainOverRandom.verdict], seeds]),
      ...(recorded?.references ?? []).map((r) => [r.title, 'recorded reference', null, null, null, pts(r.digitAccuracy.mean), pts(r.digitAccuracy.std), null, null, null, seeds]),
      ...yours.map((r) => [r.title, 'yours (live)', null, null, null, pts(r.digitAccuracy.mean), pts(r.digitAccuracy.std), pts(r.gainOverRandom?.mean),
        pts(r.gainOverRandom?.standardError), r.gainOverRandom ? VERDICT_WORDS[r.gainOverRandom.verdict] : null, r.seeds.join(' ')]),
    ],
  };
}

/** The table, best recorded row first. */
export function LeaderboardTable({ recorded, yours, statusOf, busy, onTrain, upperIsBound = true }: LeaderboardTableProps) {
  const refTitle = (id: string, title: string) => (id === 'upper' && !upperIsBound ? title.replace(/^Upper bound/, 'Reference (not a bound here)') : title);
  const n = recorded?.seeds.length ?? 0;
  const tasks = recorded ? [...recorded.tasks].sort((a, b) => b.digitAccuracy.mean - a.digitAccuracy.mean) : [];
  const { ref, scrollable } = useScrollableFocus<HTMLDivElement>();
  return (
    <div className={`leaderboard-wrap ${EXPORT_HOST}`} ref={ref} {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': 'Leaderboard (scrolls sideways)' } : {})}>
    <table className="results leaderboard">
      <caption>
        Digit accuracy {recorded?.head === 'probe' ? 'read by the linear probe from' : "of the lecture's head on"} each frozen trunk{recorded ? `, recorded over ${n} seed${n === 1 ? '' : 's'} on ${recorded.testCount.toLocaleString('en-US')} test images` : ''}
        {yours.length > 0 ? ', and your own runs' : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Trunk</th><th scope="col">Pretext score (chance)</th><th scope="col">Digit accuracy</th>
          <th scope="col">Gain over random ± s.e.</th><th scope="col">What the data says</th><th scope="col">Live</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((t) => (
          <tr key={t.id}>
            <th scope="row">{t.title}</th>
            <td className="num" title={t.pretextMetric}>{formatPercent(t.pretextScore, 1)} <span className="hint">({formatPercent(t.chanceScore, 1)})</span></td>
            <td className="num"><strong>{accuracy(t.digitAccuracy, n)}</strong>{failedNote(t.perSeed)}</td>
            <td className="num">{gainText(t.gainOverRandom)}</td>
            <td title={verdictSentence(t.title, t.gainOverRandom)}>{VERDICT_WORDS[t.gainOverRandom.verdict]}</td>
            <TrainCell row={t.id} title={t.title} statusOf={statusOf} busy={busy} onTrain={onTrain} />
          </tr>
        ))}
        {recorded?.references.map((r) => (
          <tr key={r.id} className="leaderboard-reference">
            <th scope="row">{refTitle(r.id, r.title)}</th>
            <td className="num">—</td>
            <td className="num"><strong>{accuracy(r.digitAccuracy, n)}</strong>{failedNote(r.perSeed)}</td>
            <td className="num">{r.id === 'random' ? '0 (the floor)' : '—'}</td>
            <td>{r.id === 'upper' ? (upperIsBound ? 'what labels give, trained to the end' : 'a task row scores above it: not a bound') : r.id === 'scratch' ? 'what the labels alone give' : 'the control'}</td>
            {r.id === 'upper' ? <td className="hint">command line</td> : <TrainCell row={r.id} title={r.title} statusOf={statusOf} busy={busy} onTrain={onTrain} />}
          </tr>
        ))}
        {yours.map((r) => (
          <tr key={`yours-${r.id}`} className="leaderboard-yours">
            <th scope="row">{r.title} <span className="tag">yours</span></th>
            <td className="num">—</td>
            <td className="num"><strong>{accuracy(r.digitAccuracy, r.seeds.length)}</strong> <span className="hint">seed{r.seeds.length === 1 ? '' : 's'} {r.seeds.join(', ')}</span></td>
            <td className="num">{r.gainOverRandom ? gainText(r.gainOverRandom) : '—'}</td>
            <td>{r.gainOverRandom ? VERDICT_WORDS[r.gainOverRandom.verdict] : r.id === 'random' ? 'your control' : r.id === 'scratch' ? 'your baseline' : 'train the random control with the same seed to compare'}</td>
            <td />
          </tr>
        ))}
      </tbody>
    </table>
    <FigureExport name="the leaderboard table" file={['leaderboard', recorded?.head ?? 'lecture', recorded?.recordedAt.slice(0, 10)]}
      data={() => leaderboardCsv(recorded, yours)} />
    </div>
  );
}
