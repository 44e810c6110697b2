/**
 * A model summary laid out as Keras's `model.summary()` prints it, because that is what the lecture shows
 * on its slides; plus a status column, because the point of the transfer step is *which* weights are frozen,
 * and Keras only says so in the totals at the bottom.
 */
import type { LayerRow, ModelSummary } from '../ml/models/summary';
import { NO_VALUE, formatShape, formatThousands } from './format';
import { useScrollableFocus } from './useScrollableFocus';
import { EXPORT_HOST, FigureExport, tableCsv } from './figure-export';
import './components.css';

/** Props of {@link ModelTable}. */
export interface ModelTableProps {
  readonly summary: ModelSummary;
  /** Table caption; defaults to Keras's header line, `Model: "name"`. */
  readonly caption?: string;
}

/** What a row's weights do during training: a layer without weights has nothing to freeze. */
type LayerStatus = 'frozen' | 'trainable' | 'none';

function statusOf(row: LayerRow): LayerStatus {
  if (row.params === 0) return 'none';
  return row.trainable ? 'trainable' : 'frozen';
}

/**
 * A padlock drawn inline (not an emoji: emoji fonts are missing on many lab machines and render as boxes),
 * closed for frozen weights and open for trainable ones, so the two states differ in shape, not only in words.
 */
function LockIcon({ open }: { readonly open: boolean }) {
  return (
    <svg viewBox="0 0 16 16" className="model-table-lock" aria-hidden="true" focusable="false">
      <path d={open ? 'M4.5 7V4.5a3.5 3.5 0 0 1 7 0' : 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2'} fill="none" stroke="currentColor" strokeWidth="1.8" />
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
    </svg>
  );
}

function StatusCell({ status }: { readonly status: LayerStatus }) {
  if (status === 'none') return <td className="model-table-status">{NO_VALUE}</td>;
  return (
    <td className={`model-table-status model-table-status--${status}`}>
      <LockIcon open={status === 'trainable'} /> {status}
    </td>
  );
}

/**
 * Keras-style summary table: Layer (type), Output Shape, Param #, and whether the layer's weights are frozen
 * or trained, with frozen rows hatched; the footer repeats Keras's Total / Trainable / Non-trainable counts.
 */
export function ModelTable({ summary, caption }: ModelTableProps) {
  const { ref, scrollable } = useScrollableFocus<HTMLDivElement>();
  const title = caption ?? `Model: "${summary.name}"`;
  return (
    <div
      className={`model-table-wrap ${EXPORT_HOST}`}
      ref={ref}
      {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': `${title} (scrolls sideways)` } : {})}
    >
      <table className="model-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Layer (type)</th>
            <th scope="col">Output Shape</th>
            <th scope="col" className="num">Param #</th>
            <th scope="col">Weights</th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row) => {
            const status = statusOf(row);
            return (
              <tr key={row.name} className={status === 'frozen' ? 'model-table-row--frozen' : undefined}>
                <th scope="row">
                  {row.name} <span className="model-table-kind">({row.kind})</span>
                </th>
                <td className="mono">{formatShape(row.outputShape)}</td>
                <td className="num">{formatThousands(row.params)}</td>
                <StatusCell status={status} />
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>Total params</th>
            <td className="num">{formatThousands(summary.totalParams)}</td>
            <td />
          </tr>
          <tr>
            <th scope="row" colSpan={2}>Trainable params</th>
            <td className="num">{formatThousands(summary.trainableParams)}</td>
            <td />
          </tr>
          <tr>
            <th scope="row" colSpan={2}>Non-trainable params</th>
            <td className="num">{formatThousands(summary.frozenParams)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <FigureExport name={`the model table “${title}”`} file={['model', summary.name]} data={tableCsv} />
    </div>
  );
}
