/**
 * SVG's basic shapes (line, rect, circle, ellipse, polygon, polyline) as path data, so the rest of the export
 * only ever draws one kind of thing: a canvas's Path2D and an SVG <path> both take this string.
 */
import { num } from './picture';

/** A shape's geometry, read from its element's attributes. */
export type Shape =
  | { readonly tag: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }
  | { readonly tag: 'rect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number }
  | { readonly tag: 'circle'; readonly cx: number; readonly cy: number; readonly r: number }
  | { readonly tag: 'ellipse'; readonly cx: number; readonly cy: number; readonly rx: number; readonly ry: number }
  | { readonly tag: 'polygon' | 'polyline'; readonly points: string };

/** The path data of a shape; '' for one that draws nothing (a zero radius, too few points). */
export function shapePath(shape: Shape): string {
  switch (shape.tag) {
    case 'line':
      return `M${num(shape.x1)} ${num(shape.y1)}L${num(shape.x2)} ${num(shape.y2)}`;
    case 'rect':
      if (shape.width <= 0 || shape.height <= 0) return '';
      return `M${num(shape.x)} ${num(shape.y)}h${num(shape.width)}v${num(shape.height)}h${num(-shape.width)}Z`;
    case 'circle':
      return ellipse(shape.cx, shape.cy, shape.r, shape.r);
    case 'ellipse':
      return ellipse(shape.cx, shape.cy, shape.rx, shape.ry);
    case 'polygon':
    case 'polyline': {
      const values = shape.points.trim().split(/[\s,]+/).filter((s) => s !== '').map(Number);
      if (values.length < 4 || values.some((v) => !Number.isFinite(v))) return '';
      const pairs: string[] = [];
      for (let i = 0; i + 1 < values.length; i += 2) pairs.push(`${num(values[i])} ${num(values[i + 1])}`);
      return `M${pairs.join('L')}${shape.tag === 'polygon' ? 'Z' : ''}`;
    }
  }
}

/** Two half-ellipse arcs: one arc cannot start and end at the same point. */
function ellipse(cx: number, cy: number, rx: number, ry: number): string {
  if (rx <= 0 || ry <= 0) return '';
  return `M${num(cx - rx)} ${num(cy)}a${num(rx)} ${num(ry)} 0 1 0 ${num(2 * rx)} 0a${num(rx)} ${num(ry)} 0 1 0 ${num(-2 * rx)} 0Z`;
}
