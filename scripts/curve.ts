/**
 * `npm run curve -- --trunks rotation,random,scratch --labels 20,100,1000 --seeds 2 --preset quick --json F`
 *
 * The label-efficiency curve in Node: test accuracy (all 10,000 test images) against the number of labelled
 * digits, for each trunk, mean and standard deviation over seeds. Prints a table and writes JSON.
 */
import { loadMnistFromDisk } from '../src/ml/data/node-assets';
import { presetConfig } from '../src/ml/config/presets';
import { runCurve } from '../src/ml/experiment/curve';
import { buildCurveReport, formatCurveReport } from '../src/ml/experiment/curve-report';
import { labelPoolSize } from '../src/ml/experiment/label-pool';
import { activateBackend } from '../src/ml/backends/activate';
import { parseCurveArgs } from './curve-args';
import { printAndSave, runMain } from './cli-flags';
import { folderTrunkStore } from './trunk-store';

async function main(): Promise<void> {
  const mnist = await loadMnistFromDisk();
  const poolSize = labelPoolSize(mnist.train.count);
  const args = parseCurveArgs(process.argv.slice(2), poolSize);
  await activateBackend(args.backend);
  const started = performance.now();
  const seedList = Array.from({ length: args.seeds }, (_, i) => args.firstSeed + i);
  const curves = await runCurve(mnist, {
    config: presetConfig(args.preset), trunks: args.trunks, labels: args.labels, seeds: seedList, validation: args.validation,
    head: args.head, store: args.cache ? folderTrunkStore(args.cache) : undefined,
  }, { onProgress: (message) => process.stderr.write(`${message} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`) });
  const report = buildCurveReport({
    head: args.head,
    curves, preset: args.preset, seedList, labels: args.labels, validation: args.validation, testCount: mnist.test.count,
    backend: args.backend, elapsedMs: performance.now() - started, poolSize,
    recordedAt: new Date().toISOString(), command: ['npm run curve --', ...process.argv.slice(2)].join(' '),
  });
  await printAndSave(formatCurveReport(report), report.elapsedMs, args.json, report);
}

runMain(main);
