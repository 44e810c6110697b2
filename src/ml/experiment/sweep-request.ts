/**
 * A live label-efficiency sweep's request, checked, and its results folded into curves: the page-safe half
 * of sweep.ts (no tfjs), so the curve panel can refuse a bad setting before anything reaches the worker.
 */
import type { ExperimentConfig } from '../config/presets';
import { SettingError } from '../config/validate';
import { isTaskId, type TaskId } from '../tasks/registry';
import { meanStd } from './statistics';
import { parseRunId, settingsFor, type RunId } from './runs';
import { allowedLabelCounts, checkLabelCount } from './label-pool';

/** A trunk of a live sweep. `source` names a pretext run the engine holds (`rotation.pretext.s1`). */
export type SweepTrunk =
  | { readonly use: 'transfer'; readonly source: RunId }
  | { readonly use: 'finetune'; readonly source: RunId }
  | { readonly use: 'random' }
  | { readonly use: 'scratch' };

/** What to measure: every trunk at every label count and seed, on all the test images. */
export interface SweepRequest {
  readonly trunks: readonly SweepTrunk[];
  readonly labels: readonly number[];
  readonly seeds: readonly number[];
  /**
   * What reads the digit off a frozen trunk: the lab's linear probe or the lecture's head, as in the recorded
   * curve the sweep is drawn over. Networks trained through every layer (scratch, fine-tuned) have no such choice.
   */
  readonly head: SweepHead;
}

/** The instruments a sweep's frozen trunks can be read with. */
export type SweepHead = 'probe' | 'lecture';
const SWEEP_HEADS: readonly SweepHead[] = ['probe', 'lecture'];

/** One measured point: a trunk's head (or network) trained on `labels` digits drawn with `seed`. */
export interface SweepPoint {
  /** The trunk's key (sweepTrunkKey). */
  readonly trunk: string;
  readonly labels: number;
  readonly seed: number;
  /** Test accuracy, 0-1. */
  readonly accuracy: number;
}

/** The most seeds a live sweep takes: each one repeats every point. */
export const MAX_SWEEP_SEEDS = 5;
/** The most label counts a live sweep takes. */
export const MAX_SWEEP_LABELS = 10;

/** A trunk's stable key, for choices, legends and points: `rotation.pretext.s1`, `finetune:rotation.pretext.s1`, `random`, `scratch`. */
export function sweepTrunkKey(trunk: SweepTrunk): string {
  switch (trunk.use) {
    case 'transfer': return trunk.source;
    case 'finetune': return `finetune:${trunk.source}`;
    default: return trunk.use;
  }
}

/** The pretext task behind a source run id, or null when the id is not a pretext run. */
export function sourceTask(source: RunId): TaskId | null {
  const spec = parseRunId(source, isTaskId);
  return spec?.use === 'pretext' ? spec.task : null;
}

/** The trunks a page holding the given pretext runs can sweep, in display order. */
export function availableTrunks(pretextRuns: readonly RunId[]): SweepTrunk[] {
  const sources = pretextRuns.filter((r) => sourceTask(r) !== null);
  return [
    ...sources.map((source): SweepTrunk => ({ use: 'transfer', source })),
    ...sources.map((source): SweepTrunk => ({ use: 'finetune', source })),
    { use: 'random' },
    { use: 'scratch' },
  ];
}

/** Reads a trunk key back, refusing one the page cannot sweep, with the allowed keys. */
export function parseTrunkKey(key: string, pretextRuns: readonly RunId[]): SweepTrunk {
  const found = availableTrunks(pretextRuns).find((t) => sweepTrunkKey(t) === key);
  if (!found) throw new SettingError('trunks', `trunks must be among ${availableTrunks(pretextRuns).map(sweepTrunkKey).join(', ')}, got "${key}"`);
  return found;
}

/**
 * Parses a comma-separated list of whole numbers typed by a student ("10, 20, 50"). Refuses an empty list,
 * an empty item and anything that is not a whole number, naming the setting.
 */
export function parseWholeNumbers(setting: string, text: string): number[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.length === 1 && items[0] === '') throw new SettingError(setting, `${setting} must list at least one whole number, e.g. "10, 100"`);
  if (items.some((s) => s === '')) throw new SettingError(setting, `${setting} must be whole numbers separated by commas, without empty items, got "${text}"`);
  const bad = items.find((s) => !/^\d+$/.test(s));
  if (bad !== undefined) throw new SettingError(setting, `${setting} must be whole numbers separated by commas, got "${bad}"`);
  return items.map(Number);
}

