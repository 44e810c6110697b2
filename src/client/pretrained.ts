/**
 * The models shipped with the app (`public/pretrained/`, written by `npm run pretrain`): the lecture's four
 * models trained once with the Lecture preset, so a lecturer can show the 50-epoch result without waiting
 * for it, and a student can compare their own run with it.
 *
 * Files are fetched from the app's own origin only (through shipped-files.ts, as every shipped file is) and
 * checked before anything is handed to the engine: a half-deployed or hand-edited file should produce a
 * sentence naming the file, not a stack trace from inside tfjs.
 *
 * Deliberately imports only *types* from the ML code: this module runs on the page, and a value import of
 * persist.ts would pull all of tfjs into the page's first bundle (the engine loads it lazily or in a worker).
 * The engine's `deserializeModel` checks the architecture again when the model arrives.
 */
import type { ExperimentConfig } from '../ml/config/presets';
import type { ParamCounts } from '../ml/experiment/protocol';
import type { RunSpec, TrunkUse } from '../ml/experiment/runs';
import type { ModelMetadata, SerializedModel } from '../ml/models/persist';
import type { EndReason, EpochRecord } from '../ml/train/events';
import type * as tf from '#tf';
import { isObject } from '../ml/experiment/recorded-file';
import { PRETRAINED_DIR, fetchShipped, fetchShippedJson } from './shipped-files';

/** Accuracy (0-1) and mean cross-entropy of a model on a set of test images. */
export interface PretrainedScore {
  readonly accuracy: number;
  readonly loss: number;
  readonly count: number;
}

/** The same model measured on the lecture's 300 test images and on all 10,000. */
export interface PretrainedScores {
  readonly lecture: PretrainedScore;
  readonly full: PretrainedScore;
}

/** What every shipped model records about its training. */
export interface PretrainedModelEntry {
  /** The model file, relative to `pretrained/` (its weights file is named inside it). */
  readonly file: string;
  readonly epochs: number;
  readonly epochsPlanned: number;
  readonly reason: EndReason;
  /** Seconds spent training this step (evaluation and saving excluded). */
  readonly trainingSeconds: number;
  /** Per-epoch loss and accuracy (and validation, for the heads): what the charts draw. */
  readonly history: readonly EpochRecord[];
}

/** The rotation model: its last training epoch and how well it predicts rotations of unseen images. */
export interface PretrainedPretextEntry extends PretrainedModelEntry {
  readonly loss: number;
  readonly accuracy: number;
  /** On the test images at all four rotations (1,200 and 40,000 examples). */
  readonly rotationTest: PretrainedScores;
}

/** A digit classifier and its test scores. */
export interface PretrainedClassifierEntry extends PretrainedModelEntry {
  readonly test: PretrainedScores;
}

/** `pretrained/manifest.json`: how the shipped models were made and what they score. */
export interface PretrainedManifest {
  readonly app: 'pretext-lab';
  readonly format: 1;
  readonly preset: ExperimentConfig['preset'];
  readonly seed: number;
  /** When the run finished (ISO 8601). */
  readonly date: string;
  readonly backend: string;
  readonly tfjsVersion: string;
  /** Sum of the four steps' training times. */
  readonly trainingSeconds: number;
  /** The whole run: data preparation, training, evaluation on both test sets, saving. */
  readonly elapsedSeconds: number;
  readonly params: ParamCounts;
  /** The exact settings (files written before tasks existed lack `task`: read them with `pretrainedConfig`). */
  readonly config: Omit<ExperimentConfig, 'task'> & { readonly task?: ExperimentConfig['task'] };
  readonly models: {
    readonly pretext: PretrainedPretextEntry;
    readonly selfSupervised: PretrainedClassifierEntry;
    readonly supervised: PretrainedClassifierEntry;
    readonly randomFrozen: PretrainedClassifierEntry;
  };
}

/**
 * The shipped models' names in the manifest and file names (a file format older than runs, kept so the
 * shipped files stay byte-identical), in the order the lecture trains them.
 */
export type PretrainedKey = 'pretext' | 'selfSupervised' | 'supervised' | 'randomFrozen';
/** How each shipped model uses the trunk. */
export const PRETRAINED_USES: Readonly<Record<PretrainedKey, TrunkUse>> = {
  pretext: 'pretext', selfSupervised: 'transfer', supervised: 'scratch', randomFrozen: 'random',
};
/** The shipped models, in the order the lecture trains them. */
export const PRETRAINED_STEPS = Object.keys(PRETRAINED_USES) as PretrainedKey[];

/** The shipped manifest's settings, with the task its files predate (rotation) filled in. */
export function pretrainedConfig(manifest: PretrainedManifest): ExperimentConfig {
  return { ...manifest.config, task: manifest.config.task ?? 'rotation' };
}

