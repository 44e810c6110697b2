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
import type { RunId, RunSpec } from '../ml/experiment/runs';
import type { ProbeReading } from '../ml/features/live-probe';
import type { TaskId } from '../ml/tasks/registry';
import type { InspectQuery, InspectResult } from './inspect-messages';
import type { InsightCommand, InsightEvent } from './insight-messages';
/** Where the engine runs. */
export type EngineMode = 'worker' | 'main';
/** The user's backend choice: a name, or let the app decide. */
export type BackendChoice = BackendName | 'auto';

const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

/** Whether `text` names a backend choice (a link's `?backend=`, a worker's start order). */
export function isBackendChoice(text: string): text is BackendChoice {
  return (BACKEND_CHOICES as readonly string[]).includes(text);
}

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
  /** On WASM: whether Pretext Lab's own SIMD training kernels run (they need WebAssembly SIMD); null elsewhere. */
  readonly simdKernels: boolean | null;
}

/**
 * The architectures' summaries, built by the engine so the page need not load tfjs to show them: each task's
 * pretext model, and the digit classifier with a frozen trunk and with a trainable one.
 */
export interface ModelSummaries {
  readonly pretext: Readonly<Record<TaskId, ModelSummary>>;
  readonly downstream: ModelSummary;
  readonly supervised: ModelSummary;
}

/** MNIST as typed arrays, handed to the engine once: shared memory as it is, or else copies, transferred (client/load-data.ts). */
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
  | { readonly type: 'makeExamples'; readonly config: ExperimentConfig }
  /** `probe`: read a pretext run's trunk with the linear probe at every epoch boundary (engine-probe.ts). */
  | { readonly type: 'train'; readonly spec: RunSpec; readonly config: ExperimentConfig; readonly resume?: boolean; readonly probe?: boolean }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'step' }
  | { readonly type: 'stop' }
  | { readonly type: 'evaluate'; readonly config: ExperimentConfig; readonly testSet: TestSetName; readonly runs: readonly RunId[] }
  | { readonly type: 'predict'; readonly requestId: number; readonly pixels: Uint8Array; readonly config: ExperimentConfig }
  /** A reconstruction task's model paints its answer for each 28x28 input in `pixels` (n x 784 bytes). */
  | { readonly type: 'reconstruct'; readonly requestId: number; readonly run: RunId; readonly pixels: Uint8Array }
  | { readonly type: 'switchBackend'; readonly backend: BackendName }
  | { readonly type: 'reset' }
  | { readonly type: 'exportModel'; readonly run: RunId; readonly config: ExperimentConfig }
  /** `restored`: the page is putting back its copy after the worker was restarted (no notice per model). */
  | { readonly type: 'importModel'; readonly spec: RunSpec; readonly model: SerializedModel; readonly origin: ModelOrigin; readonly config: ExperimentConfig; readonly restored?: boolean }
  | { readonly type: 'saveToBrowser'; readonly run: RunId; readonly config: ExperimentConfig }
  | { readonly type: 'loadFromBrowser'; readonly spec: RunSpec; readonly slot: BrowserSlot; readonly config: ExperimentConfig }
  | { readonly type: 'deleteFromBrowser'; readonly run: RunId; readonly slot: BrowserSlot }
  | { readonly type: 'listSaved' }
  /** Makes one fault happen on purpose, so tests can check the lab survives it (see runtime/faults.ts). */
  | { readonly type: 'injectFault'; readonly fault: FaultName }
  /** Questions about what a model learned (filters, rotation answers, embeddings): see inspect-messages.ts. */
  | { readonly type: 'inspect'; readonly requestId: number; readonly query: InspectQuery }
  | { readonly type: 'stopInspect'; readonly requestId: number }
  /** Label-efficiency sweeps and probes (insight-messages.ts). */
  | { readonly type: 'insight'; readonly command: InsightCommand };

/**
 * The faults a test can cause: the worker crashing, a NaN loss at the next batch, the WebGL context lost
 * mid-epoch, and this browser's storage (IndexedDB) going away.
 */
export type FaultName = 'crash' | 'nanLoss' | 'webglContextLoss' | 'storageUnavailable';

/** All fault names, for checking what a test hook was given. */
export const FAULT_NAMES: readonly FaultName[] = ['crash', 'nanLoss', 'webglContextLoss', 'storageUnavailable'];

