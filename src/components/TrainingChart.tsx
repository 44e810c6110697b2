/**
 * Training curves, live: one run (training solid, validation dashed) or several runs overlaid for a
 * comparison, each run in its own colour and the same dash convention, so "dashed = validation" holds on
 * every chart in the app and colour only has to tell the runs apart.
 */
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { ChartMarker, ChartMetric, ChartPoint, ChartRun } from './chartPoints';
import { describeRuns, epochTicks, formatMetric, logDomain, toSeries } from './chartPoints';
import { ChartLegend } from './ChartLegend';
import { formatPercent, formatThousands } from './format';
import { INK, RUN_COLORS } from './palette';
import { EXPORT_HOST, FigureExport, type FileNamePart } from './figure-export';
import { trainingChartCsv } from './chart-csv';
import './components.css';

export type { ChartMarker, ChartMetric, ChartPoint, ChartRun } from './chartPoints';

/** A horizontal line across a chart, with its label: a level to read the lines against. */
export interface ChartReference {
  readonly y: number;
  readonly label: string;
}

interface CommonProps {
  /** Shown above the chart. */
  readonly title: string;
  readonly metric: ChartMetric;
  /** Vertical lines with labels, e.g. `{ x: 17, label: 'early stop' }`. */
  readonly markers?: readonly ChartMarker[];
  /** Loss only: a log y axis, for raw-pixel runs whose loss starts in the thousands and ends below 1. */
  readonly logScale?: boolean;
  /** Fix the x axis to this many epochs (e.g. the run's planned 50) so it does not rescale as points arrive. */
  readonly xMax?: number;
  /** Chart height in CSS pixels; defaults to 240. The width follows the container. */
  readonly height?: number;
  /** A horizontal line with a label, e.g. `{ y: 0.1, label: 'chance 10%' }`. */
  readonly reference?: ChartReference;
  /** The sentence a screen reader hears, where the default ("accuracy after 3 epochs: ...") says too little. */
  readonly description?: string;
  /** What and which for downloaded files (`['loss', 'rotation', 'seed1']`); defaults to the title. */
  readonly file?: readonly FileNamePart[];
  /** The chart in "Download …" ("the pretext model loss chart"); defaults to the title. */
  readonly exportName?: string;
  /** What an accuracy chart scores, for the CSV header ("pixels within 10%"); defaults to accuracy. */
  readonly scoreName?: string;
}

/** One run: pass `points` (and optionally its colour). */
interface SingleRunProps extends CommonProps {
  readonly points: readonly ChartPoint[];
  readonly color?: string;
  readonly runs?: undefined;
}

/** A comparison: pass `runs`, each with a name and a colour (see RUN_COLORS). */
interface ManyRunsProps extends CommonProps {
  readonly runs: readonly ChartRun[];
  readonly points?: undefined;
  readonly color?: undefined;
}

/** Props of {@link TrainingChart}: common settings plus either one run's `points` or several `runs`. */
export type TrainingChartProps = SingleRunProps | ManyRunsProps;

const VAL_DASH = '7 5';
// Dots mark individual epochs while there are few; beyond this many they merge into a beaded smear that hides
// the line. A series of one point always gets its dot, since a line alone would not draw it at all.
const MAX_DOTS = 15;

function logTick(v: number): string {
  if (v >= 1000 && v <= 1e6) return formatThousands(v);
  return v >= 0.001 && v < 1000 ? String(Number(v.toPrecision(1))) : v.toExponential(0);
}

/**
 * The font size, in CSS pixels, of the element: recharts needs text sizes as numbers to lay out its axes, so
 * the chart reads the size the stylesheet gives it (0.85rem, which follows --scale) instead of hard-coding
 * one. Re-read when the figure resizes, which is what happens when large-type mode changes --scale.
 */
function useFontSize(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [size, setSize] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const read = () => setSize(Number.parseFloat(getComputedStyle(el).fontSize) || fallback);
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el.parentElement ?? el);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return size;
}

/** Linear loss ticks: "1,200" rather than formatLoss's "1.20e+3", which is too wide for an axis. */
function linearLossTick(v: number): string {
  return Math.abs(v) >= 1000 ? formatThousands(v) : formatMetric(v, 'loss');
}

