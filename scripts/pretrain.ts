/**
 * `npm run pretrain [-- --seed N]`
 *
 * Trains the lecture's four models once, with the Lecture preset (the notebook's exact protocol: raw pixels,
 * 50 pretext epochs on 40,000 rotated images, ...), on the WASM backend, and writes them to
 * `public/pretrained/` in TensorFlow.js's own format, with `manifest.json` describing the run: the app ships
 * them so a lecturer can show the 50-epoch result without a 30-minute wait, and students can compare.
 *
 * Every classifier is measured on the lecture's 300 test images *and* on all 10,000, because 300 images
 * are too few to rank two methods (a standard error of about 2.3 points).
 *
 * Hidden options for checking the script itself: `--preset smoke --out DIR`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '#tf';
import { loadMnistFromDisk } from '../src/ml/data/node-assets';
import { makeSplits } from '../src/ml/data/splits';
import { PRESET_NAMES, presetConfig, type PresetName } from '../src/ml/config/presets';
import { SettingError, checkChoice, checkInteger } from '../src/ml/config/validate';
import { runExperiment } from '../src/ml/experiment/protocol';
import { settingsFor, type TrunkUse } from '../src/ml/experiment/runs';
import { activateBackend } from '../src/ml/backends/activate';
import { evaluate } from '../src/ml/eval/evaluate';
import { buildRotationSet } from '../src/ml/tasks/rotation/rotation';
import { serializeModel, type SerializedModel } from '../src/ml/models/persist';
import type { TrainResult } from '../src/ml/train/events';
import {
  PRETRAINED_STEPS, PRETRAINED_USES,
  type PretrainedClassifierEntry, type PretrainedKey, type PretrainedManifest, type PretrainedPretextEntry, type PretrainedScores,
} from '../src/client/pretrained';

/** The shipped file name of the model of each use of the trunk. */
const KEY_OF_USE = Object.fromEntries(PRETRAINED_STEPS.map((key) => [PRETRAINED_USES[key], key])) as Record<TrunkUse, PretrainedKey>;

const BACKEND = 'wasm';
const USAGE = 'usage: npm run pretrain -- [--seed N]';

interface PretrainArgs {
  readonly seed: number;
  readonly preset: PresetName;
  readonly out: string;
}

