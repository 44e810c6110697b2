/**
 * The app's state as data, and the pure reducer that folds engine events into it. Each part is a
 * discriminated union (idle | running | paused | done | failed), not a pile of booleans, so a panel can
 * never show "training" and "done" at once.
 */
import type { Mnist } from '../ml/data/mnist';
import type { ExperimentConfig } from '../ml/config/presets';
import type { TestSetName } from '../ml/data/splits';
import type { ModelSummary } from '../ml/models/summary';
import type { EpochRecord, TrainResult } from '../ml/train/events';
import type { PretrainedManifest } from '../client/pretrained';
import type { ArmEvaluation, BackendInfo, EngineEvent, EngineMode, ModelOrigin, ModelSummaries, Predictions, SavedEntry } from '../runtime/messages';
import type { RunId, RunSpec } from '../ml/experiment/runs';
import type { TaskId } from '../ml/tasks/registry';
import type { ProbeReading } from '../ml/features/live-probe';

/** One point of a live training curve; x is in epochs (2.5 = halfway through the third epoch). */
export interface CurvePoint {
  readonly x: number;
  readonly loss: number;
  readonly accuracy: number;
}

/** Where a running run is. */
export interface Progress {
  readonly epoch: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly epochs: number;
  /** 0-1 over the whole step. */
  readonly fraction: number;
  readonly imagesPerSecond: number;
  readonly etaSeconds: number | null;
}

interface StepCommon {
  readonly summary: ModelSummary;
  readonly epochs: number;
  readonly curve: readonly CurvePoint[];
  readonly history: readonly EpochRecord[];
}

/** A run's state: what a training panel shows. */
export type StepState =
  | { readonly status: 'idle' }
  | (StepCommon & { readonly status: 'running' | 'paused'; readonly progress: Progress; readonly trainCount: number; readonly initialEpoch: number })
  | (StepCommon & { readonly status: 'done'; readonly result: TrainResult; readonly testAccuracy: number | null; readonly testLoss: number | null; readonly imagesPerSecond: number; readonly origin: ModelOrigin })
  | (StepCommon & { readonly status: 'failed'; readonly message: string; readonly epochsKept: number });

/** A message for the student: an error or a piece of news. */
export interface Notice {
  readonly id: number;
  readonly kind: 'error' | 'info';
  readonly text: string;
  readonly setting?: string;
}

/** Everything the panels render. */
export interface LabState {
  readonly engine:
    | { readonly status: 'starting' }
    | {
      readonly status: 'ready'; readonly backend: BackendInfo; readonly mode: EngineMode; readonly summaries: ModelSummaries;
      /** Why the engine runs on the main thread although a worker was wanted (client.ts's EngineClient.fallback). */
      readonly fallback?: string;
    }
    | { readonly status: 'failed'; readonly message: string };
  readonly data:
    | { readonly status: 'loading' }
    | { readonly status: 'ready'; readonly mnist: Mnist; readonly loadMs: number }
    | { readonly status: 'failed'; readonly message: string };
  /** The pretext examples the engine last built (rotations, puzzles, holes...). */
  readonly examples: { readonly status: 'idle' | 'building' } | { readonly status: 'ready'; readonly task: TaskId; readonly count: number; readonly ms: number };
  readonly config: ExperimentConfig;
  /** Every run the page knows of (trained, training, loaded or failed), by id; absent means idle. */
  readonly runs: Readonly<Record<RunId, RunEntry>>;
  /**
   * The live probe's readings of each pretext run trained here, by epoch from 0 (the untrained trunk). Kept
   * beside the runs rather than in them: a run's state changes shape as it goes (running, done, failed), its
   * probe line only grows, and a model loaded from elsewhere simply has none.
   */
  readonly probes: Readonly<Record<RunId, readonly ProbeReading[]>>;
  readonly evaluation:
    | { readonly status: 'idle' }
    | { readonly status: 'running'; readonly testSet: TestSetName }
    | { readonly status: 'ready'; readonly testSet: TestSetName; readonly startIndex: number; readonly labels: Uint8Array; readonly runs: Readonly<Record<RunId, ArmEvaluation>> };
  readonly predictions: { readonly requestId: number; readonly predictions: Predictions } | null;
  /** The latest painted answers of a reconstruction model (the data panel's "after training" row). */
  readonly reconstruction: { readonly requestId: number; readonly run: RunId; readonly pixels: Uint8Array } | null;
  readonly notices: readonly Notice[];
  readonly memory: { readonly numTensors: number; readonly numBytes: number } | null;
  /** Models stored in this browser (saved on purpose, or autosaved by an interrupted run). */
  readonly saved: { readonly available: boolean; readonly entries: readonly SavedEntry[] };
  /** The pre-trained lecture models shipped with the app, if this copy has them. */
  readonly pretrained: { readonly status: 'unknown' | 'missing' } | { readonly status: 'available'; readonly manifest: PretrainedManifest };
}

