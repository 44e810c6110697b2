/**
 * A {@link Picture} as a standalone SVG file: every colour, width and font written on the element itself (no
 * stylesheet, no CSS variable), so it looks the same in Inkscape, PowerPoint, Keynote or a browser.
 */
import { num, type DrawOp, type Matrix, type Paint, type Picture } from './picture';

/** Text escaped for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function attrs(pairs: Readonly<Record<string, string | number | null | undefined>>): string {
  return Object.entries(pairs)
    .filter((e): e is [string, string | number] => e[1] !== null && e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => ` ${k}="${xmlEscape(typeof v === 'number' ? num(v) : v)}"`)
    .join('');
}

function transform(m: Matrix): string | null {
  if (m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1 && m[4] === 0 && m[5] === 0) return null;
  return `matrix(${m.map(num).join(' ')})`;
}

function paintAttrs(p: Paint): Record<string, string | number | null> {
  return {
    fill: p.fill ?? 'none',
    'fill-opacity': p.fill !== null && p.fillOpacity !== 1 ? p.fillOpacity : null,
    'fill-rule': p.fillRule === 'evenodd' ? 'evenodd' : null,
    stroke: p.stroke,
    'stroke-opacity': p.stroke !== null && p.strokeOpacity !== 1 ? p.strokeOpacity : null,
    'stroke-width': p.stroke !== null ? p.strokeWidth : null,
    'stroke-dasharray': p.stroke !== null && p.dash.length > 0 ? p.dash.map(num).join(' ') : null,
    'stroke-linecap': p.stroke !== null && p.lineCap !== 'butt' ? p.lineCap : null,
    'stroke-linejoin': p.stroke !== null && p.lineJoin !== 'miter' ? p.lineJoin : null,
    opacity: p.opacity !== 1 ? p.opacity : null,
  };
}

function element(op: DrawOp): string {
  switch (op.kind) {
    case 'path':
      return `<path${attrs({ d: op.d, transform: transform(op.matrix), ...paintAttrs(op.paint) })}/>`;
    case 'text':
      return `<text${attrs({
        transform: transform(op.matrix), x: op.x, y: op.y, 'text-anchor': op.anchor === 'start' ? null : op.anchor,
        'font-family': op.font.family, 'font-size': op.font.size, 'font-weight': op.font.weight === '400' ? null : op.font.weight,
        'font-style': op.font.style === 'normal' ? null : op.font.style, fill: op.fill, opacity: op.opacity !== 1 ? op.opacity : null,
      })} xml:space="preserve">${xmlEscape(op.text)}</text>`;
    case 'image':
      return `<image${attrs({
        x: op.x, y: op.y, width: op.width, height: op.height, 'xlink:href': op.href, preserveAspectRatio: 'none',
        style: op.pixelated ? 'image-rendering:pixelated' : null,
      })}/>`;
  }
}

/** The SVG file's text. */
export function pictureToSvg(picture: Picture): string {
  const { width, height } = picture;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs({ width, height, viewBox: `0 0 ${num(width)} ${num(height)}` })}>`,
    `<title>${xmlEscape(picture.title)}</title>`,
    `<rect${attrs({ width, height, fill: picture.background })}/>`,
    ...picture.ops.map(element),
    '</svg>',
    '',
  ].join('\n');
}
