/**
 * One 2-D layout of test digits, coloured (and shaped) by digit, with a legend. Hovering or tapping a point
 * shows its image; the chart also takes keyboard focus, and the arrow keys step from point to point, so a
 * student without a pointer can visit the same digits.
 */
import { memo, useMemo, useState, type KeyboardEvent } from 'react';
import { CartesianGrid, Legend, ReferenceDot, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Mnist } from '../../ml/data/mnist';
import { IMAGE_PIXELS } from '../../ml/data/mnist';
import { DigitImage } from '../../components/DigitImage';
import { INK } from '../../components/palette';
import { EXPORT_HOST, FigureExport } from '../../components/figure-export';

/** Ten colours (Okabe-Ito's eight, a brown and a grey) and seven shapes, so neighbouring digits differ in both. */
export const DIGIT_COLORS: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8B5A2B', '#1b1b1f', '#B8A100', '#888888'];
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye'] as const;

/** One plotted digit. */
interface Point {
  readonly x: number;
  readonly y: number;
  /** Position in the test set (the first `count` images). */
  readonly index: number;
  readonly digit: number;
}

/** Props of {@link EmbeddingScatter}. */
export interface EmbeddingScatterProps {
  readonly title: string;
  /** count x 2 coordinates. */
  readonly points: Float32Array;
  readonly labels: Uint8Array;
  readonly mnist: Mnist;
  readonly axisNames: readonly [string, string];
}

function imageOf(mnist: Mnist, index: number): Uint8Array {
  return mnist.test.images.subarray(index * IMAGE_PIXELS, (index + 1) * IMAGE_PIXELS);
}

/** The scatter, memoised: thousands of points redraw only when the layout changes. */
export const EmbeddingScatter = memo(function EmbeddingScatter({ title, points, labels, mnist, axisNames }: EmbeddingScatterProps) {
  const [selected, setSelected] = useState<number | null>(null);
  const byDigit = useMemo(() => {
    const groups: Point[][] = Array.from({ length: 10 }, () => []);
    for (let i = 0; i < labels.length; i++) groups[labels[i]].push({ x: points[i * 2], y: points[i * 2 + 1], index: i, digit: labels[i] });
    return groups;
  }, [points, labels]);
  const count = labels.length;
  const onKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 || count === 0) return;
    event.preventDefault();
    setSelected((s) => (s === null ? 0 : (s + step + count) % count));
  };
  const chosen = selected !== null && selected < count ? { index: selected, digit: labels[selected], x: points[selected * 2], y: points[selected * 2 + 1] } : null;

  return (
    <figure className={`chart embedding ${EXPORT_HOST}`}>
      <figcaption>{title}</figcaption>
      <div tabIndex={0} role="group" className="embedding-focus" onKeyDown={onKey}
        aria-label={`${title}: ${count} test digits. Use the arrow keys to step through them one by one.`}>
        <ResponsiveContainer width="100%" height={320}>
          <ScatterChart margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid stroke={INK.grid} />
            <XAxis type="number" dataKey="x" name={axisNames[0]} tick={false} label={{ value: axisNames[0], position: 'insideBottom', fill: INK.muted }} domain={['auto', 'auto']} />
            <YAxis type="number" dataKey="y" name={axisNames[1]} tick={false} width={24} label={{ value: axisNames[1], angle: -90, position: 'insideLeft', fill: INK.muted }} domain={['auto', 'auto']} />
            <Tooltip cursor={false} isAnimationActive={false} content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
              return p ? <div className="embedding-tip"><DigitImage pixels={imageOf(mnist, p.index)} size={56} label={`Test image ${p.index}, a ${p.digit}`} caption={`a ${p.digit} (#${p.index})`} /></div> : null;
            }} />
            {byDigit.map((group, d) => (
              <Scatter key={d} name={String(d)} data={group} fill={DIGIT_COLORS[d]} shape={SHAPES[d % SHAPES.length]} isAnimationActive={false}
                onClick={(item) => { const p = (item as { payload?: Point }).payload; if (p) setSelected(p.index); }} />
            ))}
            {/* A ring wider than any marker, so the chosen digit stands out whatever its colour. */}
            {chosen && <ReferenceDot x={chosen.x} y={chosen.y} r={10} fill="none" stroke={INK.text} strokeWidth={2.5} ifOverflow="extendDomain" />}
            {/* Legend text in ink, not in each digit's colour: orange or sky-blue letters on white are too faint to read. */}
            <Legend verticalAlign="bottom" formatter={(value) => <span style={{ color: INK.text }}>{value}</span>} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <div className="embedding-chosen" aria-live="polite">
        {chosen
          ? <DigitImage pixels={imageOf(mnist, chosen.index)} size={56} label={`Chosen: test image ${chosen.index}, a ${chosen.digit}`} caption={`chosen: a ${chosen.digit} (#${chosen.index})`} />
          : <span className="hint">Tap a point, or focus the chart and press an arrow key, to see its digit.</span>}
      </div>
      <FigureExport name={`the embedding “${title}”`} file={['embedding', title]}
        data={() => ({
          header: ['test image (index)', 'digit', `${axisNames[0]} (no unit)`, `${axisNames[1]} (no unit)`],
          rows: Array.from({ length: count }, (_, i) => [i, labels[i], points[i * 2], points[i * 2 + 1]]),
        })} />
    </figure>
  );
});