/** A run the page knows of: its spec and its state (never idle: an idle run is simply absent). */
export type RunEntry = Exclude<StepState, { readonly status: 'idle' }> & { readonly spec: RunSpec };

const IDLE: StepState = { status: 'idle' };

/** A run's state (idle when the page has never seen it). */
export function runState(state: LabState, run: RunId): StepState {
  return state.runs[run] ?? IDLE;
}

/** The state before anything has happened. */
export function initialState(config: ExperimentConfig): LabState {
  return {
    engine: { status: 'starting' },
    data: { status: 'loading' },
    examples: { status: 'idle' },
    config,
    runs: {},
    probes: {},
    evaluation: { status: 'idle' },
    predictions: null,
    reconstruction: null,
    notices: [],
    memory: null,
    saved: { available: false, entries: [] },
    pretrained: { status: 'unknown' },
  };
}

/** Most curve points we keep per run: beyond it we thin the oldest half, so charts stay fast. */
const MAX_POINTS = 400;

function appendPoint(curve: readonly CurvePoint[], point: CurvePoint): readonly CurvePoint[] {
  const next = [...curve, point];
  if (next.length <= MAX_POINTS) return next;
  return next.filter((_, i) => i % 2 === 0 || i >= next.length - MAX_POINTS / 4);
}

let noticeId = 0;

/** How each origin of a model is described to the student. */
export const ORIGIN_TEXT: Record<ModelOrigin, string> = {
  trained: 'a model trained here',
  file: 'a model from your file',
  browser: 'the model saved in this browser',
  autosave: 'the automatically saved model of an interrupted run',
  pretrained: 'the pre-trained lecture model shipped with the app (not trained here)',
};

/** Adds a notice (keeps the five most recent). */
export function withNotice(state: LabState, kind: Notice['kind'], text: string, setting?: string): LabState {
  const notice: Notice = { id: ++noticeId, kind, text, ...(setting ? { setting } : {}) };
  return { ...state, notices: [...state.notices, notice].slice(-5) };
}

/** A run's probe readings, one per epoch, in epoch order (a continued run measures its first epoch again). */
function withReading(readings: readonly ProbeReading[], reading: ProbeReading): readonly ProbeReading[] {
  return [...readings.filter((r) => r.epoch !== reading.epoch), reading].sort((a, b) => a.epoch - b.epoch);
}

function setProbes(state: LabState, run: RunId, readings: readonly ProbeReading[] | null): LabState {
  const { [run]: _old, ...others } = state.probes;
  return { ...state, probes: readings === null ? others : { ...others, [run]: readings } };
}

function setRun(state: LabState, run: RunId, spec: RunSpec, value: Exclude<StepState, { readonly status: 'idle' }>): LabState {
  return { ...state, runs: { ...state.runs, [run]: { ...value, spec } } };
}

