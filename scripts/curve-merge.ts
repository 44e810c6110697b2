/**
 * `npm run curve-merge -- --inputs a.json,b.json [--note "..."] --json out.json`
 *
 * Joins curves recorded by separate `npm run curve` runs (measured the same way) into one file, e.g. the
 * frozen trunks at every label count and the scratch arm, which trains every layer, at fewer.
 */
import { readFile } from 'node:fs/promises';
import { formatCurveReport, mergeCurveReports } from '../src/ml/experiment/curve-report';
import { parseCurveFile } from '../src/ml/experiment/curve-file';
import { SettingError } from '../src/ml/config/validate';
import { parseFlags, printAndSave, runMain } from './cli-flags';

const USAGE = 'usage: npm run curve-merge -- --inputs a.json,b.json [--note "what was left out and why"] --json out.json';

async function main(): Promise<void> {
  const values = parseFlags(process.argv.slice(2), ['inputs', 'note', 'json'], USAGE);
  const inputs = (values.get('inputs') ?? '').split(',').map((s) => s.trim());
  if (inputs.length < 2 || inputs.some((s) => s === '')) throw new SettingError('--inputs', `--inputs must name two or more curve files, comma-separated\n${USAGE}`);
  if (!values.has('json')) throw new SettingError('--json', `--json must name the merged file\n${USAGE}`);
  const parts = await Promise.all(inputs.map(async (f) => parseCurveFile(JSON.parse(await readFile(f, 'utf8')))));
  const merged = mergeCurveReports(parts, values.get('note'));
  await printAndSave(formatCurveReport(merged), merged.elapsedMs, values.get('json') ?? null, merged);
}

runMain(main);
