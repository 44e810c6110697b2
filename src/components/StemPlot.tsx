/**
 * A true stem plot (matplotlib's plt.stem) of a classifier's output: one vertical stem per class from 0 to its
 * probability, a round marker on top. The lecture shows predictions this way, and a stem plot reads better than
 * bars for a probability vector: the eye goes to the heights of the dots, not to areas of ink.
 */
import { DIGIT_CLASSES, argmax, className, describePrediction } from './prediction';
import { formatPercent } from './format';
import { INK, RUN_COLORS } from './palette';
import { EXPORT_HOST, FigureExport, type FileNamePart } from './figure-export';
import './components.css';

/** Props of {@link StemPlot}. */
export interface StemPlotProps {
  /** One probability per class, each in [0, 1] (a softmax output). */
  readonly probabilities: ArrayLike<number>;
  /** Class names for the x axis; defaults to the digits '0'..'9'. Use ROTATION_CLASSES for the pretext task. */
  readonly classNames?: readonly string[];
  /** Shown above the plot, and the start of the spoken summary. */
  readonly title: string;
  /** Index of the correct class, when known: marked with a triangle under its name. */
  readonly trueLabel?: number;
  /** Colour of the predicted class; defaults to the self-supervised blue. */
  readonly color?: string;
  /** What and which for downloaded files (`['stem', 'rotation', 'self-supervised']`); defaults to the title. */
  readonly file?: readonly FileNamePart[];
}

// The drawing is laid out in a fixed coordinate system and scaled to its container by the viewBox, so the
// proportions (and the text size relative to the plot) are the same on a phone and on a projector.
const VIEW_W = 440;
const VIEW_H = 272;
const LEFT = 58;
const RIGHT = VIEW_W - 14;
// Room above p = 1 for the predicted class's percentage label.
const TOP = 36;
const BOTTOM = VIEW_H - 72;
const Y_TICKS = [0, 0.5, 1] as const;

function yOf(p: number): number {
  return BOTTOM - p * (BOTTOM - TOP);
}

/** Probabilities outside [0, 1] or NaN (a broken model) are drawn at the nearest legal height, not off-canvas. */
function clamp01(p: number): number {
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}

/** A small upward triangle centred on (x, y): the "true label" mark, a shape so it does not rely on colour. */
function trianglePoints(x: number, y: number, size: number): string {
  const h = size * 0.87;
  return `${x},${y - h / 2} ${x - size / 2},${y + h / 2} ${x + size / 2},${y + h / 2}`;
}

/**
 * A classifier's probabilities as a stem plot, with the predicted (argmax) class highlighted in colour and in
 * bold, and the true class, if given, marked with a triangle. Accessible as one sentence ("predicts 7 with 93%
 * confidence") plus a hidden table of every value.
 */
export function StemPlot({ probabilities, classNames = DIGIT_CLASSES, title, trueLabel, color = RUN_COLORS.transfer, file }: StemPlotProps) {
  const n = probabilities.length;
  const predicted = argmax(probabilities);
  const slot = (RIGHT - LEFT) / Math.max(1, n);
  const xOf = (i: number) => LEFT + (i + 0.5) * slot;
  const summary = `${title}: ${describePrediction(probabilities, classNames, trueLabel)}`;
  const values = Array.from({ length: n }, (_, i) => probabilities[i]);
  const hasTrue = trueLabel !== undefined && trueLabel >= 0 && trueLabel < n;

  return (
    <figure className={`stem-plot ${EXPORT_HOST}`}>
      <figcaption className="component-title">{title}</figcaption>
      <svg viewBox={`0 0 ${VIEW_W} ${VIEW_H}`} role="img" aria-label={summary} className="stem-plot-svg">
        {/* Gridlines at 0.5 and 1 help the eye judge heights without cluttering the stems. */}
        {Y_TICKS.map((t) => (
          <g key={t}>
            {t > 0 && <line x1={LEFT} x2={RIGHT} y1={yOf(t)} y2={yOf(t)} stroke={INK.grid} strokeDasharray="4 4" />}
            <text x={LEFT - 10} y={yOf(t)} textAnchor="end" dominantBaseline="middle" className="stem-plot-tick">
              {t}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={BOTTOM} stroke={INK.muted} strokeWidth={1.5} />
        {values.map((raw, i) => {
          const p = clamp01(raw);
          const isPredicted = i === predicted;
          const stroke = isPredicted ? color : INK.faint;
          return (
            <g key={i}>
              <line x1={xOf(i)} x2={xOf(i)} y1={BOTTOM} y2={yOf(p)} stroke={stroke} strokeWidth={isPredicted ? 4 : 2.5} />
              <circle cx={xOf(i)} cy={yOf(p)} r={isPredicted ? 8 : 6} fill={stroke} />
              {isPredicted && (
                <text x={xOf(i)} y={yOf(p) - 16} textAnchor="middle" className="stem-plot-value" fill={color}>
                  {formatPercent(raw)}
                </text>
              )}
              <text
                x={xOf(i)}
                y={BOTTOM + 28}
                textAnchor="middle"
                className={isPredicted ? 'stem-plot-class stem-plot-class--predicted' : 'stem-plot-class'}
                fill={isPredicted ? color : INK.text}
              >
                {className(classNames, i)}
              </text>
            </g>
          );
        })}
        {/* The baseline at 0 is drawn over the stems' feet, as matplotlib's stem baseline is. */}
        <line x1={LEFT} x2={RIGHT} y1={BOTTOM} y2={BOTTOM} stroke={INK.muted} strokeWidth={1.5} />
        {hasTrue && <polygon points={trianglePoints(xOf(trueLabel), BOTTOM + 52, 16)} fill={INK.text} />}
      </svg>
      {/* The legend's text stays in the ink colour: the series colours are for marks, and several of them (the
          supervised green, 3.4:1 on white) are too light for text. The swatch carries the colour. */}
      <p className="stem-plot-legend" aria-hidden="true">
        {predicted >= 0 && (
          <span>
            <svg viewBox="0 0 16 16" className="legend-swatch"><circle cx="8" cy="8" r="6" fill={color} /></svg>
            predicted: <strong>{className(classNames, predicted)}</strong>
          </span>
        )}
        {hasTrue && (
          <span>
            <svg viewBox="0 0 16 16" className="legend-swatch"><polygon points={trianglePoints(8, 8, 14)} fill={INK.text} /></svg>
            true label: <strong>{className(classNames, trueLabel)}</strong>
          </span>
        )}
      </p>
      <table className="visually-hidden">
        <caption>{title}: probability of each class</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Probability</th>
          </tr>
        </thead>
        <tbody>
          {values.map((p, i) => (
            <tr key={i}>
              <th scope="row">{className(classNames, i)}</th>
              <td>{formatPercent(p, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <FigureExport
        name={`the stem plot “${title}”`}
        file={file ?? ['stem plot', title]}
        data={() => ({
          header: ['class', 'probability (%)', 'predicted', 'true label'],
          rows: values.map((p, i) => [className(classNames, i), p * 100, i === predicted ? 'yes' : '', hasTrue && i === trueLabel ? 'yes' : '']),
        })}
      />
    </figure>
  );
}
