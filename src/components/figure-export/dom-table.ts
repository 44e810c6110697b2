/**
 * The numbers of an HTML table as CSV, read from the table as shown: its last header row names the columns (with
 * the units the page already writes in them), every body and footer row follows. Reading the drawn table rather
 * than the data it came from keeps the CSV equal to what the room saw, word for word.
 */
import { SKIP_ATTRIBUTE } from './capture';
import type { CsvTable } from './csv';

/** A cell's words: its text with runs of white space made one space, the export control's own words left out. */
function cellText(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  for (const skip of Array.from(copy.querySelectorAll(`[${SKIP_ATTRIBUTE}]`))) skip.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A row's cells, each spanned column repeated as empty cells so every row lines up under its header. */
function rowCells(row: HTMLTableRowElement, pending: Map<number, number>): string[] {
  const cells: string[] = [];
  let column = 0;
  const skipSpanned = () => {
    while ((pending.get(column) ?? 0) > 0) {
      pending.set(column, (pending.get(column) ?? 0) - 1);
      cells.push('');
      column += 1;
    }
  };
  for (const cell of Array.from(row.cells)) {
    skipSpanned();
    cells.push(cellText(cell));
    if (cell.rowSpan > 1) pending.set(column, cell.rowSpan - 1);
    column += 1;
    for (let i = 1; i < cell.colSpan; i++) { cells.push(''); column += 1; }
  }
  skipSpanned();
  return cells;
}

/** The first table in `host` as CSV; an empty one when there is none. */
export function tableCsv(host: HTMLElement): CsvTable {
  const table = host instanceof HTMLTableElement ? host : host.querySelector('table');
  if (table === null) return { header: [], rows: [] };
  const head = table.tHead?.rows;
  const header = head && head.length > 0 ? rowCells(head[head.length - 1], new Map()) : [];
  const pending = new Map<number, number>();
  const body = [...Array.from(table.tBodies).flatMap((b) => Array.from(b.rows)), ...Array.from(table.tFoot?.rows ?? [])];
  return { header, rows: body.map((r) => rowCells(r, pending)) };
}
