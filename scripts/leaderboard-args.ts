/**
 * Command-line options of `npm run leaderboard`, checked before any work starts.
 */
import { availableParallelism } from 'node:os';
import { PRESET_NAMES, type PresetName } from '../src/ml/config/presets';
import type { TestSetName } from '../src/ml/data/splits';
import { checkChoice, checkInteger } from '../src/ml/config/validate';
import { TASK_IDS, type TaskId } from '../src/ml/tasks/registry';
import { LEADERBOARD_HEADS, type LeaderboardHead } from '../src/ml/experiment/leaderboard-types';
import { TRUNK_CACHE_DIR } from './trunk-store';
import { checkChoiceList, parseFlags } from './cli-flags';
import type { NodeBackend } from './reproduce-args';

/** Parsed options. */
export interface LeaderboardArgs {
  readonly tasks: readonly TaskId[];
  readonly preset: PresetName;
  readonly seeds: number;
  readonly firstSeed: number;
  readonly test: TestSetName;
  readonly json: string | null;
  /** A recorded leaderboard to add this run's task rows to (written back to --json, or to itself). */
  readonly addTo: string | null;
  readonly backend: NodeBackend;
  readonly head: LeaderboardHead;
  /** Folder that keeps trained trunks, or null for none. */
  readonly cache: string | null;
  /** Processes measuring cells at once (1: all in this process). */
  readonly workers: number;
}

/** Usage text. */
export const USAGE = `usage: npm run leaderboard -- [--tasks a,b,...] [--preset lecture|quick|smoke] [--seeds N] [--first-seed S]
                                [--test full|lecture] [--backend wasm|cpu] [--head probe|lecture] [--cache DIR|none]
                                [--workers N] [--json FILE] [--add-to FILE]
tasks: ${TASK_IDS.join(', ')} (default: all)
--workers: processes measuring rows at once (default: one per core, at most 4; 1 measures every row in this process)`;

/** Parses argv (without node and script); throws a SettingError naming a bad option. */
export function parseLeaderboardArgs(argv: readonly string[]): LeaderboardArgs {
  const values = parseFlags(argv, ['tasks', 'preset', 'seeds', 'first-seed', 'test', 'json', 'add-to', 'backend', 'head', 'cache', 'workers'], USAGE);
  const int = (key: string, fallback: number, min: number, max: number) =>
    values.has(key) ? checkInteger(`--${key}`, Number(values.get(key)), min, max) : fallback;
  return {
    tasks: values.has('tasks') ? checkChoiceList('--tasks', values.get('tasks') ?? '', TASK_IDS) : TASK_IDS,
    preset: checkChoice('--preset', values.get('preset') ?? 'quick', PRESET_NAMES),
    seeds: int('seeds', 3, 1, 100),
    firstSeed: int('first-seed', 1, 0, 2 ** 31 - 1),
    // The whole test set by default: on the lecture's 300 images one accuracy's noise alone is ±2.3 points.
    test: checkChoice('--test', values.get('test') ?? 'full', ['lecture', 'full'] as const),
    json: values.get('json') ?? null,
    addTo: values.get('add-to') ?? null,
    backend: checkChoice('--backend', values.get('backend') ?? 'wasm', ['wasm', 'cpu'] as const),
    head: checkChoice('--head', values.get('head') ?? 'probe', LEADERBOARD_HEADS),
    cache: cacheDir(values.get('cache')),
    workers: int('workers', defaultWorkers(), 1, 16),
  };
}

/**
 * One process per core: tfjs's WASM backend runs one thread in Node. At most 4, since each process holds its
 * own copy of MNIST and a model or two (about 0.4 GB).
 */
export function defaultWorkers(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores));
}

/** `--cache`: a folder for trained trunks (default .cache/trunks), or `none` to train every trunk afresh. */
export function cacheDir(value: string | undefined): string | null {
  if (value === undefined) return TRUNK_CACHE_DIR;
  return value === 'none' ? null : value;
}
