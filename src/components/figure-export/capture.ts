/**
 * Reads a figure off the page as it is drawn, into a {@link Picture}: SVG shapes with their computed colours
 * and transforms, SVG and HTML text where the browser laid it out, canvases as images, and the backgrounds and
 * borders of HTML boxes (a table's cells, a legend's swatches). It only reads geometry the browser already
 * computed, so the copy matches the screen without re-implementing CSS; it never loads an image or a URL, so it
 * works under the app's strict Content-Security-Policy (which refuses blob: and data: images).
 */
import { shapePath, type Shape } from './shape-path';
import { fillPaint, IDENTITY, rectPath, type DrawOp, type Font, type Matrix, type Paint, type Picture, type TextAnchor } from './picture';

/** Elements marked with this attribute (the export control itself) are left out of the picture. */
export const SKIP_ATTRIBUTE = 'data-export-skip';

const SVG_SHAPES = new Set(['path', 'line', 'rect', 'circle', 'ellipse', 'polygon', 'polyline']);
const SVG_SKIPPED = new Set(['defs', 'clipPath', 'mask', 'title', 'desc', 'style', 'linearGradient', 'radialGradient', 'pattern', 'symbol', 'marker', 'foreignObject']);

interface Walk {
  readonly ox: number;
  readonly oy: number;
  readonly ops: DrawOp[];
  readonly measure: CanvasRenderingContext2D | null;
}

const transparent = (c: string) => c === 'transparent' || c === '' || /rgba\([^)]*,\s*0\)$/.test(c);

// What the pointer happens to be over is not part of the figure: a chart's hover tooltip and highlighted dot.
const TRANSIENT = ['recharts-tooltip-wrapper', 'recharts-tooltip-cursor', 'recharts-active-dot'];

function skipped(el: Element): boolean {
  return el.hasAttribute(SKIP_ATTRIBUTE) || el.classList.contains('visually-hidden') || TRANSIENT.some((c) => el.classList.contains(c));
}

function fontOf(style: CSSStyleDeclaration): Font {
  return { family: style.fontFamily, size: Number.parseFloat(style.fontSize) || 16, weight: style.fontWeight, style: style.fontStyle };
}

/** The CSS font shorthand a canvas wants. */
export function canvasFont(font: Font): string {
  return `${font.style} ${font.weight} ${font.size}px ${font.family}`;
}

function paintOf(style: CSSStyleDeclaration, opacity: number): Paint {
  const colour = (v: string) => (v === 'none' || v.startsWith('url(') || transparent(v) ? null : v);
  const dash = style.strokeDasharray === 'none' ? [] : style.strokeDasharray.split(/[\s,]+/).map(Number.parseFloat).filter(Number.isFinite);
  return {
    fill: colour(style.fill),
    fillOpacity: Number.parseFloat(style.fillOpacity) || 0,
    fillRule: style.fillRule === 'evenodd' ? 'evenodd' : 'nonzero',
    stroke: colour(style.stroke),
    strokeOpacity: Number.parseFloat(style.strokeOpacity) || 0,
    strokeWidth: Number.parseFloat(style.strokeWidth) || 0,
    dash: dash.every((d) => d === 0) ? [] : dash,
    lineCap: style.strokeLinecap === 'round' || style.strokeLinecap === 'square' ? style.strokeLinecap : 'butt',
    lineJoin: style.strokeLinejoin === 'round' || style.strokeLinejoin === 'bevel' ? style.strokeLinejoin : 'miter',
    opacity,
  };
}

/** The element's transform to the figure's pixels: its screen transform, moved to the figure's corner. */
function matrixOf(el: SVGGraphicsElement, w: Walk): Matrix | null {
  const m = el.getScreenCTM();
  return m ? [m.a, m.b, m.c, m.d, m.e - w.ox, m.f - w.oy] : null;
}

