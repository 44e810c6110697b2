/**
 * One confusion matrix as a table: rows are the true classes, columns the answers, each cell's shade its
 * share of the row (blue on the diagonal, where the model is right; red off it, where it is wrong). Cells
 * with examples are buttons, so a click or Enter shows the images behind the number.
 */
import { cell, rowTotal, type ConfusionMatrix } from '../../ml/eval/confusion';
import { cssColor, divergingColor, readableInk } from '../../components/color-scales';
import { EXPORT_HOST, FigureExport, tableCsv } from '../../components/figure-export';

/** A chosen cell. */
export interface PickedCell {
  readonly truth: number;
  readonly predicted: number;
}

/** Props of {@link ConfusionGrid}. */
export interface ConfusionGridProps {
  readonly matrix: ConfusionMatrix;
  readonly caption: string;
  /** Names of the classes, for headers and labels ("0".."9", or "0°".."270°"). */
  readonly names: readonly string[];
  /** What a row's class is called in labels ("true digit", "turned"). */
  readonly rowWord: string;
  readonly columnWord: string;
  /** Makes non-empty cells buttons. */
  readonly onPick?: (picked: PickedCell) => void;
  readonly picked?: PickedCell | null;
  readonly compact?: boolean;
}

/** The table. */
export function ConfusionGrid({ matrix, caption, names, rowWord, columnWord, onPick, picked, compact = false }: ConfusionGridProps) {
  const classes = Array.from({ length: matrix.classes }, (_, i) => i);
  return (
    <div className={EXPORT_HOST}>
    <table className={compact ? 'confusion compact' : 'confusion'}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col"><span className="visually-hidden">{rowWord} \ {columnWord}</span></th>
          {classes.map((p) => <th key={p} scope="col">{names[p]}</th>)}
        </tr>
      </thead>
      <tbody>
        {classes.map((t) => {
          const total = rowTotal(matrix, t);
          return (
            <tr key={t}>
              <th scope="row">{names[t]}</th>
              {classes.map((p) => {
                const count = cell(matrix, t, p);
                const share = total > 0 ? count / total : 0;
                // Diagonal cells shade blue with their share (right answers), others red (mistakes, made vivid early).
                const color = t === p ? divergingColor(-share, 1) : divergingColor(Math.min(1, share * 4), 1);
                const style = { background: cssColor(color), color: readableInk(color) };
                const label = `${rowWord} ${names[t]}, ${columnWord} ${names[p]}: ${count} of ${total}`;
                const on = picked?.truth === t && picked.predicted === p;
                return (
                  <td key={p} style={style} className={on ? 'picked' : undefined}>
                    {onPick && count > 0
                      ? <button type="button" aria-label={label} aria-pressed={on} onClick={() => onPick({ truth: t, predicted: p })}>{count}</button>
                      : <span aria-label={label} role="img">{count}</span>}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
    <FigureExport name={`the confusion table “${caption}”`} file={['confusion', caption]} data={tableCsv} />
    </div>
  );
}