/** Folds one engine event into the state. */
export function reduceEvent(state: LabState, event: EngineEvent): LabState {
  switch (event.type) {
    case 'ready':
      return { ...state, engine: { status: 'ready', backend: event.backend, mode: event.mode, summaries: event.summaries } };
    case 'backendChanged':
      return withNotice({ ...state, engine: state.engine.status === 'ready' ? { ...state.engine, backend: event.backend } : state.engine }, 'info', event.message);
    case 'dataLoaded':
      return state;
    case 'examplesReady':
      return { ...state, examples: { status: 'ready', task: event.task, count: event.count, ms: event.ms } };
    case 'runStarted': {
      const previous = runState(state, event.run);
      const keep = event.initialEpoch > 0 && previous.status !== 'idle';
      const readings = keep ? (state.probes[event.run] ?? []).filter((r) => r.epoch < event.initialEpoch) : [];
      return setRun(setProbes(state, event.run, readings), event.run, event.spec, {
        status: 'running', summary: event.summary, epochs: event.epochs, trainCount: event.trainCount, initialEpoch: event.initialEpoch,
        curve: keep ? previous.curve.filter((p) => p.x <= event.initialEpoch) : [],
        history: keep ? previous.history.slice(0, event.initialEpoch) : [],
        progress: { epoch: event.initialEpoch, batch: 0, batchesPerEpoch: 1, epochs: event.epochs, fraction: event.initialEpoch / event.epochs, imagesPerSecond: 0, etaSeconds: null },
      });
    }
    case 'batch': {
      const s = state.runs[event.run];
      if (!s || (s.status !== 'running' && s.status !== 'paused')) return state;
      const e = event.event;
      const done = e.epoch + (e.batch + 1) / e.batchesPerEpoch;
      const rate = e.elapsedMs > 0 ? (e.examplesSeen * 1000) / e.elapsedMs : 0;
      const remaining = (s.epochs - done) * s.trainCount;
      return setRun(state, event.run, s.spec, {
        ...s,
        curve: appendPoint(s.curve, { x: done, loss: e.epochLoss, accuracy: e.epochAccuracy }),
        progress: {
          epoch: e.epoch, batch: e.batch, batchesPerEpoch: e.batchesPerEpoch, epochs: s.epochs,
          fraction: Math.min(1, done / s.epochs), imagesPerSecond: rate, etaSeconds: rate > 0 ? remaining / rate : null,
        },
      });
    }
    case 'epoch': {
      const s = state.runs[event.run];
      if (!s || (s.status !== 'running' && s.status !== 'paused')) return state;
      const { type: _type, elapsedMs: _elapsed, ...record } = event.event;
      return setRun(state, event.run, s.spec, { ...s, history: [...s.history, record] });
    }
    case 'probe': {
      const s = state.runs[event.run];
      if (!s || !isActive(s)) return state;
      return setProbes(state, event.run, withReading(state.probes[event.run] ?? [], event.reading));
    }
    case 'runState': {
      const s = state.runs[event.run];
      if (!s || (s.status !== 'running' && s.status !== 'paused') || (event.state !== 'running' && event.state !== 'paused')) return state;
      return setRun(state, event.run, s.spec, { ...s, status: event.state });
    }
    case 'runEnded': {
      const s = state.runs[event.run];
      if (!s || (s.status !== 'running' && s.status !== 'paused')) return state;
      const rate = event.result.elapsedMs > 0 ? (event.result.examplesSeen * 1000) / event.result.elapsedMs : 0;
      const next = setRun(state, event.run, s.spec, {
        status: 'done', summary: s.summary, epochs: s.epochs, curve: s.curve, history: s.history,
        result: event.result, testAccuracy: event.testAccuracy, testLoss: event.testLoss, imagesPerSecond: rate, origin: 'trained',
      });
      // A retrained model makes an old comparison stale.
      return { ...(event.result.message ? withNotice(next, 'info', event.result.message) : next), evaluation: { status: 'idle' } };
    }
    case 'runFailed': {
      const s = state.runs[event.run];
      if (!s || (s.status !== 'running' && s.status !== 'paused')) return state;
      const failed = setRun(state, event.run, s.spec, { status: 'failed', summary: s.summary, epochs: s.epochs, curve: s.curve, history: s.history, message: event.message, epochsKept: event.epochsKept });
      return withNotice(failed, 'error', event.message);
    }
    case 'evaluated':
      // A result that arrives after a model changed (evaluation was reset to idle) is stale: drop it.
      if (state.evaluation.status !== 'running' || state.evaluation.testSet !== event.testSet) return state;
      return { ...state, evaluation: { status: 'ready', testSet: event.testSet, startIndex: event.startIndex, labels: event.labels, runs: event.runs } };
    case 'prediction':
      return state.predictions && state.predictions.requestId > event.requestId ? state : { ...state, predictions: { requestId: event.requestId, predictions: event.predictions } };
    case 'error': {
      const evaluation = state.evaluation.status === 'running' ? { status: 'idle' as const } : state.evaluation;
      const examples = state.examples.status === 'building' ? { status: 'idle' as const } : state.examples;
      return withNotice({ ...state, evaluation, examples }, 'error', event.message, event.setting);
    }
    case 'memory':
      return { ...state, memory: { numTensors: event.numTensors, numBytes: event.numBytes } };
    case 'reconstruction':
      return state.reconstruction && state.reconstruction.requestId > event.requestId ? state : { ...state, reconstruction: { requestId: event.requestId, run: event.run, pixels: event.pixels } };
    case 'modelExported':
    case 'inspected': // The inspection lesson keeps its own answers (src/state/inspect.ts): they are big and per panel.
      return state;
    case 'savedList':
      return { ...state, saved: { available: event.storageAvailable, entries: event.entries } };
    case 'backup':
      return state;
    case 'info':
      return withNotice(state, 'info', event.message);
    case 'engineLost': {
      // Every model died with the worker; the page's copies come back through `modelLoaded` (restored).
      // A run that was training is marked as interrupted until its copy is back.
      const runs: Record<RunId, RunEntry> = {};
      for (const [id, run] of Object.entries(state.runs)) {
        runs[id] = isActive(run)
          ? { status: 'failed', spec: run.spec, summary: run.summary, epochs: run.epochs, curve: run.curve, history: run.history, message: 'The training worker stopped during this run.', epochsKept: 0 }
          : run;
      }
      return withNotice({ ...state, runs, engine: { status: 'starting' }, evaluation: { status: 'idle' }, examples: { status: 'idle' } }, 'error', event.message);
    }
    case 'insight':
      return state; // folded by src/state/insight.ts, which only the curve panel reads
    case 'modelLoaded': {
      if (event.restored) return restoredModel(state, event);
      const curve = event.history.map((r) => ({ x: r.epoch + 1, loss: r.loss, accuracy: r.accuracy }));
      const result: TrainResult = { reason: 'completed', epochsRun: event.epochs, history: event.history, examplesSeen: 0, elapsedMs: 0 };
      // Weights from elsewhere: the probe line measured the weights they replace.
      const loaded = setRun(setProbes(state, event.run, null), event.run, event.spec, {
        status: 'done', summary: event.summary, epochs: event.epochsPlanned, curve, history: event.history, result,
        testAccuracy: event.testAccuracy, testLoss: event.testLoss, imagesPerSecond: 0, origin: event.origin,
      });
      const next = { ...loaded, evaluation: { status: 'idle' as const } };
      // The shipped models arrive four at a time; their panels label them, and one notice is said by the store.
      return event.origin === 'pretrained' ? next : withNotice(next, 'info', `Loaded ${ORIGIN_TEXT[event.origin]} (${event.epochs} epochs of training).`);
    }
  }
}

