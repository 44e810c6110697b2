/**
 * A row (wrapping into a grid) of captioned digits: the four rotations of one image, a batch of test
 * examples with their predictions, the ten digits a student drew.
 */
import { DigitImage } from './DigitImage';
import { EXPORT_HOST, FigureExport, type CsvTable } from './figure-export';
import './components.css';

/** One cell of a {@link DigitGrid}. */
export interface DigitGridItem {
  /** Stable identity for React (e.g. the dataset index, or `${index}-${k}` for a rotation). */
  readonly key: string | number;
  /** 28x28 grayscale pixels, 0-255, white ink on black (or 28x28 RGB triples when `channels` is 3). */
  readonly pixels: Uint8Array;
  /** 3 for RGB pixels (a colorization target); grayscale when absent. */
  readonly channels?: 1 | 3;
  /** Visible text under the image ("90°", "label 7 · predicted 1"). */
  readonly caption: string;
  /** Screen-reader description; defaults to the caption, which is often enough ("90°" is not, so say more). */
  readonly label?: string;
}

/** The pixels behind the grid: one row per image, its caption, then its 784 pixels (0 black to 255 white ink). */
export function digitGridCsv(items: readonly DigitGridItem[]): CsvTable {
  const length = items.reduce((n, item) => Math.max(n, item.pixels.length), 0);
  const rgb = items.some((item) => item.channels === 3);
  const header = ['caption', 'description', ...Array.from({ length }, (_, i) => `${rgb ? 'channel value' : 'pixel'} ${i + 1} (0-255, row-major)`)];
  return { header, rows: items.map((item) => [item.caption, item.label ?? item.caption, ...Array.from(item.pixels)]) };
}

/** Props of {@link DigitGrid}. */
export interface DigitGridProps {
  readonly items: readonly DigitGridItem[];
  /** Size of each image in CSS pixels; defaults to 112. */
  readonly size?: number;
  /** Names the group for screen readers ("Four rotations of a training image"). */
  readonly label?: string;
}

/**
 * Several {@link DigitImage}s with captions, in a list so a screen reader announces how many there are.
 * Cells wrap to the container's width instead of shrinking, because a digit smaller than ~3 screen pixels
 * per source pixel stops being readable from the back of a lecture hall.
 */
export function DigitGrid({ items, size = 112, label }: DigitGridProps) {
  return (
    <div className={EXPORT_HOST}>
    <ul className="digit-grid" aria-label={label} style={{ gridTemplateColumns: `repeat(auto-fill, minmax(${size}px, max-content))` }}>
      {items.map((item) => (
        <li key={item.key}>
          <DigitImage pixels={item.pixels} size={size} label={item.label ?? item.caption} caption={item.caption} channels={item.channels} />
        </li>
      ))}
    </ul>
    <FigureExport name={`the images “${label ?? 'grid'}”`} file={['digits', label]} data={() => digitGridCsv(items)} />
    </div>
  );
}
