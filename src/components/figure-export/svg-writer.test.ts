import { describe, expect, it } from 'vitest';
import { fillPaint, IDENTITY, type Picture } from './picture';
import { pictureToSvg, xmlEscape } from './svg-writer';

const picture: Picture = {
  width: 200.5,
  height: 100,
  background: 'rgb(247, 247, 245)',
  title: 'Loss & accuracy <live>',
  ops: [
    {
      kind: 'path', d: 'M0 0L10 10', matrix: [2, 0, 0, 2, 5, 6],
      paint: { ...fillPaint('rgb(0, 0, 0)'), fill: null, stroke: 'rgb(31, 95, 191)', strokeWidth: 2.5, dash: [7, 5] },
    },
    { kind: 'path', d: 'M1 1h3v3h-3Z', matrix: IDENTITY, paint: fillPaint('red', 0.5) },
    {
      kind: 'text', text: '"90°" & more', x: 10, y: 20, anchor: 'end', matrix: IDENTITY, fill: 'rgb(74, 74, 85)', opacity: 1,
      font: { family: '"Segoe UI", sans-serif', size: 14, weight: '700', style: 'normal' },
    },
    { kind: 'image', x: 0, y: 0, width: 56, height: 56, href: 'data:image/png;base64,AAAA', pixelated: true },
  ],
};

describe('xmlEscape', () => {
  it('escapes the five XML characters', () => {
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('pictureToSvg', () => {
  const svg = pictureToSvg(picture);
  it('is a standalone SVG of the picture size on its background, titled', () => {
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('width="200.5" height="100" viewBox="0 0 200.5 100"');
    expect(svg).toContain('<title>Loss &amp; accuracy &lt;live&gt;</title>');
    expect(svg).toContain('<rect width="200.5" height="100" fill="rgb(247, 247, 245)"/>');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });
  it('keeps path data as drawn, with its transform, stroke and dashes written on the element', () => {
    expect(svg).toContain('<path d="M0 0L10 10" transform="matrix(2 0 0 2 5 6)" fill="none" stroke="rgb(31, 95, 191)" stroke-width="2.5" stroke-dasharray="7 5"/>');
    expect(svg).toContain('<path d="M1 1h3v3h-3Z" fill="red" opacity="0.5"/>');
  });
  it('writes text with its font and anchor, escaped', () => {
    expect(svg).toContain('<text x="10" y="20" text-anchor="end" font-family="&quot;Segoe UI&quot;, sans-serif" font-size="14" font-weight="700" fill="rgb(74, 74, 85)" xml:space="preserve">&quot;90°&quot; &amp; more</text>');
  });
  it('embeds canvases as images with hard pixel edges', () => {
    expect(svg).toContain('<image x="0" y="0" width="56" height="56" xlink:href="data:image/png;base64,AAAA" preserveAspectRatio="none" style="image-rendering:pixelated"/>');
  });
});