function shapeOf(el: Element): Shape | string | null {
  const len = (a: SVGAnimatedLength) => a.baseVal.value;
  // Line breaks inside path data are legal but an XML reader turns them into spaces; written as spaces, the
  // downloaded path reads exactly as the drawn one.
  if (el instanceof SVGPathElement) return (el.getAttribute('d') ?? '').replace(/\s+/g, ' ').trim();
  if (el instanceof SVGLineElement) return { tag: 'line', x1: len(el.x1), y1: len(el.y1), x2: len(el.x2), y2: len(el.y2) };
  if (el instanceof SVGRectElement) return { tag: 'rect', x: len(el.x), y: len(el.y), width: len(el.width), height: len(el.height) };
  if (el instanceof SVGCircleElement) return { tag: 'circle', cx: len(el.cx), cy: len(el.cy), r: len(el.r) };
  if (el instanceof SVGEllipseElement) return { tag: 'ellipse', cx: len(el.cx), cy: len(el.cy), rx: len(el.rx), ry: len(el.ry) };
  if (el instanceof SVGPolygonElement) return { tag: 'polygon', points: el.getAttribute('points') ?? '' };
  if (el instanceof SVGPolylineElement) return { tag: 'polyline', points: el.getAttribute('points') ?? '' };
  return null;
}

/**
 * An SVG <text>: each run of characters (a text node, usually inside a <tspan>) at the position the browser gave
 * its first character, anchored as it was, so the labels keep their alignment in a tool that substitutes the font.
 */
function svgText(text: SVGTextElement, opacity: number, w: Walk): void {
  const matrix = matrixOf(text, w);
  if (!matrix) return;
  const total = text.getNumberOfChars();
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const content = node.textContent ?? '';
    const length = Math.min(content.length, total - offset);
    const parent = node.parentElement;
    if (length <= 0 || parent === null) break;
    const style = getComputedStyle(parent);
    if (content.trim() !== '' && style.display !== 'none' && style.visibility !== 'hidden' && style.fill !== 'none') {
      try {
        const start = text.getStartPositionOfChar(offset);
        const width = text.getSubStringLength(offset, length);
        const anchor: TextAnchor = style.textAnchor === 'middle' || style.textAnchor === 'end' ? style.textAnchor : 'start';
        const x = start.x + (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
        w.ops.push({ kind: 'text', text: content.slice(0, length), x, y: start.y, anchor, font: fontOf(style), fill: style.fill, opacity, matrix });
      } catch {
        // A run the browser did not lay out (hidden, or collapsed away) has no position: it is not drawn on screen either.
      }
    }
    offset += length;
  }
}

function walkSvg(el: Element, inherited: number, w: Walk): void {
  if (SVG_SKIPPED.has(el.tagName) || skipped(el)) return;
  const style = getComputedStyle(el);
  if (style.display === 'none') return;
  const opacity = inherited * (Number.parseFloat(style.opacity) || 0);
  if (opacity === 0) return;
  if (el instanceof SVGTextElement) {
    svgText(el, opacity, w);
    return;
  }
  if (SVG_SHAPES.has(el.tagName) && el instanceof SVGGraphicsElement && style.visibility !== 'hidden') {
    const shape = shapeOf(el);
    const d = typeof shape === 'string' ? shape : shape === null ? '' : shapePath(shape);
    const matrix = matrixOf(el, w);
    const paint = paintOf(style, opacity);
    if (d && matrix && (paint.fill !== null || (paint.stroke !== null && paint.strokeWidth > 0))) w.ops.push({ kind: 'path', d, matrix, paint });
    return;
  }
  for (const child of Array.from(el.children)) walkSvg(child, opacity, w);
}

/** The height above the baseline and below it of a font, as the browser lays out a line of it. */
function fontExtent(font: Font, w: Walk): { ascent: number; descent: number } {
  if (!w.measure) return { ascent: font.size * 0.8, descent: font.size * 0.2 };
  w.measure.font = canvasFont(font);
  const m = w.measure.measureText('Hg');
  return { ascent: m.fontBoundingBoxAscent, descent: m.fontBoundingBoxDescent };
}

/**
 * An HTML text node, line by line: each word's box from a Range, words whose boxes share a top joined into one
 * line drawn where its first word starts. Wrapping, centring and padding are then whatever the page did.
 */
