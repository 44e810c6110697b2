/**
 * The linear probe's cost, measured in Node (WASM for the feature extraction, plain JavaScript for the probe),
 * for `npm run bench` (`probe` in its JSON) and alone: `npx tsx scripts/bench-probe.ts`.
 *
 * - The instrument: one full probe (penalty by 3-fold cross-validation over the grid, then the converged fit) on
 *   the lecture's 1,000 labelled digits x 288 features of a random trunk. Goal: under 1 s.
 * - The live reading a pretext run takes after each epoch (features of 1,000 labelled and 1,000 test digits,
 *   the penalty re-chosen among neighbours), beside one Lecture-preset epoch's length at the measured training
 *   speed, so its share of an epoch is a number, not a guess (goal: at most 10%).
 * - Block 1 (3,136 features), once, to show why the live line reads block 2 only.
 */
import { cpus, loadavg } from 'node:os';
import { loadMnistFromDisk } from '../src/ml/data/node-assets';
import { activateBackend } from '../src/ml/backends/activate';
import { makeSplits } from '../src/ml/data/splits';
import { presetConfig } from '../src/ml/config/presets';
import { buildDigitClassifier, buildTaskModel } from '../src/ml/models/architecture';
import { taskById } from '../src/ml/tasks/registry';
import { extractFeatures } from '../src/ml/features/extract';
import { fitProbe } from '../src/ml/probe/linear-probe';
import { useProbeKernels } from '../src/ml/probe/wasm-pass';
import { liveProbeTestSet, probeTrunkNow } from '../src/ml/features/live-probe';
import { pretextTrainSet } from '../src/ml/experiment/protocol';
import { experimentSpecs, trainOptionsFor } from '../src/ml/experiment/runs';
import { TrainingRun } from '../src/ml/train/trainer';
import { sliceSet } from '../src/ml/data/mnist';
import type { Target } from './bench-report';

/** What the measurement found; times in ms, medians over `repeats`. */
export interface ProbeBench {
  readonly labels: number;
  readonly features: number;
  readonly repeats: number;
  readonly probeMs: number;
  readonly probeMsAll: readonly number[];
  readonly probeCpuMs: number;
  /** One probe with the JavaScript loops instead of the WebAssembly SIMD products (the same answer, to the bit). */
  readonly probeJsMs: number;
  readonly liveReadingMs: number;
  /** Training images per second of the rotation pretext model here (one Node thread), and a Lecture epoch at that speed. */
  readonly trainImagesPerSecond: number;
  readonly lectureEpochMs: number;
  /** liveReadingMs / lectureEpochMs. */
  readonly liveShareOfEpoch: number;
  readonly block1ProbeMs: number;
  readonly block1Features: number;
  readonly cores: number;
  readonly loadAverage: number;
  readonly targetMs: number;
  readonly pass: boolean;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Measures the probe `repeats` times (seeds 1..repeats) after one warm-up. */
export async function measureProbe(repeats = 3): Promise<ProbeBench> {
  await activateBackend('wasm');
  const mnist = await loadMnistFromDisk();
  const config = { ...presetConfig('lecture'), splits: { ...presetConfig('lecture').splits, testSet: 'full' as const } };
  const splits = makeSplits(mnist, config.splits);
  const trunk = buildDigitClassifier('random', 1);
  try {
    const features = await extractFeatures(trunk, splits.labelled, { scaling: config.scaling });
    const labelled = { features, labels: splits.labelled.labels };
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r <= repeats; r++) {
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      await fitProbe(labelled, { seed: r + 1 });
      const used = process.cpuUsage(cpuStart);
      if (r > 0) {
        wall.push(performance.now() - started);
        cpu.push((used.user + used.system) / 1000);
      }
    }
    useProbeKernels(false);
    const jsStart = performance.now();
    await fitProbe(labelled, { seed: 1 });
    const probeJsMs = performance.now() - jsStart;
    useProbeKernels(true);
    // A live reading after epoch 1 (its penalty re-chosen among the neighbours of the epoch-0 choice).
    const input = { labelled: splits.labelled, test: liveProbeTestSet(splits.test), scaling: config.scaling, seed: 1 };
    const first = await probeTrunkNow(trunk, { ...input, epoch: 0, previousLambda: null });
    const live = await probeTrunkNow(trunk, { ...input, epoch: 1, previousLambda: first.lambda });
    // One slice of a Lecture epoch, timed, for the epoch's length at this machine's speed.
    const model = buildTaskModel(taskById('rotation'), 1);
    const examples = pretextTrainSet(config, sliceSet(splits.pretext, 0, 2_000));
    const started = performance.now();
    await new TrainingRun(model, examples, { ...trainOptionsFor(experimentSpecs(config).pretext, config), epochs: 1 }).run();
    const trainImagesPerSecond = examples.count / ((performance.now() - started) / 1000);
    model.dispose();
    const lectureEpochMs = (splits.pretext.count * 4 / trainImagesPerSecond) * 1000;
    const block1 = await extractFeatures(trunk, splits.labelled, { scaling: config.scaling, depth: 2 });
    const b1Start = performance.now();
    await fitProbe({ features: block1, labels: splits.labelled.labels }, { seed: 1 });
    const block1ProbeMs = performance.now() - b1Start;
    const probeMs = median(wall);
    return {
      labels: labelled.labels.length, features: features.width, repeats, probeMs, probeMsAll: wall, probeCpuMs: median(cpu), probeJsMs,
      liveReadingMs: live.ms, trainImagesPerSecond, lectureEpochMs, liveShareOfEpoch: live.ms / lectureEpochMs,
      block1ProbeMs, block1Features: block1.width, cores: cpus().length, loadAverage: loadavg()[0], targetMs: 1_000, pass: probeMs < 1_000,
    };
  } finally {
    trunk.dispose();
  }
}

