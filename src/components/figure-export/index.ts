/**
 * Figures out: every chart, table and grid of the app as PNG, SVG and CSV. Import the control from here; the
 * modules behind it (CSV, file names, the picture, its SVG and PNG) are separate so each can be tested alone.
 */
export { FigureExport, EXPORT_HOST, PNG_SCALE, type FigureExportProps } from './FigureExport';
export type { CsvCell, CsvTable } from './csv';
export { tableCsv } from './dom-table';
export type { FileNamePart } from './file-name';