function parseArgs(argv: readonly string[]): PretrainArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag.startsWith('--')) throw new SettingError(flag, `unexpected argument "${flag}"\n${USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new SettingError(flag, `${flag} needs a value\n${USAGE}`);
    if (!['seed', 'preset', 'out'].includes(flag.slice(2))) throw new SettingError(flag, `unknown option ${flag}\n${USAGE}`);
    values.set(flag.slice(2), value);
  }
  return {
    seed: values.has('seed') ? checkInteger('--seed', Number(values.get('seed')), 0, 2 ** 31 - 1) : 1,
    preset: checkChoice('--preset', values.get('preset') ?? 'lecture', PRESET_NAMES),
    out: values.get('out') ?? join(process.cwd(), 'public', 'pretrained'),
  };
}

/** What the hook keeps of each trained model until everything is done. */
interface Trained {
  readonly saved: SerializedModel;
  readonly result: TrainResult;
  readonly scores: PretrainedScores;
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  await activateBackend(BACKEND);
  const mnist = await loadMnistFromDisk();
  const config = { ...presetConfig(args.preset), seed: args.seed };
  // The protocol evaluates on the preset's test set (the lecture's 300); we add all 10,000 ourselves.
  const tests = {
    lecture: makeSplits(mnist, { ...config.splits, testSet: 'lecture' }).test,
    full: makeSplits(mnist, { ...config.splits, testSet: 'full' }).test,
  };
  const rotatedTests = { lecture: buildRotationSet(tests.lecture, 'grouped'), full: buildRotationSet(tests.full, 'grouped') };
  const trained = new Map<PretrainedKey, Trained>();
  const settingsOf = (step: PretrainedKey) => settingsFor(PRETRAINED_USES[step], config);
  let lastPrint = 0;

  const result = await runExperiment(mnist, config, {
    onStepStart: (step) => process.stderr.write(`${step}\n`),
    onEpochEnd: (step, e) => {
      const now = performance.now();
      if (step !== 'pretext' || now - lastPrint > 5000 || e.epoch + 1 === config.pretext.epochs) {
        lastPrint = now;
        const val = e.valAccuracy !== undefined ? `, val acc ${pct(e.valAccuracy)}` : '';
        process.stderr.write(`  ${step} epoch ${e.epoch + 1}: loss ${e.loss.toFixed(4)}, acc ${pct(e.accuracy)}${val} (${(e.elapsedMs / 1000).toFixed(0)} s)\n`);
      }
    },
    // Called before runExperiment disposes each model: save and measure the very weights it trained.
    onModelTrained: async (use, model, run) => {
      const step = KEY_OF_USE[use];
      const sets = step === 'pretext' ? rotatedTests : tests;
      const batchSize = step === 'pretext' ? config.pretext.batchSize : 64;
      const scores: PretrainedScores = {
        lecture: await evaluate(model, sets.lecture, { scaling: config.scaling, batchSize }),
        full: await evaluate(model, sets.full, { scaling: config.scaling, batchSize }),
      };
      const saved = await serializeModel(model, {
        app: 'pretext-lab', format: 1, step, seed: config.seed, epochs: run.epochsRun, epochsPlanned: settingsOf(step).epochs,
        history: run.history, config, savedAt: new Date().toISOString(), backend: BACKEND,
      });
      trained.set(step, { saved, result: run, scores });
    },
  });

  const get = (step: PretrainedKey): Trained => {
    const t = trained.get(step);
    if (!t) throw new Error(`the protocol never handed over the ${step} model`);
    return t;
  };
  const base = (step: PretrainedKey) => {
    const { result: run } = get(step);
    return {
      file: `${step}.json`, epochs: run.epochsRun, epochsPlanned: settingsOf(step).epochs, reason: run.reason,
      trainingSeconds: run.elapsedMs / 1000, history: run.history,
    };
  };
  const pretext: PretrainedPretextEntry = {
    ...base('pretext'), loss: result.pretext.loss, accuracy: result.pretext.accuracy, rotationTest: get('pretext').scores,
  };
  const classifier = (step: 'selfSupervised' | 'supervised' | 'randomFrozen'): PretrainedClassifierEntry => {
    // Same weights, same images, same code as the protocol's own evaluation: a mismatch would mean the hook
    // did not see the final model.
    if (Math.abs(get(step).scores.lecture.accuracy - result[step].testAccuracy) > 1e-9) {
      throw new Error(`${step}: the saved model scores ${get(step).scores.lecture.accuracy} where the protocol measured ${result[step].testAccuracy}`);
    }
    return { ...base(step), test: get(step).scores };
  };
  const steps = PRETRAINED_STEPS;
  const manifest: PretrainedManifest = {
    app: 'pretext-lab',
    format: 1,
    preset: config.preset,
    seed: config.seed,
    date: new Date().toISOString(),
    backend: BACKEND,
    tfjsVersion: tf.version_core,
    trainingSeconds: steps.reduce((sum, s) => sum + get(s).result.elapsedMs / 1000, 0),
    elapsedSeconds: 0, // set just before writing
    params: result.params,
    config,
    models: { pretext, selfSupervised: classifier('selfSupervised'), supervised: classifier('supervised'), randomFrozen: classifier('randomFrozen') },
  };

  // Everything is written at the end, so an interrupted run leaves the previous set of files intact.
  await mkdir(args.out, { recursive: true });
  for (const step of steps) {
    const { saved } = get(step);
    const weightsFile = `${step}.weights.bin`;
    const modelJson = {
      modelTopology: saved.modelTopology,
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version_core}`,
      convertedBy: null,
      weightsManifest: [{ paths: [weightsFile], weights: saved.weightSpecs }],
      userDefinedMetadata: { pretextLab: saved.metadata },
    };
    await writeFile(join(args.out, `${step}.json`), JSON.stringify(modelJson) + '\n');
    await writeFile(join(args.out, weightsFile), new Uint8Array(saved.weightData));
  }
  const final = { ...manifest, elapsedSeconds: (performance.now() - started) / 1000 };
  await writeFile(join(args.out, 'manifest.json'), JSON.stringify(final, null, 2) + '\n');
  console.log(formatTable(final));
  console.log(`wrote ${steps.length * 2 + 1} files to ${args.out}`);
}

function formatTable(m: PretrainedManifest): string {
  const { models } = m;
  const rows: string[][] = [
    ['model', 'epochs', 'train s', 'test 300 acc (loss)', 'test 10,000 acc (loss)'],
    ...(['selfSupervised', 'supervised', 'randomFrozen'] as const).map((step) => {
      const e = models[step];
      return [step, `${e.epochs}/${e.epochsPlanned}`, e.trainingSeconds.toFixed(0),
        `${pct(e.test.lecture.accuracy)} (${e.test.lecture.loss.toFixed(3)})`, `${pct(e.test.full.accuracy)} (${e.test.full.loss.toFixed(3)})`];
    }),
    ['pretext (rotation)', `${models.pretext.epochs}/${models.pretext.epochsPlanned}`, models.pretext.trainingSeconds.toFixed(0),
      `${pct(models.pretext.rotationTest.lecture.accuracy)} (${models.pretext.rotationTest.lecture.loss.toFixed(3)})`,
      `${pct(models.pretext.rotationTest.full.accuracy)} (${models.pretext.rotationTest.full.loss.toFixed(3)})`],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [
    `Pretext Lab pretrained models: preset ${m.preset}, seed ${m.seed}, ${m.backend}, tfjs ${m.tfjsVersion}`,
    line(rows[0]),
    ...rows.slice(1).map(line),
    `pretext final epoch: loss ${models.pretext.loss.toFixed(4)}, accuracy ${pct(models.pretext.accuracy)} (rotation rows: the test images at 4 rotations)`,
    `training ${(m.trainingSeconds / 60).toFixed(1)} min, whole run ${(m.elapsedSeconds / 60).toFixed(1)} min`,
  ].join('\n');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (process.env.DEBUG ? err.stack : err.message) : err);
  process.exit(1);
});
