/**
 * `npm run leaderboard -- --tasks a,b --preset quick|smoke --seeds N --json F`
 *
 * Every pretext task (default: all) through the same protocol in Node, with the random-trunk, supervised and
 * upper-bound reference rows; prints the table and writes the JSON the app's leaderboard panel reads. The
 * rows of each seed are measured by a pool of worker processes, one per core (`--workers`).
 */
import { readFile } from 'node:fs/promises';
import { loadMnistFromDisk } from '../src/ml/data/node-assets';
import { activateBackend } from '../src/ml/backends/activate';
import { runLeaderboard } from '../src/ml/experiment/leaderboard';
import { formatLeaderboard } from '../src/ml/experiment/leaderboard-report';
import { mergeLeaderboards } from '../src/ml/experiment/leaderboard-merge';
import { parseLeaderboard } from '../src/ml/experiment/leaderboard-file';
import { parseLeaderboardArgs } from './leaderboard-args';
import { printAndSave, runMain } from './cli-flags';
import { folderTrunkStore } from './trunk-store';
import { startPool } from './leaderboard-pool';

async function main(): Promise<void> {
  const args = parseLeaderboardArgs(process.argv.slice(2));
  // Read (and check) the file to add to before hours of training, not after.
  const base = args.addTo ? parseLeaderboard(JSON.parse(await readFile(args.addTo, 'utf8'))) : null;
  await activateBackend(args.backend);
  const mnist = await loadMnistFromDisk();
  const started = new Map<string, number>();
  const store = args.cache ? folderTrunkStore(args.cache) : undefined;
  const pool = args.workers > 1
    ? startPool(args.workers, { backend: args.backend, preset: args.preset, test: args.test, head: args.head, cache: args.cache })
    : undefined;
  let run;
  try {
    run = await runLeaderboard(mnist, { ...args, backend: args.backend, store, runner: pool }, {
      onRowStart: (row, seed) => {
        started.set(`${row}.${seed}`, performance.now());
      },
      onRowEnd: (row, seed, accuracy) => {
        const seconds = pool?.secondsFor({ row, seed }) ?? (performance.now() - (started.get(`${row}.${seed}`) ?? performance.now())) / 1000;
        process.stderr.write(`seed ${seed}: ${row} ... digit accuracy ${(accuracy * 100).toFixed(2)}% (${seconds.toFixed(0)} s)\n`);
      },
    });
  } finally {
    pool?.close();
  }
  const result = base ? mergeLeaderboards(base, run) : run;
  await printAndSave(formatLeaderboard(result), run.elapsedMs, args.json ?? args.addTo, result);
}

runMain(main);