/** The run a shipped model stands for (rotation, the manifest's seed and labelled count). */
export function pretrainedSpec(manifest: PretrainedManifest, key: PretrainedKey): RunSpec {
  const config = pretrainedConfig(manifest);
  const use = PRETRAINED_USES[key];
  return { task: config.task, use, seed: manifest.seed, labels: use === 'pretext' ? 0 : config.splits.labelledCount };
}


/** Larger than any weights file of ours (the models are under 0.1 MB): refuse before allocating more. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

const BYTES_PER_DTYPE: Readonly<Record<string, number>> = { float32: 4, int32: 4, bool: 1 };

/** Fetches and checks `pretrained/manifest.json`. Throws an Error naming the file and what is wrong. */
export async function loadPretrainedManifest(base: string = import.meta.env.BASE_URL): Promise<PretrainedManifest> {
  const name = `${PRETRAINED_DIR}manifest.json`;
  const json = await fetchShippedJson('manifest.json', base, MISSING_MODELS);
  checkManifest(json, name);
  return json;
}

/**
 * Fetches one step's model (`pretrained/<step>.json` and its weights) as a SerializedModel, ready for
 * `{ type: 'importModel', step, model, origin: 'pretrained', config: manifest.config }`.
 */
export async function loadPretrainedModel(step: PretrainedKey, base: string = import.meta.env.BASE_URL): Promise<SerializedModel> {
  const name = `${PRETRAINED_DIR}${step}.json`;
  const json = await fetchShippedJson(`${step}.json`, base, MISSING_MODELS);
  const { modelTopology, groups, metadata } = checkModelJson(json, name, step);
  const weightSpecs = groups.flatMap((g) => g.weights);
  const parts: ArrayBuffer[] = [];
  for (const file of groups.flatMap((g) => g.paths)) {
    parts.push(await fetchBytes(file, base));
  }
  const weightData = concat(parts);
  const expected = weightSpecs.reduce((sum, s) => sum + BYTES_PER_DTYPE[s.dtype] * s.shape.reduce((a, b) => a * b, 1), 0);
  if (weightData.byteLength !== expected) {
    throw new Error(`${name}: its weights hold ${weightData.byteLength} bytes where the model promises ${expected}; the files are truncated or from different runs.`);
  }
  return { modelTopology, weightSpecs, weightData, metadata };
}

const MISSING_MODELS = 'The pretrained models are missing from this copy of the app (they are made by `npm run pretrain`).';

async function fetchBytes(file: string, base: string): Promise<ArrayBuffer> {
  const name = `${PRETRAINED_DIR}${file}`;
  const data = await (await fetchShipped(file, base, MISSING_MODELS)).arrayBuffer();
  if (data.byteLength > MAX_FILE_BYTES) throw new Error(`${name} is ${(data.byteLength / 1e6).toFixed(1)} MB; Pretext Lab's weights are under 0.1 MB.`);
  return data;
}

function concat(parts: readonly ArrayBuffer[]): ArrayBuffer {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((a, p) => a + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), offset);
    offset += p.byteLength;
  }
  return out.buffer;
}

// ---- shape checks: each failure names the file and the field ----

type Json = Record<string, unknown>;

function bad(name: string, field: string, what: string): never {
  throw new Error(`${name} is not a valid Pretext Lab file: ${field} ${what}.`);
}

function object(value: unknown, name: string, field: string): Json {
  return isObject(value) ? value : bad(name, field, 'should be an object');
}

function finite(value: unknown, name: string, field: string): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : bad(name, field, 'should be a number');
}

function string(value: unknown, name: string, field: string): string {
  return typeof value === 'string' ? value : bad(name, field, 'should be a string');
}

function array(value: unknown, name: string, field: string): unknown[] {
  return Array.isArray(value) ? value : bad(name, field, 'should be a list');
}

function checkHistory(value: unknown, name: string, field: string): void {
  array(value, name, field).forEach((row, i) => {
    const r = object(row, name, `${field}[${i}]`);
    for (const key of ['epoch', 'loss', 'accuracy']) finite(r[key], name, `${field}[${i}].${key}`);
    for (const key of ['valLoss', 'valAccuracy']) if (key in r) finite(r[key], name, `${field}[${i}].${key}`);
  });
}

function checkScores(value: unknown, name: string, field: string): void {
  const scores = object(value, name, field);
  for (const set of ['lecture', 'full']) {
    const s = object(scores[set], name, `${field}.${set}`);
    for (const key of ['accuracy', 'loss', 'count']) finite(s[key], name, `${field}.${set}.${key}`);
  }
}

