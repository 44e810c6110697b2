/**
 * A figure as a list of drawing instructions (a "display list"): paths, lines of text and images, each placed
 * in the figure's own pixel coordinates. Read once from the page as it is drawn, the same list becomes the SVG
 * file and the PNG, so the two always show the same thing. Plain data, no DOM: the SVG writer is tested in Node.
 */

/** A 2D affine transform [a, b, c, d, e, f], as SVG's matrix() and the canvas's setTransform take it. */
export type Matrix = readonly [number, number, number, number, number, number];

/** No transform. */
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** How a path is filled and stroked; colours are CSS colours as the browser computed them. */
export interface Paint {
  readonly fill: string | null;
  readonly fillOpacity: number;
  readonly fillRule: 'nonzero' | 'evenodd';
  readonly stroke: string | null;
  readonly strokeOpacity: number;
  readonly strokeWidth: number;
  readonly dash: readonly number[];
  readonly lineCap: 'butt' | 'round' | 'square';
  readonly lineJoin: 'miter' | 'round' | 'bevel';
  /** The element's opacity times its ancestors'. */
  readonly opacity: number;
}

/** A font as CSS describes it; the size in the text's own units (CSS pixels, or the SVG's user units). */
export interface Font {
  readonly family: string;
  readonly size: number;
  readonly weight: string;
  readonly style: string;
}

/** Where a line of text hangs from its point: SVG's text-anchor. */
export type TextAnchor = 'start' | 'middle' | 'end';

/** One drawing instruction. */
export type DrawOp =
  | { readonly kind: 'path'; readonly d: string; readonly matrix: Matrix; readonly paint: Paint }
  | {
      readonly kind: 'text'; readonly text: string; readonly x: number; readonly y: number; readonly anchor: TextAnchor;
      readonly font: Font; readonly fill: string; readonly opacity: number; readonly matrix: Matrix;
    }
  | {
      readonly kind: 'image'; readonly x: number; readonly y: number; readonly width: number; readonly height: number;
      /** A data: URL of the pixels, for the SVG file. */
      readonly href: string;
      /** The canvas itself, for the PNG (an image decoded from `href` would be a fetch the page's policy may refuse). */
      readonly source?: CanvasImageSource;
      /** Hard pixel edges (a digit's 28x28 pixels), not a smoothed upscale. */
      readonly pixelated: boolean;
    };

/** A whole figure: its size in CSS pixels, its background, its name, and what to draw. */
export interface Picture {
  readonly width: number;
  readonly height: number;
  readonly background: string;
  readonly title: string;
  readonly ops: readonly DrawOp[];
}

/** A plain paint: a filled shape with no stroke, fully opaque. */
export function fillPaint(fill: string, opacity = 1): Paint {
  return { fill, fillOpacity: 1, fillRule: 'nonzero', stroke: null, strokeOpacity: 1, strokeWidth: 0, dash: [], lineCap: 'butt', lineJoin: 'miter', opacity };
}

/** The path of an axis-aligned rectangle. */
export function rectPath(x: number, y: number, width: number, height: number): string {
  return `M${num(x)} ${num(y)}h${num(width)}v${num(height)}h${num(-width)}Z`;
}

/** A number as short as its meaning: three decimals are far below a pixel at any zoom a slide uses. */
export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}
