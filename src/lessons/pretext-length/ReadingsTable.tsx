/**
 * Every probe reading of one task, per epoch: each label count after each block, mean ± std over seeds, and
 * the pretext score. The chart draws one row of it (1,000 labels after block 2); the table keeps the rest.
 */
import type { PretextLengthResult, PretextLengthTask, ProbeBlock } from '../../ml/experiment/pretext-length-types';
import { readingAt } from '../../ml/experiment/pretext-length-words';
import { NO_VALUE } from '../../components/format';
import { useScrollableFocus } from '../../components/useScrollableFocus';
import { epochLabel } from './PretextLengthChart';
import { EXPORT_HOST, FigureExport, tableCsv } from '../../components/figure-export';

const cell = (mean: number, std: number) => `${(mean * 100).toFixed(1)} ± ${(std * 100).toFixed(1)}`;
const BLOCK_WORDS: Record<ProbeBlock, string> = { 'conv1 + pool': 'block 1', 'conv2 + pool': 'block 2' };

/** The readings table of `task`. */
export function ReadingsTable({ result, task }: { readonly result: PretextLengthResult; readonly task: PretextLengthTask }) {
  const rows = result.labels.flatMap((labels) => result.blocks.map((block) => ({ labels, block })));
  const { ref, scrollable } = useScrollableFocus<HTMLDivElement>();
  return (
    <div className={`length-table-wrap ${EXPORT_HOST}`} ref={ref} {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': 'Probe readings (scrolls sideways)' } : {})}>
      <table className="results length-table">
        <caption>
          Every probe reading of {task.title.toLowerCase()}: test digit accuracy in %, mean ± std over {result.seedList.length} seeds, after each epoch of
          pretext training (block 1: conv1 + pool, 3,136 features; block 2: conv2 + pool, 288)
        </caption>
        <thead>
          <tr>
            <th scope="col">labels, block</th>
            {task.points.map((p) => <th key={p.epoch} scope="col" className="num">{epochLabel(p.epoch)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ labels, block }) => (
            <tr key={`${labels}-${block}`}>
              <th scope="row">{labels.toLocaleString('en-US')}, {BLOCK_WORDS[block]}</th>
              {task.points.map((p) => {
                const r = readingAt(p, labels, block);
                return <td key={p.epoch} className="num">{r ? cell(r.mean, r.std) : NO_VALUE}</td>;
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">pretext score ({task.pretextMetric})</th>
            {task.points.map((p) => <td key={p.epoch} className="num">{cell(p.pretextScoreStats.mean, p.pretextScoreStats.std)}</td>)}
          </tr>
        </tbody>
      </table>
      <FigureExport name={`the probe readings table of ${task.title}`} file={['pretext length readings', task.id, result.recordedAt.slice(0, 10)]} data={tableCsv} />
    </div>
  );
}
