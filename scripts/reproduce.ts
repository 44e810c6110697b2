/**
 * `npm run reproduce -- --task <id> --preset <lecture|quick|smoke> --seeds <N> --test <lecture|full> --json <file>`
 *
 * Runs the lecture's whole protocol in Node (the task's examples, pretext, transfer, supervised, and the
 * random-features control) for N seeds, and prints the comparison table the lecture ends with.
 */
import { loadMnistFromDisk } from '../src/ml/data/node-assets';
import { presetConfig } from '../src/ml/config/presets';
import { runExperiment, type ExperimentResult } from '../src/ml/experiment/protocol';
import { buildReport, formatReport } from '../src/ml/experiment/report';
import { activateBackend } from '../src/ml/backends/activate';
import { parseReproduceArgs } from './reproduce-args';
import { printAndSave, runMain } from './cli-flags';

async function main(): Promise<void> {
  const args = parseReproduceArgs(process.argv.slice(2));
  await activateBackend(args.backend);
  const mnist = await loadMnistFromDisk();
  const started = performance.now();
  const runs: ExperimentResult[] = [];
  for (let i = 0; i < args.seeds; i++) {
    const seed = args.firstSeed + i;
    const base = presetConfig(args.preset);
    const config = { ...base, task: args.task, seed, splits: { ...base.splits, testSet: args.test } };
    let lastPrint = 0;
    const result = await runExperiment(mnist, config, {
      onStepStart: (step) => process.stderr.write(`seed ${seed}: ${step}\n`),
      onEpochEnd: (step, e) => {
        const now = performance.now();
        if (now - lastPrint > 5000 || step !== 'pretext') {
          lastPrint = now;
          const val = e.valAccuracy !== undefined ? `, val acc ${(e.valAccuracy * 100).toFixed(1)}%` : '';
          process.stderr.write(`  ${step} epoch ${e.epoch + 1}: loss ${e.loss.toFixed(4)}, acc ${(e.accuracy * 100).toFixed(2)}%${val}\n`);
        }
      },
    });
    runs.push(result);
  }
  const report = buildReport(args.preset, args.test, args.backend, runs, performance.now() - started);
  await printAndSave(formatReport(report), report.elapsedMs, args.json, report);
}

runMain(main);
