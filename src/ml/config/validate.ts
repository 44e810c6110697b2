/**
 * Checking settings before any work starts. Every message names the setting and what it may be, so a
 * student who types a batch size of 0 learns what to type instead.
 */

/** A setting outside its allowed values. `setting` is the dotted name, e.g. `pretext.batchSize`. */
export class SettingError extends Error {
  readonly setting: string;

  constructor(setting: string, message: string) {
    super(message);
    this.setting = setting;
    this.name = 'SettingError';
  }
}

/** Requires a whole number in [min, max]. */
export function checkInteger(setting: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new SettingError(setting, `${setting} must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** Requires a finite number in the range; `minExclusive` rules out the minimum itself (e.g. a rate of 0). */
export function checkNumber(setting: string, value: unknown, min: number, max: number, minExclusive = false): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (minExclusive ? value > min : value >= min) && value <= max;
  if (!ok) {
    const range = `${minExclusive ? 'greater than' : 'from'} ${min} ${minExclusive ? 'and at most' : 'to'} ${max}`;
    throw new SettingError(setting, `${setting} must be a number ${range}, got ${String(value)}`);
  }
  return value as number;
}

/** Requires one of the listed strings. */
export function checkChoice<T extends string>(setting: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new SettingError(setting, `${setting} must be one of ${choices.map((c) => `"${c}"`).join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}
