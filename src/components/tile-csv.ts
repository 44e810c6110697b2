/**
 * The numbers behind a grid of tiles (filters, feature maps): one row per tile, its values in reading order.
 */
import type { CsvTable } from './figure-export';

/** `values` (tiles x side x side, tile-major) as CSV, one tile a row, each column named by its row and column. */
export function tilesCsv(values: ArrayLike<number>, side: number, tileWord: string, unit: string): CsvTable {
  const tiles = Math.floor(values.length / (side * side));
  const header = [tileWord];
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) header.push(`row ${y + 1} column ${x + 1} (${unit})`);
  const rows = Array.from({ length: tiles }, (_, t) => [t + 1, ...Array.from({ length: side * side }, (_, i) => values[t * side * side + i])]);
  return { header, rows };
}
