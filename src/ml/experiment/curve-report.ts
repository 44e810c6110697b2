/**
 * The label-efficiency curve as JSON (what `npm run curve -- --json F` writes and the app can read) and as a
 * table for a terminal.
 */
import type { PresetName } from '../config/presets';
import type { Curve, CurveValidation } from './curve';
import { BALANCED_UP_TO, LABEL_POOL_START } from './label-pool';
import type { LeaderboardHead } from './leaderboard-types';
import { joinedRecording, requireSame } from './recorded-file';

/** True for a trunk whose network trains every layer itself (scratch, fine-tuned): no head reads it, so its curve is the same under either. */
export function trainsItsOwnHead(trunk: string): boolean {
  return trunk === 'scratch' || trunk.startsWith('finetune-');
}

/** The JSON `npm run curve` writes. Accuracies are fractions 0-1 on all `testCount` test images. */
export interface CurveReport {
  /** What read the digit off the frozen trunks (files recorded before there was a choice lack it: the lecture's head). */
  readonly head?: LeaderboardHead;
  readonly curves: readonly Curve[];
  readonly preset: PresetName;
  /** How many seeds each point averages. */
  readonly seeds: number;
  /** The seeds themselves, in the order of every point's `accuracies`. */
  readonly seedList: readonly number[];
  readonly labels: readonly number[];
  readonly validation: CurveValidation;
  readonly testCount: number;
  /** Training images the labelled digits come from: [start, start + size). */
  readonly labelPool: { readonly start: number; readonly size: number };
  /** Label counts up to this are drawn balanced per digit; larger ones are the pool's first N. */
  readonly balancedUpTo: number;
  readonly backend: string;
  readonly elapsedMs: number;
  /** When the curve was recorded (ISO 8601), so a shipped file says how old its numbers are. */
  readonly recordedAt: string;
  /** The command that recorded it, so anyone can record it again (several joined by " && " for a merged file). */
  readonly command: string;
  /** What the recording left out and why (e.g. a trunk's largest label counts), when anything. */
  readonly note?: string;
}

/**
 * Puts curves recorded by separate runs into one report, e.g. frozen trunks at every label count and the
 * costly scratch arm at fewer. Refused unless every part was measured the same way (preset, seeds, validation,
 * test set, label pool, backend), since the curves must be comparable point by point. A trunk recorded in
 * several parts (e.g. scratch's largest count on its own) is joined into one curve; the same point twice is
 * refused. The label counts are the union; a curve lacking a count simply has no point there.
 */
export function mergeCurveReports(parts: readonly CurveReport[], note?: string): CurveReport {
  if (parts.length === 0) throw new Error('nothing to merge');
  const [first] = parts;
  const settings = (r: CurveReport) => [r.preset, r.seedList, r.validation, r.testCount, r.labelPool, r.backend];
  for (const r of parts) requireSame('merge curves measured differently', 'their settings (preset, seeds, validation, test set, label pool, backend)', settings(first), settings(r));
  // Frozen trunks are read by a head, so parts with frozen trunks must share it; scratch and fine-tuned curves
  // train their own and join either.
  const headOf = (r: CurveReport) => r.head ?? 'lecture';
  const heads = [...new Set(parts.filter((r) => r.curves.some((c) => !trainsItsOwnHead(c.trunk))).map(headOf))];
  if (heads.length > 1) throw new Error(`cannot merge frozen trunks read by different heads (${heads.join(' and ')})`);
  const head = heads[0] ?? headOf(first);
  const curves: Curve[] = [];
  for (const c of parts.flatMap((r) => r.curves)) {
    const k = curves.findIndex((d) => d.trunk === c.trunk);
    if (k < 0) { curves.push(c); continue; }
    const seen = curves[k].points.find((p) => c.points.some((q) => q.labels === p.labels));
    if (seen) throw new Error(`the trunk "${c.trunk}" has a point at ${seen.labels} labels in more than one file`);
    curves[k] = { ...curves[k], points: [...curves[k].points, ...c.points].sort((a, b) => a.labels - b.labels) };
  }
  return {
    ...first,
    head,
    curves,
    labels: [...new Set(parts.flatMap((r) => r.labels))].sort((a, b) => a - b),
    ...joinedRecording(parts),
    command: parts.map((r) => r.command).join(' && '),
    ...(note ? { note } : {}),
  };
}

/** Builds the report. */
export function buildCurveReport(fields: Omit<CurveReport, 'labelPool' | 'balancedUpTo' | 'seeds'> & { readonly poolSize: number }): CurveReport {
  const { poolSize, ...rest } = fields;
  return { ...rest, seeds: rest.seedList.length, labelPool: { start: LABEL_POOL_START, size: poolSize }, balancedUpTo: BALANCED_UP_TO };
}

const pct = (v: number) => (v * 100).toFixed(2);

/** The report as a table: one row per label count, one column (mean ± std over seeds) per trunk. */
export function formatCurveReport(report: CurveReport): string {
  const width = 18;
  const header = ['labels'.padStart(8), ...report.curves.map((c) => c.trunk.padStart(width))].join('');
  const rows = report.labels.map((n) => {
    const cells = report.curves.map((c) => {
      const p = c.points.find((q) => q.labels === n);
      return (p ? `${pct(p.mean)}% ± ${pct(p.std)}` : 'not measured').padStart(width);
    });
    return [`${n}${n <= report.balancedUpTo ? '*' : ' '}`.padStart(8), ...cells].join('');
  });
  const failures = report.curves.flatMap((c) => c.points.flatMap((p) => (p.failedFits ?? []).flatMap((f, i) => (f ? [`${c.trunk} at ${p.labels} labels, seed ${report.seedList[i]}: the head failed to fit (${f})`] : []))));
  return [
    `instrument for frozen trunks: ${report.head === 'probe' ? 'linear probe (converged, L2 by cross-validation)' : "the lecture's head (SGD 0.001, early stopping)"}`,
    `label-efficiency curve: preset ${report.preset}, ${report.seeds} seed(s) (${report.seedList.join(', ')}), all ${report.testCount} test images, ` +
      `validation split ${report.validation === 'none' ? 'none (every label trains the head)' : "the lecture's (last fifth of the labels held out)"}, backend ${report.backend}`,
    header,
    ...rows,
    `* drawn balanced, N/10 of each digit; the others are training images ${report.labelPool.start}-${report.labelPool.start + report.labelPool.size - 1} in order`,
    'mean ± sample standard deviation over seeds, test accuracy in %',
    ...failures,
    ...(report.note ? [report.note] : []),
  ].join('\n');
}
