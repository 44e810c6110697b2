/**
 * The comparison table: each classifier's test accuracy, loss, and how uncertain one such number is.
 */
import type { ArmEvaluation, ArmName } from '../../runtime/messages';
import { accuracyStandardError } from '../../ml/experiment/statistics';
import { formatLoss, formatPercent } from '../../components/format';
import { RUN_COLORS } from '../../components/palette';

/** Display names of the three classifiers. */
export const ARM_LABELS: Record<ArmName, string> = {
  selfSupervised: 'Self-supervised (rotation features, frozen)',
  supervised: 'Supervised (from scratch)',
  randomFrozen: 'Control: random features, frozen',
};

/** Props of {@link ResultsTable}. */
export interface ResultsTableProps {
  readonly arms: Partial<Record<ArmName, ArmEvaluation>>;
  readonly epochs: Partial<Record<ArmName, number>>;
}

/** Accuracy, loss and ±1 standard error per classifier. */
export function ResultsTable({ arms, epochs }: ResultsTableProps) {
  const rows = (Object.keys(ARM_LABELS) as ArmName[]).filter((a) => arms[a]);
  return (
    <table className="results">
      <caption>Test results</caption>
      <thead>
        <tr><th scope="col">Model</th><th scope="col">Accuracy</th><th scope="col">± 1 s.e.</th><th scope="col">Loss</th><th scope="col">Epochs</th></tr>
      </thead>
      <tbody>
        {rows.map((a) => {
          const r = arms[a] as ArmEvaluation;
          return (
            <tr key={a}>
              <th scope="row"><span className="swatch" style={{ background: RUN_COLORS[a] }} aria-hidden="true" />{ARM_LABELS[a]}</th>
              <td className="num"><strong>{formatPercent(r.accuracy, 2)}</strong></td>
              <td className="num">± {(accuracyStandardError(r.accuracy, r.count) * 100).toFixed(1)} pts</td>
              <td className="num">{formatLoss(r.loss)}</td>
              <td className="num">{epochs[a] ?? '–'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
