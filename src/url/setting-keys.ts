/**
 * Every setting as a dotted URL key (`seed`, `scaling`, `pretext.epochs`, ...), found by walking a preset
 * rather than listed by hand: when someone adds a setting to ExperimentConfig, links can carry it at once,
 * and the list of keys a link may set is exactly the list of settings, nothing else. That whitelist is also
 * what keeps a hostile key such as `__proto__.x` from ever reaching an object write.
 */
import { presetConfig, type ExperimentConfig, type PresetName } from '../ml/config/presets';

/** A setting's value as it sits in the config: a number, a word, a yes/no, or "none" (e.g. no early stopping). */
export type SettingValue = number | string | boolean | null;

/** What text a key accepts; decided by the value it has in the presets. */
export type ValueKind = 'number' | 'boolean' | 'word';

/** One settable key. */
export interface SettingKey {
  /** Dotted path, as SettingError names it, e.g. `pretext.batchSize`. */
  readonly key: string;
  readonly path: readonly string[];
  readonly kind: ValueKind;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): ValueKind {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'word';
  // Numbers and null share a kind: `patience` is 7 in one step and null ("none") in another.
  return 'number';
}

function walk(node: Record<string, unknown>, prefix: readonly string[], out: SettingKey[]): void {
  for (const [name, value] of Object.entries(node)) {
    const path = [...prefix, name];
    if (isRecord(value)) walk(value, path, out);
    else if (path.join('.') !== 'preset') out.push({ key: path.join('.'), path, kind: kindOf(value) });
  }
}

/** All settable keys, in the config's own order (so links always list them the same way). */
export const SETTING_KEYS: readonly SettingKey[] = (() => {
  const out: SettingKey[] = [];
  walk(presetConfig('lecture') as unknown as Record<string, unknown>, [], out);
  return out;
})();

const BY_NAME = new Map(SETTING_KEYS.map((k) => [k.key, k]));

/** The setting called `key`, or undefined for anything that is not a setting. */
export function settingKey(key: string): SettingKey | undefined {
  return BY_NAME.get(key);
}

/** The value at a key's path. */
export function readSetting(config: ExperimentConfig, key: SettingKey): SettingValue {
  let node: unknown = config;
  for (const name of key.path) node = isRecord(node) ? node[name] : undefined;
  return node === undefined ? null : (node as SettingValue);
}

function writeAt(node: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  const child = node[head];
  return { ...node, [head]: rest.length === 0 ? value : writeAt(isRecord(child) ? child : {}, rest, value) };
}

/**
 * A copy of the config with one setting replaced. `value` is `unknown` on purpose: to get checkConfig's own
 * message (with the allowed range) for a link's wrong-typed text, we hand it the text as it came.
 */
export function writeSetting(config: ExperimentConfig, key: SettingKey, value: unknown): ExperimentConfig {
  return writeAt(config as unknown as Record<string, unknown>, key.path, value) as unknown as ExperimentConfig;
}

/** Same value? (Numbers compare by value; null only equals null.) */
export function sameValue(a: SettingValue, b: SettingValue): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

/** The keys whose value differs from the preset's, with the config's values. */
export function changedSettings(config: ExperimentConfig, preset: PresetName): [SettingKey, SettingValue][] {
  const base = presetConfig(preset);
  return SETTING_KEYS.filter((k) => !sameValue(readSetting(config, k), readSetting(base, k))).map((k) => [k, readSetting(config, k)]);
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a link's text as a value of the key's kind, or returns undefined when the text is not of that kind.
 * Strict on purpose: no hex, no "Infinity", no empty string; `Number("")` would quietly be 0.
 */
export function parseSettingText(kind: ValueKind, text: string): SettingValue | undefined {
  if (kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  if (kind === 'word') return /^[a-z]{1,20}$/i.test(text) ? text : undefined;
  if (text === 'none') return null;
  return NUMBER.test(text) ? Number(text) : undefined;
}

/** A value as a link writes it: 0.001, true, unit, none. */
export function settingText(value: SettingValue): string {
  return value === null ? 'none' : String(value);
}