function checkManifest(json: unknown, name: string): asserts json is PretrainedManifest {
  const m = object(json, name, 'the file');
  if (m.app !== 'pretext-lab' || m.format !== 1) bad(name, 'app/format', 'should be "pretext-lab" / 1');
  for (const key of ['preset', 'date', 'backend', 'tfjsVersion']) string(m[key], name, key);
  for (const key of ['seed', 'trainingSeconds', 'elapsedSeconds']) finite(m[key], name, key);
  const params = object(m.params, name, 'params');
  for (const key of ['pretext', 'downstreamTotal', 'downstreamTrainable', 'downstreamFrozen', 'supervised']) finite(params[key], name, `params.${key}`);
  const config = object(m.config, name, 'config');
  finite(config.seed, name, 'config.seed');
  for (const key of ['splits', 'pretext', 'downstream', 'supervised']) object(config[key], name, `config.${key}`);
  const models = object(m.models, name, 'models');
  for (const step of PRETRAINED_STEPS) {
    const field = `models.${step}`;
    const entry = object(models[step], name, field);
    if (entry.file !== `${step}.json`) bad(name, `${field}.file`, `should be "${step}.json"`);
    for (const key of ['epochs', 'epochsPlanned', 'trainingSeconds']) finite(entry[key], name, `${field}.${key}`);
    string(entry.reason, name, `${field}.reason`);
    checkHistory(entry.history, name, `${field}.history`);
    if (step === 'pretext') {
      finite(entry.loss, name, `${field}.loss`);
      finite(entry.accuracy, name, `${field}.accuracy`);
      checkScores(entry.rotationTest, name, `${field}.rotationTest`);
    } else {
      checkScores(entry.test, name, `${field}.test`);
    }
  }
}

interface WeightGroup {
  readonly paths: readonly string[];
  readonly weights: readonly tf.io.WeightsManifestEntry[];
}

/** A weights file name next to the model file: no folders, no schemes, so it cannot point elsewhere. */
const SAFE_FILE = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

function checkModelJson(json: unknown, name: string, step: PretrainedKey): { modelTopology: object; groups: WeightGroup[]; metadata: ModelMetadata } {
  const m = object(json, name, 'the file');
  if (m.format !== 'layers-model') bad(name, 'format', 'should be "layers-model" (a TensorFlow.js layers model)');
  const modelTopology = object(m.modelTopology, name, 'modelTopology');
  const groups = array(m.weightsManifest, name, 'weightsManifest').map((g, i): WeightGroup => {
    const group = object(g, name, `weightsManifest[${i}]`);
    const paths = array(group.paths, name, `weightsManifest[${i}].paths`).map((p, j) => {
      const path = string(p, name, `weightsManifest[${i}].paths[${j}]`);
      return SAFE_FILE.test(path) ? path : bad(name, `weightsManifest[${i}].paths[${j}]`, 'should be a file name in the same folder');
    });
    const weights = array(group.weights, name, `weightsManifest[${i}].weights`).map((w, j) => {
      const field = `weightsManifest[${i}].weights[${j}]`;
      const spec = object(w, name, field);
      const shape = array(spec.shape, name, `${field}.shape`);
      if (!shape.every((d) => Number.isInteger(d) && (d as number) >= 0)) bad(name, `${field}.shape`, 'should be a list of whole numbers');
      const dtype = string(spec.dtype, name, `${field}.dtype`);
      if (!(dtype in BYTES_PER_DTYPE)) bad(name, `${field}.dtype`, 'should be float32, int32 or bool');
      return { name: string(spec.name, name, `${field}.name`), shape: shape as number[], dtype: dtype as 'float32' | 'int32' | 'bool' };
    });
    return { paths, weights };
  });
  if (groups.length === 0 || groups.some((g) => g.paths.length === 0)) bad(name, 'weightsManifest', 'should name at least one weights file');
  const user = isObject(m.userDefinedMetadata) ? m.userDefinedMetadata.pretextLab : undefined;
  const meta = object(user, name, 'userDefinedMetadata.pretextLab');
  if (meta.app !== 'pretext-lab') bad(name, 'userDefinedMetadata.pretextLab.app', 'should be "pretext-lab"');
  if (meta.step !== step) throw new Error(`${name} holds the ${String(meta.step)} model, not the ${step} model.`);
  finite(meta.seed, name, 'userDefinedMetadata.pretextLab.seed');
  finite(meta.epochs, name, 'userDefinedMetadata.pretextLab.epochs');
  checkHistory(meta.history, name, 'userDefinedMetadata.pretextLab.history');
  return { modelTopology, groups, metadata: meta as unknown as ModelMetadata };
}
