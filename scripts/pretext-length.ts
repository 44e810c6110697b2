/**
 * `npm run pretext-length -- --tasks rotation,contrastive --epochs 0,1,2,5,10,20,50 --seeds 3 --json F`
 *
 * Does longer pretext training give better digit features? Trains each task once per seed with the preset's
 * pretext protocol (default the Lecture's, 50 epochs) and measures its trunk with the linear probe before the
 * first epoch and after each listed one. Trunks and readings are kept in .cache/trunks/, so an interrupted
 * recording resumes where it stopped. Prints a table and writes the JSON the app's lesson reads.
 */
import { readFile } from 'node:fs/promises';
import { loadMnistFromDisk } from '../src/ml/data/node-assets';
import { activateBackend } from '../src/ml/backends/activate';
import { labelPoolSize } from '../src/ml/experiment/label-pool';
import { runPretextLength } from '../src/ml/experiment/pretext-length';
import { mergePretextLength } from '../src/ml/experiment/pretext-length-merge';
import type { PretextLengthResult } from '../src/ml/experiment/pretext-length-types';
import { parsePretextLengthArgs } from './pretext-length-args';
import { printAndSave, runMain } from './cli-flags';
import { folderTrunkStore } from './trunk-store';

const pct = (v: number) => `${(100 * v).toFixed(2)}%`;

/** The study as a table: one line per task and epoch. */
export function formatPretextLength(result: PretextLengthResult): string {
  const lines = [`pretext length (${result.preset} budget), probe on frozen features, ${result.testCount} test images, seeds ${result.seedList.join(', ')}`];
  const columns = result.labels.flatMap((l) => result.blocks.map((b) => `${l} labels, ${b}`));
  lines.push(['task', 'epoch', 'pretext score', ...columns].join(' | '));
  for (const task of result.tasks) {
    for (const p of task.points) {
      lines.push([task.id, String(p.epoch), pct(p.pretextScore), ...p.probes.map((r) => `${pct(r.accuracy.mean)} ± ${(100 * r.accuracy.std).toFixed(2)}`)].join(' | '));
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const mnist = await loadMnistFromDisk();
  const args = parsePretextLengthArgs(process.argv.slice(2), labelPoolSize(mnist.train.count));
  const base = args.addTo ? (JSON.parse(await readFile(args.addTo, 'utf8')) as PretextLengthResult) : null;
  await activateBackend(args.backend);
  const started = performance.now();
  const seeds = Array.from({ length: args.seeds }, (_, i) => args.firstSeed + i);
  const run = await runPretextLength(mnist, { ...args, seeds, store: folderTrunkStore() }, {
    onProgress: (message) => process.stderr.write(`${message} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`),
  });
  const recorded: PretextLengthResult = { ...run, commands: [['npm run pretext-length --', ...process.argv.slice(2)].join(' ')] };
  const result = base ? mergePretextLength(base, recorded) : recorded;
  await printAndSave(formatPretextLength(result), run.elapsedMs, args.json ?? args.addTo, result);
}

runMain(main);
