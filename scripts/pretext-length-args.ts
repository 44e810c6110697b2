/**
 * Command-line options of `npm run pretext-length`, checked before any work starts.
 */
import { PRESET_NAMES, type PresetName } from '../src/ml/config/presets';
import { SettingError, checkChoice, checkInteger } from '../src/ml/config/validate';
import { allowedLabelCounts, checkLabelCount } from '../src/ml/experiment/label-pool';
import type { TrunkBlock } from '../src/ml/probe/trunk-readings';
import { TASK_IDS, type TaskId } from '../src/ml/tasks/registry';
import { checkChoiceList, parseFlags } from './cli-flags';
import type { NodeBackend } from './reproduce-args';

/** Parsed options. */
export interface PretextLengthArgs {
  readonly tasks: readonly TaskId[];
  readonly epochs: readonly number[];
  readonly labels: readonly number[];
  readonly blocks: readonly TrunkBlock[];
  readonly preset: PresetName;
  readonly seeds: number;
  readonly firstSeed: number;
  readonly json: string | null;
  /** A recorded study to add this run's tasks to. */
  readonly addTo: string | null;
  readonly backend: NodeBackend;
}

const BLOCKS: Record<string, TrunkBlock> = { '1': 'conv1 + pool', '2': 'conv2 + pool' };

/** Usage text. */
export function pretextLengthUsage(poolSize: number): string {
  return `usage: npm run pretext-length -- [--tasks a,b,...] [--epochs 0,1,2,5,10,20,50] [--labels 100,1000] [--blocks 1,2]
                                   [--preset lecture|quick|smoke] [--seeds N] [--first-seed S] [--backend wasm|cpu]
                                   [--json FILE] [--add-to FILE]
  tasks: ${TASK_IDS.join(', ')} (default rotation,contrastive)
  epochs: whole numbers from 0 to 200, the last one is how long each task trains (default 0,1,2,5,10,20,50)
  labels: ${allowedLabelCounts(poolSize)} (default 100,1000)
  blocks: 1 (after conv1 + pool), 2 (after conv2 + pool) (default 1,2)`;
}

function numbers(flag: string, text: string, usage: string): number[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => !/^\d+$/.test(s))) throw new SettingError(flag, `${flag} must be a comma-separated list of whole numbers, got "${text}"\n${usage}`);
  const values = items.map(Number);
  const twice = values.find((v, i) => values.indexOf(v) !== i);
  if (twice !== undefined) throw new SettingError(flag, `${flag} lists ${twice} twice`);
  return values.sort((a, b) => a - b);
}

/** Parses argv (without node and script); throws a SettingError naming a bad option. */
export function parsePretextLengthArgs(argv: readonly string[], poolSize: number): PretextLengthArgs {
  const usage = pretextLengthUsage(poolSize);
  const values = parseFlags(argv, ['tasks', 'epochs', 'labels', 'blocks', 'preset', 'seeds', 'first-seed', 'json', 'add-to', 'backend'], usage);
  const int = (key: string, fallback: number, min: number, max: number) =>
    values.has(key) ? checkInteger(`--${key}`, Number(values.get(key)), min, max) : fallback;
  const epochs = numbers('--epochs', values.get('epochs') ?? '0,1,2,5,10,20,50', usage).map((e) => checkInteger('--epochs', e, 0, 200));
  const labels = numbers('--labels', values.get('labels') ?? '100,1000', usage).map((n) => checkLabelCount(n, poolSize, '--labels'));
  const blocks = checkChoiceList('--blocks', values.get('blocks') ?? '1,2', Object.keys(BLOCKS)).map((b) => BLOCKS[b]);
  return {
    tasks: checkChoiceList('--tasks', values.get('tasks') ?? 'rotation,contrastive', TASK_IDS),
    epochs, labels, blocks,
    preset: checkChoice('--preset', values.get('preset') ?? 'lecture', PRESET_NAMES),
    seeds: int('seeds', 3, 1, 100),
    firstSeed: int('first-seed', 1, 0, 2 ** 31 - 1),
    json: values.get('json') ?? null,
    addTo: values.get('add-to') ?? null,
    backend: checkChoice('--backend', values.get('backend') ?? 'wasm', ['wasm', 'cpu'] as const),
  };
}
