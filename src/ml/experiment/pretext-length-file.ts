/**
 * Reading the recorded pretext-length study (the JSON `npm run pretext-length -- --json F` writes, shipped as
 * `public/pretrained/pretext-length.json`). Page-safe: no tfjs, only the types of pretext-length-types.ts.
 *
 * The file is checked before it is drawn, as the leaderboard and the curve are: a truncated or hand-edited file
 * is refused with a sentence naming the first thing wrong, never drawn as a chart of NaNs. Tasks this copy of
 * the app does not know (a file from a newer version) are dropped, not refused.
 */
import type { ProbeBlock, PretextLengthResult } from './pretext-length-types';
import { checkRecording, isCount, isFraction, isMeanStd, isObject, knownTaskRows } from './recorded-file';

/** The file's name under `pretrained/`. */
export const PRETEXT_LENGTH_FILE = 'pretext-length.json';

/** The blocks a probe reads, trunk order. */
export const PROBE_BLOCKS: readonly ProbeBlock[] = ['conv1 + pool', 'conv2 + pool'];

/** The headline probe: 1,000 labels after block 2 (what `points[].accuracy` holds). */
export const HEADLINE_PROBE = { labels: 1000, block: 'conv2 + pool' } as const satisfies { labels: number; block: ProbeBlock };

const isBlock = (v: unknown): v is ProbeBlock => (PROBE_BLOCKS as readonly unknown[]).includes(v);

/** Mean, std and one value per seed, each a fraction. */
function checkSeedStats(v: unknown, seeds: number, where: string): void {
  if (!isMeanStd(v)) throw new Error(`${where} needs a mean from 0 to 1 and a std`);
  if (!Array.isArray(v.perSeed) || v.perSeed.length !== seeds || !v.perSeed.every(isFraction)) throw new Error(`${where} needs one value from 0 to 1 per seed (${seeds})`);
}

/** A non-empty list of whole numbers, each larger than the one before. */
function checkAscending(v: unknown, what: string): asserts v is number[] {
  if (!Array.isArray(v) || v.length === 0 || !v.every(isCount) || v.some((n, i) => i > 0 && n <= v[i - 1])) {
    throw new Error(`the pretext-length file needs its ${what} as whole numbers in increasing order`);
  }
}

function checkTask(t: unknown, i: number, file: Record<string, unknown>, seeds: number): void {
  if (!isObject(t) || typeof t.id !== 'string' || typeof t.title !== 'string') throw new Error(`task ${i + 1} has no id or title`);
  if (typeof t.pretextMetric !== 'string' || !isFraction(t.chanceScore)) throw new Error(`task "${t.id}" needs its pretext metric and a chance score from 0 to 1`);
  if (!Array.isArray(t.points) || t.points.length === 0) throw new Error(`task "${t.id}" has no points`);
  const epochs = file.epochs as number[];
  const labels = file.labels as number[];
  const blocks = file.blocks as ProbeBlock[];
  t.points.forEach((p: unknown, k) => {
    if (!isObject(p) || !epochs.includes(p.epoch as number)) throw new Error(`task "${t.id}" has a point at an epoch the file does not list`);
    if (k > 0 && (p.epoch as number) <= ((t.points as { epoch: number }[])[k - 1].epoch)) throw new Error(`task "${t.id}" lists its epochs out of order`);
    const where = `task "${t.id}" at epoch ${String(p.epoch)}`;
    if (!isFraction(p.pretextScore)) throw new Error(`${where} needs a pretext score from 0 to 1`);
    checkSeedStats(p.pretextScoreStats, seeds, `${where}: the pretext score`);
    checkSeedStats(p.accuracy, seeds, `${where}: the digit accuracy`);
    if (!Array.isArray(p.probes)) throw new Error(`${where} has no probe readings`);
    p.probes.forEach((r: unknown) => {
      if (!isObject(r) || !labels.includes(r.labels as number) || !isBlock(r.block) || !blocks.includes(r.block)) {
        throw new Error(`${where} has a probe reading at a label count or block the file does not list`);
      }
      checkSeedStats(r.accuracy, seeds, `${where}, ${String(r.labels)} labels after ${r.block}`);
    });
  });
}

/** The recorded study in `json`, checked. Throws an Error naming the first problem. */
export function parsePretextLengthFile(json: unknown): PretextLengthResult {
  if (!isObject(json) || json.kind !== 'pretext-length' || json.version !== 1) throw new Error('not a pretext-length file (kind "pretext-length", version 1 expected)');
  if (typeof json.preset !== 'string' || typeof json.backend !== 'string' || !isCount(json.testCount)) throw new Error('the pretext-length file lacks its preset, backend or test count');
  const { seedList } = json;
  if (!Array.isArray(seedList) || seedList.length === 0 || !seedList.every(Number.isInteger)) throw new Error('the pretext-length file has no seeds');
  checkAscending(json.epochs, 'epochs');
  checkAscending(json.labels, 'label counts');
  if (!Array.isArray(json.blocks) || json.blocks.length === 0 || !json.blocks.every(isBlock)) throw new Error(`the pretext-length file's blocks must be among ${PROBE_BLOCKS.join(' and ')}`);
  checkRecording(json, 'the pretext-length file', 'probe');
  if (!Array.isArray(json.commands) || json.commands.length === 0 || !json.commands.every((c) => typeof c === 'string')) throw new Error('the pretext-length file does not say which commands recorded it');
  if (typeof json.elapsedMs !== 'number') throw new Error('the pretext-length file does not say how long it took');
  if (!Array.isArray(json.tasks) || json.tasks.length === 0) throw new Error('the pretext-length file has no tasks');
  json.tasks.forEach((t: unknown, i) => checkTask(t, i, json, seedList.length));
  const known = knownTaskRows(json.tasks);
  if (known.length === 0) throw new Error('the pretext-length file has no task this copy of the app knows');
  return { ...(json as unknown as PretextLengthResult), tasks: known as unknown as PretextLengthResult['tasks'] };
}