function htmlText(node: Text, opacity: number, w: Walk): void {
  const parent = node.parentElement;
  const content = node.data;
  if (parent === null || content.trim() === '') return;
  const style = getComputedStyle(parent);
  if (style.visibility === 'hidden' || transparent(style.color)) return;
  const font = fontOf(style);
  const { ascent, descent } = fontExtent(font, w);
  const range = document.createRange();
  const lines: { top: number; left: number; height: number; words: string[] }[] = [];
  for (const match of content.matchAll(/\S+/g)) {
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const box = range.getClientRects()[0];
    if (!box || box.width === 0) continue;
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.top - box.top) < 1) line.words.push(match[0]);
    else lines.push({ top: box.top, left: box.left, height: box.height, words: [match[0]] });
  }
  for (const line of lines) {
    const baseline = line.top + (line.height - (ascent + descent)) / 2 + ascent;
    w.ops.push({
      kind: 'text', text: line.words.join(' '), x: line.left - w.ox, y: baseline - w.oy, anchor: 'start',
      font, fill: style.color, opacity, matrix: IDENTITY,
    });
  }
}

/** An HTML box's background and its four borders, as filled rectangles. */
function htmlBox(el: Element, style: CSSStyleDeclaration, opacity: number, w: Walk): void {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return;
  const x = r.left - w.ox;
  const y = r.top - w.oy;
  if (!transparent(style.backgroundColor)) w.ops.push({ kind: 'path', d: rectPath(x, y, r.width, r.height), matrix: IDENTITY, paint: fillPaint(style.backgroundColor, opacity) });
  const sides = [
    ['Top', x, y, r.width, 0], ['Bottom', x, y + r.height, r.width, 0], ['Left', x, y, 0, r.height], ['Right', x + r.width, y, 0, r.height],
  ] as const;
  for (const [side, sx, sy, sw, sh] of sides) {
    const width = Number.parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) || 0;
    const colour = style.getPropertyValue(`border-${side.toLowerCase()}-color`);
    const kind = style.getPropertyValue(`border-${side.toLowerCase()}-style`);
    if (width === 0 || kind === 'none' || kind === 'hidden' || transparent(colour)) continue;
    // The border lies inside the box: bottom and right ones end at its edge.
    const bx = side === 'Right' ? sx - width : sx;
    const by = side === 'Bottom' ? sy - width : sy;
    w.ops.push({ kind: 'path', d: rectPath(bx, by, sw || width, sh || width), matrix: IDENTITY, paint: fillPaint(colour, opacity) });
  }
}

function walkHtml(el: Element, inherited: number, w: Walk): void {
  if (skipped(el)) return;
  const style = getComputedStyle(el);
  if (style.display === 'none') return;
  const opacity = inherited * (Number.parseFloat(style.opacity) || 0);
  if (opacity === 0) return;
  if (el instanceof SVGSVGElement) {
    walkSvg(el, inherited, w);
    return;
  }
  if (el instanceof HTMLCanvasElement) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) {
      w.ops.push({
        kind: 'image', x: r.left - w.ox, y: r.top - w.oy, width: r.width, height: r.height,
        href: el.toDataURL('image/png'), source: el, pixelated: style.imageRendering === 'pixelated' || el.width < r.width / 2,
      });
    }
    return;
  }
  if (style.visibility !== 'hidden') htmlBox(el, style, opacity, w);
  for (const child of Array.from(el.childNodes)) {
    if (child instanceof Text) htmlText(child, opacity, w);
    else if (child instanceof Element) walkHtml(child, opacity, w);
  }
}

/** The first background colour behind an element that is not transparent: what the figure was drawn on. */
function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e !== null; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (!transparent(bg)) return bg;
  }
  return '#ffffff';
}

/**
 * The figure in `root` as drawn now, in CSS pixels from its top-left corner. A wide table that scrolls sideways
 * on a narrow screen is taken whole, its hidden columns included: the download is for a slide, not for this screen.
 */
export function capturePicture(root: HTMLElement, title: string): Picture {
  const box = root.getBoundingClientRect();
  const hiddenX = Math.max(0, root.scrollWidth - root.clientWidth);
  const ops: DrawOp[] = [];
  const measure = document.createElement('canvas').getContext('2d');
  const w: Walk = { ox: box.left - root.scrollLeft, oy: box.top, ops, measure };
  const background = backgroundOf(root);
  walkHtml(root, 1, w);
  return { width: box.width + hiddenX, height: box.height, background, title, ops };
}
