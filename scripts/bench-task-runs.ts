/**
 * `npx tsx scripts/bench-task-runs.ts --roots <dir>[,<dir>...] [--tasks rotation,colorization] [--rounds 2]
 * [--images 3840] [--epochs 5] [--json <file>]`: the benchmark's per-task runs (pretext training in the app's
 * worker, WASM) for one or more checkouts of the lab, interleaved round by round so a change in the machine's load
 * falls on every checkout alike. Each checkout gets its own Vite dev server. It prints
 * images per second and every epoch's loss as the page reports it: two checkouts that print the same losses
 * trained to the same numbers, so a speed change is shown to leave training untouched.
 *
 * `npm run bench` measures every task on one checkout; this compares checkouts (before/after a change) in one sitting.
 */
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import type { BenchParams } from '../src/bench/types';
import { runPage, startServer } from './bench-pages';
import { isTaskId, type TaskId } from '../src/ml/tasks/registry';

/** One page run of one task on one checkout. */
interface TaskRun {
  readonly root: string;
  readonly task: TaskId;
  readonly round: number;
  readonly imagesPerSecond: number | null;
  readonly losses: readonly string[];
  readonly error: string | null;
  readonly load: { readonly start: number; readonly end: number };
}

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const roots = flag('roots', '.').split(',').map((r) => resolve(r));
const tasks = flag('tasks', 'rotation,colorization').split(',');
for (const t of tasks) if (!isTaskId(t)) throw new Error(`unknown task ${t}`);
const rounds = Number(flag('rounds', '2'));
const images = Number(flag('images', '3840'));
const epochs = Number(flag('epochs', '5'));
const jsonPath = flag('json', '');
const verbose = process.argv.includes('--verbose');

const servers = [];
for (const [i, root] of roots.entries()) servers.push(await startServer(5300 + 10 * i, root));
const browser = await chromium.launch(chromiumLaunchOptions());
const runs: TaskRun[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    for (const task of tasks as TaskId[]) {
      for (const [i, root] of roots.entries()) {
        const params: BenchParams = { backend: 'wasm', mode: 'worker', images, warmupEpochs: 1, epochs, memory: false, rotations: false, threads: null, task };
        const losses: string[] = [];
        const start = loadavg()[0];
        const result = await runPage(browser, servers[i].base, params, Number(flag('timeout', '600')) * 1000, verbose ? task : null, (text) => {
          const loss = /pretext epoch .*loss (\S+)$/.exec(text);
          if (loss) losses.push(loss[1]);
        });
        const error = result.ok ? null : [result.error, ...result.notes].join('; ');
        const ips = result.ok ? result.imagesPerSecond.median : null;
        const run: TaskRun = { root, task, round, imagesPerSecond: ips, losses, error, load: { start, end: loadavg()[0] } };
        runs.push(run);
        console.log(`round ${round + 1} ${task} ${root}: ${ips?.toFixed(0) ?? 'failed'} images/s (load ${start.toFixed(2)}→${run.load.end.toFixed(2)})`
          + `${error ? ` error: ${error}` : ''}\n  losses ${losses.join(' ')}`);
      }
    }
  }
} finally {
  await browser.close();
  for (const s of servers) await s.server.close();
}
if (jsonPath) await writeFile(jsonPath, `${JSON.stringify(runs, null, 2)}\n`);
