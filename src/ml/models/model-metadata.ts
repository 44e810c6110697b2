/**
 * What a saved model carries besides its weights, and the checks on it that need no tfjs: the page reads
 * uploaded files with these before handing them to the engine, and importing tfjs for that would put 1 MB of
 * it in the page's first bundle.
 */
import type * as tf from '#tf';
import type { EpochRecord } from '../train/events';

/** What we store next to the weights. */
export interface ModelMetadata {
  readonly app: 'pretext-lab';
  readonly format: 1;
  /**
   * Which model this is: a run id ("rotation.pretext.s1", "jigsaw.transfer.s1.n1000"), or in files saved
   * before runs existed, a step name ('pretext', 'selfSupervised', 'supervised' or 'randomFrozen').
   */
  readonly step: string;
  /** The run's spec (task, use of the trunk, seed, labels), in files saved since runs exist. */
  readonly spec?: { readonly task: string; readonly use: string; readonly seed: number; readonly labels: number };
  readonly seed: number;
  /** Epochs of training the weights represent. */
  readonly epochs: number;
  /** Epochs the run was set to do (more than `epochs` for an interrupted run). */
  readonly epochsPlanned: number;
  readonly history: readonly EpochRecord[];
  /** The experiment settings the model was trained with (opaque here; the app validates them). */
  readonly config: unknown;
  readonly savedAt: string;
  /** Where the weights were computed ("wasm", "webgl", ...). */
  readonly backend: string;
}

/** A model as plain data: what crosses from worker to page for a download, or back after an upload. */
export interface SerializedModel {
  readonly modelTopology: object;
  readonly weightSpecs: tf.io.WeightsManifestEntry[];
  readonly weightData: ArrayBuffer;
  readonly metadata: ModelMetadata | null;
}

/** Refusal of a model file; the message says what is wrong in words a student can act on. */
export class ModelFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFileError';
  }
}

/**
 * The largest weights file we accept. The lecture's models are under 100 kB; the largest task model is
 * colorization's (a 288 -> 14x14x5 decoder, about 1.1 MB; 4.6 MB before its head painted at half size), so 6 MB
 * admits every one of ours, old or new, and still refuses a file that plainly is not.
 */
export const MAX_WEIGHT_BYTES = 6 * 1024 * 1024;

/** {@link MAX_WEIGHT_BYTES} in words, for messages. */
export const MAX_WEIGHT_TEXT = `${MAX_WEIGHT_BYTES / (1024 * 1024)} MB`;

/** Reads our metadata out of tfjs artifacts (null when absent or not ours). */
export function metadataOf(artifacts: tf.io.ModelArtifacts): ModelMetadata | null {
  const user = artifacts.userDefinedMetadata as { pretextLab?: ModelMetadata } | undefined;
  const meta = user?.pretextLab;
  return meta && meta.app === 'pretext-lab' ? meta : null;
}
