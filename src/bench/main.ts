/**
 * Entry of bench.html, the page `npm run bench` drives: reads what to measure from the URL, runs it,
 * publishes the result as `window.__benchResult` and shows it as JSON. Progress goes to the status line
 * and to the console (prefixed "[bench]"), where the Node driver picks it up.
 */
import { parseBenchParams } from './params';
import { runBench } from './run';
import type { BenchRunResult } from './types';

const status = document.getElementById('status');
const output = document.getElementById('result');

function progress(line: string): void {
  if (status) status.textContent = line;
  console.info(`[bench] ${line}`);
}

async function main(): Promise<void> {
  let result: BenchRunResult;
  try {
    const params = parseBenchParams(location.search);
    progress(`measuring ${params.backend} in ${params.mode} mode: ${params.warmupEpochs} warm-up + ${params.epochs} epochs of ${params.images} rotated images`);
    result = await runBench(params, progress);
  } catch (err) {
    result = { ok: false, kind: 'error', params: null, error: err instanceof Error ? err.message : String(err), notes: [] };
  }
  window.__benchResult = result;
  if (output) output.textContent = JSON.stringify(result, null, 2);
  progress(result.ok ? 'done' : `failed: ${result.error}`);
}

void main();
