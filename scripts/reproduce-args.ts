/**
 * Command-line options of `npm run reproduce`, checked before any work starts.
 */
import { PRESET_NAMES, type PresetName } from '../src/ml/config/presets';
import type { TestSetName } from '../src/ml/data/splits';
import { checkChoice, checkInteger } from '../src/ml/config/validate';
import { parseFlags } from './cli-flags';
import { TASK_IDS, type TaskId } from '../src/ml/tasks/registry';

/** The backends the reproduce script can run on in Node. */
export type NodeBackend = 'wasm' | 'cpu';

/** Parsed options. */
export interface ReproduceArgs {
  readonly task: TaskId;
  readonly preset: PresetName;
  readonly seeds: number;
  readonly firstSeed: number;
  readonly test: TestSetName;
  readonly json: string | null;
  readonly backend: NodeBackend;
}

/** Usage text. */
export const USAGE = `usage: npm run reproduce -- [--task ${TASK_IDS.join('|')}] [--preset lecture|quick|smoke] [--seeds N] [--first-seed S]
                              [--test lecture|full] [--backend wasm|cpu] [--json FILE]`;

/** Parses argv (without node and script); throws a SettingError naming a bad option. */
export function parseReproduceArgs(argv: readonly string[]): ReproduceArgs {
  const values = parseFlags(argv, ['task', 'preset', 'seeds', 'first-seed', 'test', 'json', 'backend'], USAGE);
  const int = (key: string, fallback: number, min: number, max: number) =>
    values.has(key) ? checkInteger(`--${key}`, Number(values.get(key)), min, max) : fallback;
  return {
    task: checkChoice('--task', values.get('task') ?? 'rotation', TASK_IDS),
    preset: checkChoice('--preset', values.get('preset') ?? 'quick', PRESET_NAMES),
    seeds: int('seeds', 1, 1, 100),
    firstSeed: int('first-seed', 1, 0, 2 ** 31 - 1),
    test: checkChoice('--test', values.get('test') ?? 'lecture', ['lecture', 'full'] as const),
    json: values.get('json') ?? null,
    backend: checkChoice('--backend', values.get('backend') ?? 'wasm', ['wasm', 'cpu'] as const),
  };
}
