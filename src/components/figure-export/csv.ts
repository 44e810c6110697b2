/**
 * The numbers behind a figure as CSV (RFC 4180): a header row that names each column with its unit, then one
 * row per data point. A lecturer pastes this into a spreadsheet or a plotting script, so numbers stay numbers
 * (full precision, a dot for the decimal point, no thousands separators) and text is quoted only when it must be.
 */

/** One cell: a number is written as it is, text is quoted when needed, an absent value is left empty. */
export type CsvCell = string | number | null | undefined;

/** A table of numbers ready for CSV: the header names each column and its unit ("accuracy (%)"). */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

// A cell starting with one of these is read as a formula by spreadsheets; a caption or a run name that happens to
// start with "=" or "+" must not run as one, so such text gets a leading apostrophe, as spreadsheets themselves do.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Twelve significant digits: 0.9123 * 100 is 91.22999999999999 in binary, and a reader should see 91.23.
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : '';
  const text = FORMULA_START.test(value) && !/^[-+]?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole table as CSV, lines ended by CRLF as RFC 4180 asks (every spreadsheet reads it). */
export function toCsv(table: CsvTable): string {
  const width = table.header.length;
  const lines = [table.header, ...table.rows].map((row) => {
    const cells = Array.from({ length: Math.max(width, row.length) }, (_, i) => csvCell(row[i]));
    return cells.join(',');
  });
  return `${lines.join('\r\n')}\r\n`;
}
