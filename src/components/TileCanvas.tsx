/**
 * Many small square tiles of numbers (filters, feature maps) drawn as one canvas: a grid of `columns` tiles
 * with a thin gap, each value a square block of colour, so a 3x3 filter reads as nine squares, not a blur.
 * One canvas instead of 64 keeps the page light on a tablet.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Rgb } from './color-scales';

/** Props of {@link TileCanvas}. */
export interface TileCanvasProps {
  /** tiles x side x side values, tile-major, each tile row-major. */
  readonly values: ArrayLike<number>;
  readonly side: number;
  readonly columns: number;
  readonly color: (value: number) => Rgb;
  /** Screen pixels per value. */
  readonly scale: number;
  /** What the picture shows, for screen readers. */
  readonly label: string;
}

// A dark gap, so near-zero (near-white) weights at a tile's edge are not mistaken for the gap.
const GAP: Rgb = [96, 96, 106];

/** Canvas pixels between two tiles: thin, so the gap never reads as a weight. */
const GAP_PX = 2;

/** The tiles on one canvas, drawn at display resolution (each value a `scale` x `scale` block). */
export function TileCanvas({ values, side, columns, color, scale, label }: TileCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const tiles = Math.floor(values.length / (side * side));
  const rows = Math.ceil(tiles / columns);
  const tilePx = side * scale;
  const width = columns * tilePx + (columns - 1) * GAP_PX;
  const height = rows * tilePx + (rows - 1) * GAP_PX;

  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = `rgb(${GAP.join(', ')})`;
    ctx.fillRect(0, 0, width, height);
    for (let t = 0; t < tiles; t++) {
      const x0 = (t % columns) * (tilePx + GAP_PX);
      const y0 = Math.floor(t / columns) * (tilePx + GAP_PX);
      for (let y = 0; y < side; y++) {
        for (let x = 0; x < side; x++) {
          ctx.fillStyle = `rgb(${color(values[t * side * side + y * side + x]).join(', ')})`;
          ctx.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
        }
      }
    }
  }, [values, side, columns, color, tiles, width, height, tilePx, scale]);

  return <canvas ref={ref} width={width} height={height} style={{ width, height }} role="img" aria-label={label} />;
}