/** The probe's target, as the bench's target list shows it. */
export function probeTarget(b: ProbeBench): Target {
  return {
    name: '1,000-label probe < 1 s',
    goal: `< ${b.targetMs} ms, ${b.labels} labels x ${b.features} features, cross-validation included, Node, ${b.cores} cores`,
    value: `${b.probeMs.toFixed(0)} ms wall (median of ${b.repeats}), ${b.probeCpuMs.toFixed(0)} ms CPU, load ${b.loadAverage.toFixed(1)}; live reading ${(100 * b.liveShareOfEpoch).toFixed(1)}% of a Lecture epoch`,
    pass: b.pass,
  };
}

/** The measurement in a few lines. */
export function formatProbeBench(b: ProbeBench): string {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  return [
    `Linear probe (Node; ${b.labels.toLocaleString('en-US')} labels x ${b.features} features, 3-fold CV over the grid + converged fit), load ${b.loadAverage.toFixed(1)}:`,
    `  one probe: ${ms(b.probeMs)} median of ${b.repeats} (${b.probeMsAll.map(ms).join(', ')}), CPU ${ms(b.probeCpuMs)}`,
    `  the same probe with JavaScript loops instead of WASM SIMD: ${ms(b.probeJsMs)} (${(b.probeJsMs / b.probeMs).toFixed(1)}x as long)`,
    `  ${b.pass ? 'PASS' : 'MISS'}  1,000-label probe < 1 s`,
    `  live reading after an epoch: ${ms(b.liveReadingMs)}; a Lecture epoch at ${b.trainImagesPerSecond.toFixed(0)} images/s here: ${ms(b.lectureEpochMs)} (${(100 * b.liveShareOfEpoch).toFixed(1)}% of it)`,
    `  block 1 (${b.block1Features.toLocaleString('en-US')} features), one probe: ${ms(b.block1ProbeMs)}`,
  ].join('\n');
}

if (process.argv[1]?.endsWith('bench-probe.ts')) {
  measureProbe().then((b) => console.log(formatProbeBench(b)), (err: unknown) => { console.error(err); process.exit(1); });
}
