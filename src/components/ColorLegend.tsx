/** A colour scale's legend: a gradient bar with its end and middle values, so a colour can be read as a number. */
import { cssColor, type Rgb } from './color-scales';

/** Props of {@link ColorLegend}. */
export interface ColorLegendProps {
  readonly title: string;
  readonly min: number;
  readonly max: number;
  readonly color: (value: number) => Rgb;
  /** How to print the numbers (default 2 decimals). */
  readonly format?: (value: number) => string;
}

/** The legend of one scale. */
export function ColorLegend({ title, min, max, color, format = (v) => v.toFixed(2) }: ColorLegendProps) {
  const stops = Array.from({ length: 11 }, (_, i) => `${cssColor(color(min + ((max - min) * i) / 10))} ${i * 10}%`);
  return (
    <figure className="color-legend" aria-label={`${title}: from ${format(min)} to ${format(max)}`}>
      <figcaption>{title}</figcaption>
      <div className="color-legend-bar" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} aria-hidden="true" />
      <div className="color-legend-ticks" aria-hidden="true">
        <span>{format(min)}</span><span>{format((min + max) / 2)}</span><span>{format(max)}</span>
      </div>
    </figure>
  );
}
