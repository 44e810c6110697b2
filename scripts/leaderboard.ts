/**
 * `npm run leaderboard -- --tasks a,b --preset quick|smoke --seeds N --json F`
 *
 * Every pretext task (default: all) through the same protocol in Node, with the random-trunk, supervised and
 * upper-bound reference rows; prints the table and writes the JSON the app's leaderboard panel reads.
 */
import { writeFile } from 'node:fs/promises';
import { loadMnistFromDisk } from '../src/ml/data/node-assets';
import { activateBackend } from '../src/ml/backends/activate';
import { runLeaderboard } from '../src/ml/experiment/leaderboard';
import { formatLeaderboard } from '../src/ml/experiment/leaderboard-report';
import { parseLeaderboardArgs } from './leaderboard-args';

async function main(): Promise<void> {
  const args = parseLeaderboardArgs(process.argv.slice(2));
  await activateBackend(args.backend);
  const mnist = await loadMnistFromDisk();
  let rowStarted = 0;
  const result = await runLeaderboard(mnist, { ...args, backend: args.backend }, {
    onRowStart: (row, seed) => {
      rowStarted = performance.now();
      process.stderr.write(`seed ${seed}: ${row} ... `);
    },
    onRowEnd: (_row, _seed, accuracy) => {
      process.stderr.write(`digit accuracy ${(accuracy * 100).toFixed(2)}% (${((performance.now() - rowStarted) / 1000).toFixed(0)} s)\n`);
    },
  });
  console.log(formatLeaderboard(result));
  console.log(`total time ${(result.elapsedMs / 1000).toFixed(1)} s`);
  if (args.json) {
    await writeFile(args.json, JSON.stringify(result, null, 2) + '\n');
    console.log(`wrote ${args.json}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (process.env.DEBUG ? err.stack : err.message) : err);
  process.exit(1);
});
