/**
 * The `--flag value` parsing every CLI of the lab shares, so each one refuses a stray word, a flag without its
 * value and an unknown flag with the same words (and its usage text).
 */
import { writeFile } from 'node:fs/promises';
import { SettingError, checkChoice } from '../src/ml/config/validate';

/** Reads `--key value` pairs; throws a SettingError naming the problem, followed by `usage`. */
export function parseFlags(argv: readonly string[], known: readonly string[], usage: string): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!flag.startsWith('--')) throw new SettingError(flag, `unexpected argument "${flag}"\n${usage}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new SettingError(flag, `${flag} needs a value\n${usage}`);
    values.set(flag.slice(2), value);
    i++;
  }
  for (const key of values.keys()) {
    if (!known.includes(key)) throw new SettingError(key, `unknown option --${key}\n${usage}`);
  }
  return values;
}

/** A comma-separated list of choices ("rotation,jigsaw"), each checked; an empty item or list is refused. */
export function checkChoiceList<T extends string>(setting: string, text: string, choices: readonly T[]): T[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) {
    throw new SettingError(setting, `${setting} must be a comma-separated list of ${choices.map((c) => `"${c}"`).join(', ')}, got ${JSON.stringify(text)}`);
  }
  const checked = items.map((item) => checkChoice(setting, item, choices));
  return [...new Set(checked)];
}

/** Prints a CLI's table and total time, and writes its JSON when `--json` named a file. */
export async function printAndSave(table: string, elapsedMs: number, json: string | null, data: unknown): Promise<void> {
  console.log(table);
  console.log(`total time ${(elapsedMs / 1000).toFixed(1)} s`);
  if (json) {
    await writeFile(json, JSON.stringify(data, null, 2) + '\n');
    console.log(`wrote ${json}`);
  }
}

/** Runs a CLI's main: an error is printed as its message (the stack with DEBUG=1) and exits with status 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (process.env.DEBUG ? err.stack : err.message) : err);
    process.exit(1);
  });
}