/** Where a model's weights came from, so the page can label it honestly. */
export type ModelOrigin = 'trained' | 'file' | 'browser' | 'autosave' | 'pretrained';
/** The two kinds of browser storage: a model the student saved, and the automatic per-epoch save of a run. */
export type BrowserSlot = 'saved' | 'autosave';

/** A model stored in this browser (IndexedDB), described without loading its weights. */
export interface SavedEntry {
  readonly spec: RunSpec;
  readonly slot: BrowserSlot;
  readonly metadata: ModelMetadata;
}

/** One digit classifier's result on a test set, with every image's probabilities for the stem plots. */
export interface ArmEvaluation {
  readonly accuracy: number;
  readonly loss: number;
  readonly count: number;
  /** count x 10 probabilities, row-major. */
  readonly probabilities: Float32Array;
}

/** Answers to a drawn digit: each trained classifier's probabilities (10 digits, or a task's classes), by run. */
export type Predictions = Readonly<Record<RunId, Float32Array>>;

/** Events from the engine. */
export type EngineEvent =
  | { readonly type: 'ready'; readonly backend: BackendInfo; readonly mode: EngineMode; readonly webgl2InWorker: boolean; readonly summaries: ModelSummaries }
  | { readonly type: 'backendChanged'; readonly backend: BackendInfo; readonly message: string }
  | { readonly type: 'dataLoaded'; readonly trainCount: number; readonly testCount: number }
  | { readonly type: 'examplesReady'; readonly task: TaskId; readonly count: number; readonly ms: number }
  | { readonly type: 'runStarted'; readonly run: RunId; readonly spec: RunSpec; readonly summary: ModelSummary; readonly epochs: number; readonly trainCount: number; readonly initialEpoch: number }
  | { readonly type: 'batch'; readonly run: RunId; readonly event: BatchEvent }
  | { readonly type: 'epoch'; readonly run: RunId; readonly event: EpochEvent }
  | { readonly type: 'runState'; readonly run: RunId; readonly state: RunState }
  /** A pretext run's trunk read by the linear probe, before its first epoch and after each one (engine-probe.ts). */
  | { readonly type: 'probe'; readonly run: RunId; readonly reading: ProbeReading }
  | { readonly type: 'runEnded'; readonly run: RunId; readonly result: TrainResult; readonly testAccuracy: number | null; readonly testLoss: number | null }
  | { readonly type: 'runFailed'; readonly run: RunId; readonly message: string; readonly epochsKept: number }
  | { readonly type: 'evaluated'; readonly testSet: TestSetName; readonly startIndex: number; readonly labels: Uint8Array; readonly runs: Readonly<Record<RunId, ArmEvaluation>> }
  | { readonly type: 'prediction'; readonly requestId: number; readonly predictions: Predictions }
  | { readonly type: 'reconstruction'; readonly requestId: number; readonly run: RunId; readonly pixels: Uint8Array }
  | { readonly type: 'error'; readonly message: string; readonly setting?: string }
  | { readonly type: 'memory'; readonly numTensors: number; readonly numBytes: number }
  | { readonly type: 'modelExported'; readonly run: RunId; readonly model: SerializedModel }
  | { readonly type: 'modelLoaded'; readonly run: RunId; readonly spec: RunSpec; readonly origin: ModelOrigin; readonly summary: ModelSummary; readonly epochs: number; readonly epochsPlanned: number; readonly history: readonly EpochRecord[]; readonly testAccuracy: number | null; readonly testLoss: number | null; readonly metadata: ModelMetadata | null; readonly restored?: boolean }
  /**
   * A copy of a run's latest good weights for the page to keep, sent after every epoch (origin `autosave`),
   * at the end of a run and when a model is loaded: if the worker dies, the page restarts it and puts these back.
   */
  | { readonly type: 'backup'; readonly run: RunId; readonly spec: RunSpec; readonly origin: ModelOrigin; readonly model: SerializedModel }
  /** News for the student that is not an error: storage turned out to be full, another tab is training... */
  | { readonly type: 'info'; readonly message: string }
  /** Sent by the page's own client, not the engine: the worker died and its models with it. */
  | { readonly type: 'engineLost'; readonly message: string }
  | { readonly type: 'savedList'; readonly entries: readonly SavedEntry[]; readonly storageAvailable: boolean }
  | { readonly type: 'inspected'; readonly requestId: number; readonly result: InspectResult }
  | { readonly type: 'insight'; readonly event: InsightEvent };
