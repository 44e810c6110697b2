/**
 * Command-line options of `npm run curve`, checked before any work starts: a malformed list, an unknown
 * trunk or a label count the pool cannot give is refused with the allowed values.
 */
import { PRESET_NAMES, type PresetName } from '../src/ml/config/presets';
import { SettingError, checkChoice, checkInteger } from '../src/ml/config/validate';
import { CURVE_TRUNKS, isCurveTrunk, type CurveTrunk, type CurveValidation } from '../src/ml/experiment/curve';
import { allowedLabelCounts, checkLabelCount } from '../src/ml/experiment/label-pool';
import type { NodeBackend } from './reproduce-args';
import { parseFlags } from './cli-flags';
import { LEADERBOARD_HEADS, type LeaderboardHead } from '../src/ml/experiment/leaderboard-types';
import { cacheDir } from './leaderboard-args';

/** Parsed options. */
export interface CurveArgs {
  readonly trunks: readonly CurveTrunk[];
  readonly labels: readonly number[];
  readonly preset: PresetName;
  readonly seeds: number;
  readonly firstSeed: number;
  readonly validation: CurveValidation;
  readonly json: string | null;
  readonly backend: NodeBackend;
  readonly head: LeaderboardHead;
  /** Folder that keeps trained trunks, or null for none. */
  readonly cache: string | null;
}

/** The label counts the issue asks for. */
export const DEFAULT_LABELS: readonly number[] = [10, 20, 50, 100, 300, 1000, 3000, 9000];

/** Usage text, with the allowed label counts for a pool of `poolSize` digits. */
export function curveUsage(poolSize: number): string {
  return `usage: npm run curve -- [--trunks ${CURVE_TRUNKS.join(',')}] [--labels N,N,...] [--seeds N] [--first-seed S]
                          [--preset lecture|quick|smoke] [--validation none|lecture] [--backend wasm|cpu] [--json FILE]
                          [--head probe|lecture] [--cache DIR|none]
  trunks: any of ${CURVE_TRUNKS.join(', ')} (default rotation,random,scratch)
  labels: ${allowedLabelCounts(poolSize)} (default ${DEFAULT_LABELS.join(',')})`;
}

/** Splits a comma-separated list; refuses empty items ("1,,2", "1,", ""). */
function list(flag: string, value: string, usage: string): string[] {
  const items = value.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new SettingError(flag, `${flag} must be a comma-separated list without empty items, got "${value}"\n${usage}`);
  return items;
}

/** Parses argv (without node and script); throws a SettingError naming a bad option. `poolSize` bounds --labels. */
export function parseCurveArgs(argv: readonly string[], poolSize: number): CurveArgs {
  const usage = curveUsage(poolSize);
  const values = parseFlags(argv, ['trunks', 'labels', 'preset', 'seeds', 'first-seed', 'validation', 'json', 'backend', 'head', 'cache'], usage);
  const trunks = list('--trunks', values.get('trunks') ?? 'rotation,random,scratch', usage).map((t) => {
    if (!isCurveTrunk(t)) throw new SettingError('--trunks', `--trunks must be among ${CURVE_TRUNKS.join(', ')}, got "${t}"`);
    return t;
  });
  const labels = values.has('labels')
    ? list('--labels', values.get('labels') as string, usage).map((s) => {
      if (!/^\d+$/.test(s)) throw new SettingError('--labels', `--labels must be whole numbers, ${allowedLabelCounts(poolSize)}, got "${s}"`);
      return checkLabelCount(Number(s), poolSize, '--labels');
    })
    : [...DEFAULT_LABELS];
  const dup = <T>(flag: string, xs: readonly T[]) => {
    const seen = xs.find((x, i) => xs.indexOf(x) !== i);
    if (seen !== undefined) throw new SettingError(flag, `${flag} lists ${String(seen)} twice`);
  };
  dup('--trunks', trunks);
  dup('--labels', labels);
  const int = (key: string, fallback: number, min: number, max: number) =>
    values.has(key) ? checkInteger(`--${key}`, Number(values.get(key)), min, max) : fallback;
  return {
    trunks,
    labels: [...labels].sort((a, b) => a - b),
    preset: checkChoice('--preset', values.get('preset') ?? 'quick', PRESET_NAMES),
    seeds: int('seeds', 3, 1, 100),
    firstSeed: int('first-seed', 1, 0, 2 ** 31 - 1),
    validation: checkChoice('--validation', values.get('validation') ?? 'none', ['none', 'lecture'] as const),
    json: values.get('json') ?? null,
    backend: checkChoice('--backend', values.get('backend') ?? 'wasm', ['wasm', 'cpu'] as const),
    head: checkChoice('--head', values.get('head') ?? 'probe', LEADERBOARD_HEADS),
    cache: cacheDir(values.get('cache')),
  };
}