function TrainingChartView(props: TrainingChartProps) {
  const { title, metric, markers = [], logScale = false, xMax, height = 240, reference, description, file, exportName, scoreName } = props;
  const useLog = logScale && metric === 'loss';
  const runs = useMemo<readonly ChartRun[]>(
    () => props.runs ?? [{ name: '', color: props.color ?? RUN_COLORS.transfer, points: props.points }],
    [props.runs, props.color, props.points],
  );
  const series = useMemo(() => toSeries(runs, useLog), [runs, useLog]);
  const summary = useMemo(() => description ?? describeRuns(runs, metric), [description, runs, metric]);
  const yAxis = useMemo(() => {
    if (metric === 'accuracy') {
      return { domain: [0, 1] as [number, number], ticks: [0, 0.25, 0.5, 0.75, 1], format: (v: number) => formatPercent(v) };
    }
    if (useLog) {
      const { domain, ticks } = logDomain(series.flatMap((s) => s.data.map((d) => d.y)));
      return { domain, ticks, format: logTick };
    }
    return { domain: [0, 'auto'] as [number, 'auto'], ticks: undefined, format: linearLossTick };
  }, [metric, useLog, series]);
  const xAxis = useMemo(() => {
    if (xMax !== undefined) return { domain: [0, xMax] as [number, number], ticks: epochTicks(xMax).filter((t) => t <= xMax) };
    const ticks = epochTicks(Math.max(0, ...series.flatMap((s) => s.data.map((d) => d.x))));
    return { domain: [0, ticks[ticks.length - 1]] as [number, number], ticks };
  }, [xMax, series]);
  const plotRef = useRef<HTMLDivElement>(null);
  const fontSize = useFontSize(plotRef, 16);
  const tick = { fill: INK.muted, fontSize };

  return (
    <figure className={`training-chart ${EXPORT_HOST}`}>
      <figcaption className="component-title">{title}</figcaption>
      <div ref={plotRef} role="img" aria-label={summary} className="training-chart-plot">
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
          <LineChart margin={{ top: 12, right: 20, bottom: 8, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid stroke={INK.grid} strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="x"
              domain={xAxis.domain}
              ticks={xAxis.ticks}
              interval={0}
              tick={tick}
              stroke={INK.muted}
              height={Math.round(fontSize * 2.8)}
              label={{ value: 'epoch', position: 'insideBottom', fill: INK.muted, fontSize }}
            />
            <YAxis
              type="number"
              dataKey="y"
              scale={useLog ? 'log' : 'linear'}
              domain={yAxis.domain}
              ticks={yAxis.ticks}
              allowDataOverflow={useLog}
              tickFormatter={yAxis.format}
              interval={0}
              tick={tick}
              stroke={INK.muted}
              width="auto"
            />
            {series.map((s) => (
              <Line
                key={s.id}
                data={s.data}
                dataKey="y"
                name={s.label}
                type="linear"
                stroke={s.color}
                strokeWidth={2.5}
                strokeDasharray={s.dashed ? VAL_DASH : undefined}
                dot={s.data.length <= MAX_DOTS || s.data.length === 1 ? { r: 3, fill: s.color, strokeWidth: 0 } : false}
                activeDot={false}
                isAnimationActive={false}
              />
            ))}
            {reference && (
              <ReferenceLine
                y={reference.y}
                stroke={INK.faint}
                strokeWidth={1.5}
                strokeDasharray="4 4"
                label={{ value: reference.label, position: 'insideBottomRight', fill: INK.muted, fontSize }}
              />
            )}
            {markers.map((m) => (
              <ReferenceLine
                key={`${m.x}-${m.label}`}
                x={m.x}
                stroke={INK.text}
                strokeWidth={1.5}
                strokeDasharray="2 4"
                ifOverflow="extendDomain"
                label={{ value: m.label, position: 'insideTopLeft', fill: INK.text, fontSize }}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
        {series.length === 0 && <p className="training-chart-empty">No data yet</p>}
      </div>
      <ChartLegend runs={runs} series={series} metric={metric} />
      <FigureExport name={exportName ?? `the chart “${title}”`} file={file ?? [title]} data={() => trainingChartCsv(runs, metric, scoreName)} />
    </figure>
  );
}

function sameRuns(a: readonly ChartRun[] | undefined, b: readonly ChartRun[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((r, i) => r.name === b[i].name && r.color === b[i].color && r.points === b[i].points);
}

function sameMarkers(a: readonly ChartMarker[] | undefined, b: readonly ChartMarker[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((m, i) => m.x === b[i].x && m.label === b[i].label);
}

/**
 * Parents rebuild `runs` and `markers` arrays on every render (`runs={[{ name, color, points }]}`), so a plain
 * shallow compare would redraw the chart for nothing on each batch of an unrelated run. The point arrays are
 * compared by identity: a store that appends points must produce a new array, which it does when immutable.
 */
function propsEqual(a: TrainingChartProps, b: TrainingChartProps): boolean {
  return (
    a.title === b.title && a.metric === b.metric && a.logScale === b.logScale && a.xMax === b.xMax &&
    a.height === b.height && a.color === b.color && a.points === b.points && a.description === b.description &&
    a.reference?.y === b.reference?.y && a.reference?.label === b.reference?.label &&
    a.exportName === b.exportName && a.scoreName === b.scoreName && (a.file ?? []).join('/') === (b.file ?? []).join('/') &&
    sameRuns(a.runs, b.runs) && sameMarkers(a.markers, b.markers)
  );
}

/**
 * A line chart of loss or accuracy against epochs (fractional during an epoch). Accuracy is drawn on a fixed
 * 0-100% axis so charts compare at a glance; loss on an automatic axis, optionally logarithmic. Never animates
 * (live points would make every line wobble), and skips re-rendering when its data has not changed.
 */
export const TrainingChart = memo(TrainingChartView, propsEqual);
