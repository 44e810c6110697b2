/**
 * The typed conversation between the page and the training engine (in a Web Worker, or on the main thread
 * when a worker cannot train). Plain data only: numbers, strings, typed arrays; never tensors.
 */
import type { BackendName } from '../ml/backends/activate';
import type { ExperimentConfig } from '../ml/config/presets';
import type { TestSetName } from '../ml/data/splits';
import type { ModelSummary } from '../ml/models/summary';
import type { BatchEvent, EpochEvent, EpochRecord, RunState, TrainResult } from '../ml/train/events';
import type { ModelMetadata, SerializedModel } from '../ml/models/persist';

/** A step of the walk-through that trains a model. */
export type StepName = 'pretext' | 'selfSupervised' | 'supervised' | 'randomFrozen';
/** The three 10-digit classifiers. */
export type ArmName = Exclude<StepName, 'pretext'>;
/** All arms, in display order. */
export const ARM_NAMES: readonly ArmName[] = ['selfSupervised', 'supervised', 'randomFrozen'];
/** Where the engine runs. */
export type EngineMode = 'worker' | 'main';
/** The user's backend choice: a name, or let the app decide. */
export type BackendChoice = BackendName | 'auto';

/** What the app knows about the active backend, and why it was chosen. */
export interface BackendInfo {
  readonly name: BackendName;
  readonly reason: string;
  /**
   * The WebGL renderer string where WebGL was probed (e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader ...))");
   * on WebGPU, the adapter's vendor, architecture and description (e.g. "google swiftshader").
   */
  readonly renderer: string | null;
  /** True when WebGL (or, on WebGPU, the adapter) is a software rasteriser (SwiftShader, llvmpipe): slower than WASM. */
  readonly softwareRenderer: boolean;
  /** WASM threads in use (needs a cross-origin isolated page). */
  readonly threads: number | null;
}

/** The three architectures' summaries, built by the engine so the page need not load tfjs to show them. */
export interface ModelSummaries {
  readonly pretext: ModelSummary;
  readonly downstream: ModelSummary;
  readonly supervised: ModelSummary;
}

/** MNIST as typed arrays, handed to the engine once (transferred, not copied). */
export interface DataPayload {
  readonly trainImages: Uint8Array;
  readonly trainLabels: Uint8Array;
  readonly testImages: Uint8Array;
  readonly testLabels: Uint8Array;
}

/** Commands from the page. */
export type Command =
  | { readonly type: 'init'; readonly backend: BackendChoice; readonly webglDisabled: boolean }
  | { readonly type: 'loadData'; readonly data: DataPayload }
  | { readonly type: 'makeRotations'; readonly config: ExperimentConfig }
  | { readonly type: 'train'; readonly step: StepName; readonly config: ExperimentConfig; readonly resume?: boolean }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'step' }
  | { readonly type: 'stop' }
  | { readonly type: 'evaluate'; readonly config: ExperimentConfig; readonly testSet: TestSetName }
  | { readonly type: 'predict'; readonly requestId: number; readonly pixels: Uint8Array; readonly config: ExperimentConfig }
  | { readonly type: 'switchBackend'; readonly backend: BackendName }
  | { readonly type: 'reset' }
  | { readonly type: 'exportModel'; readonly step: StepName; readonly config: ExperimentConfig }
  | { readonly type: 'importModel'; readonly step: StepName; readonly model: SerializedModel; readonly origin: ModelOrigin; readonly config: ExperimentConfig }
  | { readonly type: 'saveToBrowser'; readonly step: StepName; readonly config: ExperimentConfig }
  | { readonly type: 'loadFromBrowser'; readonly step: StepName; readonly slot: BrowserSlot; readonly config: ExperimentConfig }
  | { readonly type: 'deleteFromBrowser'; readonly step: StepName; readonly slot: BrowserSlot }
  | { readonly type: 'listSaved' };

/** Where a model's weights came from, so the page can label it honestly. */
export type ModelOrigin = 'trained' | 'file' | 'browser' | 'autosave' | 'pretrained';
/** The two kinds of browser storage: a model the student saved, and the automatic per-epoch save of a run. */
export type BrowserSlot = 'saved' | 'autosave';

/** A model stored in this browser (IndexedDB), described without loading its weights. */
export interface SavedEntry {
  readonly step: StepName;
  readonly slot: BrowserSlot;
  readonly metadata: ModelMetadata;
}

/** One arm's result on a test set, with every image's probabilities for the stem plots. */
export interface ArmEvaluation {
  readonly accuracy: number;
  readonly loss: number;
  readonly count: number;
  /** count x 10 probabilities, row-major. */
  readonly probabilities: Float32Array;
}

/** Answers to a drawn digit: each trained model's probabilities (10 digits, or 4 rotations for pretext). */
export type Predictions = Partial<Record<StepName, Float32Array>>;

/** Events from the engine. */
export type EngineEvent =
  | { readonly type: 'ready'; readonly backend: BackendInfo; readonly mode: EngineMode; readonly webgl2InWorker: boolean; readonly summaries: ModelSummaries }
  | { readonly type: 'backendChanged'; readonly backend: BackendInfo; readonly message: string }
  | { readonly type: 'dataLoaded'; readonly trainCount: number; readonly testCount: number }
  | { readonly type: 'rotationsReady'; readonly count: number; readonly ms: number }
  | { readonly type: 'stepStarted'; readonly step: StepName; readonly summary: ModelSummary; readonly epochs: number; readonly trainCount: number; readonly initialEpoch: number }
  | { readonly type: 'batch'; readonly step: StepName; readonly event: BatchEvent }
  | { readonly type: 'epoch'; readonly step: StepName; readonly event: EpochEvent }
  | { readonly type: 'runState'; readonly step: StepName; readonly state: RunState }
  | { readonly type: 'stepEnded'; readonly step: StepName; readonly result: TrainResult; readonly testAccuracy: number | null; readonly testLoss: number | null }
  | { readonly type: 'stepFailed'; readonly step: StepName; readonly message: string; readonly epochsKept: number }
  | { readonly type: 'evaluated'; readonly testSet: TestSetName; readonly startIndex: number; readonly labels: Uint8Array; readonly arms: Partial<Record<ArmName, ArmEvaluation>> }
  | { readonly type: 'prediction'; readonly requestId: number; readonly predictions: Predictions }
  | { readonly type: 'error'; readonly message: string; readonly setting?: string }
  | { readonly type: 'memory'; readonly numTensors: number; readonly numBytes: number }
  | { readonly type: 'modelExported'; readonly step: StepName; readonly model: SerializedModel }
  | { readonly type: 'modelLoaded'; readonly step: StepName; readonly origin: ModelOrigin; readonly summary: ModelSummary; readonly epochs: number; readonly epochsPlanned: number; readonly history: readonly EpochRecord[]; readonly testAccuracy: number | null; readonly testLoss: number | null; readonly metadata: ModelMetadata | null }
  | { readonly type: 'savedList'; readonly entries: readonly SavedEntry[]; readonly storageAvailable: boolean };