/** Throws a SettingError naming the first bad part of a request and its allowed values. */
export function checkSweepRequest(request: SweepRequest, pretextRuns: readonly RunId[], poolSize: number): void {
  if (!SWEEP_HEADS.includes(request.head)) throw new SettingError('head', `head must be one of ${SWEEP_HEADS.join(', ')}, got "${String(request.head)}"`);
  if (request.trunks.length === 0) throw new SettingError('trunks', `choose at least one trunk among ${availableTrunks(pretextRuns).map(sweepTrunkKey).join(', ')}`);
  for (const t of request.trunks) parseTrunkKey(sweepTrunkKey(t), pretextRuns);
  const twice = <T>(xs: readonly T[]) => xs.find((x, i) => xs.indexOf(x) !== i);
  if (twice(request.trunks.map(sweepTrunkKey)) !== undefined) throw new SettingError('trunks', `trunks lists "${twice(request.trunks.map(sweepTrunkKey))}" twice`);
  if (request.labels.length === 0) throw new SettingError('label counts', `label counts must list at least one of ${allowedLabelCounts(poolSize)}`);
  if (request.labels.length > MAX_SWEEP_LABELS) throw new SettingError('label counts', `label counts may list at most ${MAX_SWEEP_LABELS} counts, got ${request.labels.length}`);
  for (const n of request.labels) checkLabelCount(n, poolSize, 'label counts');
  if (twice(request.labels) !== undefined) throw new SettingError('label counts', `label counts lists ${String(twice(request.labels))} twice`);
  if (request.seeds.length === 0 || request.seeds.length > MAX_SWEEP_SEEDS) {
    throw new SettingError('seeds', `seeds must list 1 to ${MAX_SWEEP_SEEDS} seeds, got ${request.seeds.length}`);
  }
  for (const s of request.seeds) {
    if (!Number.isInteger(s) || s < 0 || s > 2 ** 31 - 1) throw new SettingError('seeds', `seeds must be whole numbers from 0 to ${2 ** 31 - 1}, got ${s}`);
  }
  if (twice(request.seeds) !== undefined) throw new SettingError('seeds', `seeds lists ${String(twice(request.seeds))} twice`);
}

/**
 * Rough cost of each trunk's share of the work, in "images through the trunk in training", for progress and
 * the time estimate: a frozen head's epoch costs next to nothing once the features are cached (one pass
 * over the pool and the test set per trunk and seed), while scratch and fine-tuning pay for every layer.
 */
export function sweepCost(request: SweepRequest, config: ExperimentConfig, testCount: number): number[] {
  return request.trunks.map((t) => {
    const frozen = t.use === 'transfer' || t.use === 'random';
    const epochs = settingsFor(frozen ? 'transfer' : 'scratch', config).epochs;
    const perSeed = request.labels.reduce((sum, n) => sum + (frozen ? 0.01 : 1) * n * epochs + (frozen ? 0 : testCount / 3), 0);
    const extraction = frozen ? (testCount + request.labels.reduce((a, b) => a + b, 0)) / 3 : 0;
    // A frozen pretext trunk is the same for every seed: its features are computed once.
    const extractions = t.use === 'transfer' ? 1 : request.seeds.length;
    return perSeed * request.seeds.length + extraction * extractions;
  });
}

/** A swept trunk's curve so far: mean and standard deviation over the seeds measured at each label count. */
export interface SweepCurve {
  readonly trunk: string;
  readonly points: readonly { readonly labels: number; readonly mean: number; readonly std: number; readonly seeds: number }[];
}

/** Folds measured points into one curve per trunk, in the order trunks first appear, label counts ascending. */
export function sweepCurves(points: readonly SweepPoint[]): SweepCurve[] {
  const byTrunk = new Map<string, Map<number, number[]>>();
  for (const p of points) {
    const counts = byTrunk.get(p.trunk) ?? new Map<number, number[]>();
    counts.set(p.labels, [...(counts.get(p.labels) ?? []), p.accuracy]);
    byTrunk.set(p.trunk, counts);
  }
  return [...byTrunk].map(([trunk, counts]) => ({
    trunk,
    points: [...counts].sort((a, b) => a[0] - b[0]).map(([labels, accs]) => ({ labels, ...meanStd(accs), seeds: accs.length })),
  }));
}
