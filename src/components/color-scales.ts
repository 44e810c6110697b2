/**
 * Colour scales for weights and activations, as plain functions (tested in Node).
 *
 * Weights are signed, and the sign is the story (a filter that adds this pixel and subtracts that one is an
 * edge detector), so they get a *diverging* scale: blue below zero, white at zero, red above, the same
 * scale for every filter drawn side by side, or "before" and "after" could not be compared by eye. Blue to
 * red through white (ColorBrewer's RdBu ends) stays readable for the common colour blindnesses, since the
 * two arms also differ in lightness as they leave white. Activations after a ReLU are never negative, so
 * they get a *sequential* scale: white for 0, darker for more.
 */

/** An RGB colour, 0-255 per channel. */
export type Rgb = readonly [number, number, number];

const NEGATIVE: Rgb = [33, 102, 172];
const ZERO: Rgb = [247, 247, 247];
const POSITIVE: Rgb = [178, 24, 43];
const STRONG: Rgb = [8, 48, 107];

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [Math.round(a[0] + (b[0] - a[0]) * t), Math.round(a[1] + (b[1] - a[1]) * t), Math.round(a[2] + (b[2] - a[2]) * t)];
}

/** A signed value on the diverging scale that spans [-limit, limit] (clamped beyond). */
export function divergingColor(value: number, limit: number): Rgb {
  const t = limit > 0 ? Math.max(-1, Math.min(1, value / limit)) : 0;
  return t < 0 ? mix(ZERO, NEGATIVE, -t) : mix(ZERO, POSITIVE, t);
}

/** A non-negative value on the sequential scale that spans [0, limit] (clamped beyond). */
export function sequentialColor(value: number, limit: number): Rgb {
  const t = limit > 0 ? Math.max(0, Math.min(1, value / limit)) : 0;
  return mix([255, 255, 255], STRONG, t);
}

/** A colour as CSS. */
export function cssColor([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

/** The largest absolute value of any of the arrays (0 when all are empty): one limit for a shared scale. */
export function sharedLimit(...arrays: readonly ArrayLike<number>[]): number {
  let limit = 0;
  for (const values of arrays) for (let i = 0; i < values.length; i++) limit = Math.max(limit, Math.abs(values[i]));
  return limit;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * White or black text, whichever contrasts more with the background. Against pure black and white one of the
 * two always clears WCAG's 4.5:1 (the worst background, a mid grey, still gives 4.58:1); a softer dark ink would not.
 */
export function readableInk(background: Rgb): '#ffffff' | '#000000' {
  const l = luminance(background);
  return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? '#ffffff' : '#000000';
}