/**
 * A model put back after the worker was restarted. A finished model keeps the panel's record of how it was
 * trained; a run that was interrupted comes back as a fault with its last good epoch, ready to continue.
 */
function restoredModel(state: LabState, event: Extract<EngineEvent, { type: 'modelLoaded' }>): LabState {
  const previous = runState(state, event.run);
  const curve = event.history.map((r) => ({ x: r.epoch + 1, loss: r.loss, accuracy: r.accuracy }));
  if (event.origin === 'autosave' && event.epochs < event.epochsPlanned) {
    return setRun(state, event.run, event.spec, {
      status: 'failed', summary: event.summary, epochs: event.epochsPlanned, curve, history: event.history, epochsKept: event.epochs,
      message: `The training worker stopped during this run; a new one has the weights after epoch ${event.epochs} of ${event.epochsPlanned}.`,
    });
  }
  // The same weights as before the crash: the panel's record and any comparison already made stay valid.
  if (previous.status === 'done') return state;
  const result: TrainResult = { reason: 'completed', epochsRun: event.epochs, history: event.history, examplesSeen: 0, elapsedMs: 0 };
  return {
    ...setRun(state, event.run, event.spec, {
      status: 'done', summary: event.summary, epochs: event.epochsPlanned, curve, history: event.history, result,
      testAccuracy: event.testAccuracy, testLoss: event.testLoss, imagesPerSecond: 0, origin: event.origin,
    }),
    evaluation: { status: 'idle' },
  };
}

/** True while a run is training or paused mid-run. */
export function isActive(step: StepState): step is Extract<StepState, { status: 'running' | 'paused' }> {
  return step.status === 'running' || step.status === 'paused';
}

/** True while any run is training or paused: one run at a time, and nothing may swap models under it. */
export function anyActive(state: LabState): boolean {
  return Object.values(state.runs).some(isActive);
}

/** Training images the app ships (what settings are checked against), or the build step's count before they load. */
export function trainImageCount(state: LabState): number {
  return state.data.status === 'ready' ? state.data.mnist.train.count : 20_000;
}

/** The architecture summaries once the engine is up, else null. */
export function selectSummaries(state: LabState): ModelSummaries | null {
  return state.engine.status === 'ready' ? state.engine.summaries : null;
}
