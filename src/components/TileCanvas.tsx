/**
 * Many small square tiles of numbers (filters, feature maps) drawn as one canvas: a grid of `columns` tiles
 * with a one-pixel gap, each value a colour, scaled up with hard pixel edges so a 3x3 filter reads as nine
 * squares, not a blur. One canvas instead of 64 keeps the page light on a tablet.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Rgb } from './color-scales';
import './components.css';

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

/** The tiles on one canvas. */
export function TileCanvas({ values, side, columns, color, scale, label }: TileCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const tiles = Math.floor(values.length / (side * side));
  const rows = Math.ceil(tiles / columns);
  const width = columns * side + (columns - 1);
  const height = rows * side + (rows - 1);

  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let p = 0; p < width * height; p++) rgba.set([GAP[0], GAP[1], GAP[2], 255], p * 4);
    for (let t = 0; t < tiles; t++) {
      const x0 = (t % columns) * (side + 1);
      const y0 = Math.floor(t / columns) * (side + 1);
      for (let y = 0; y < side; y++) {
        for (let x = 0; x < side; x++) {
          const [r, g, b] = color(values[t * side * side + y * side + x]);
          rgba.set([r, g, b, 255], ((y0 + y) * width + x0 + x) * 4);
        }
      }
    }
    ctx.putImageData(new ImageData(rgba, width, height), 0, 0);
  }, [values, side, columns, color, tiles, width, height]);

  return (
    <canvas ref={ref} width={width} height={height} className="digit-image-canvas" style={{ width: width * scale, height: height * scale }} role="img" aria-label={label} />
  );
}
