/**
 * What one benchmark page run measures and hands back (as `window.__benchResult`), shared by the page
 * (src/bench) and the Node driver (scripts/bench.ts). Plain data only, so it survives JSON and Playwright.
 */
import type { BackendName } from '../ml/backends/activate';
import type { TaskId } from '../ml/tasks/registry';
import type { BackendInfo, EngineMode } from '../runtime/messages';

/** What the page is asked to measure, from its URL (see params.ts). */
export interface BenchParams {
  readonly backend: BackendName;
  /** Where the engine should run; the result's `mode` says where it actually ran. */
  readonly mode: EngineMode;
  /** Measured epochs, after the warm-up ones. */
  readonly epochs: number;
  /** Epochs run first and left out of the figures (shader compilation, JIT, allocator growth). */
  readonly warmupEpochs: number;
  /** Rotated images per epoch (a quarter of that many MNIST images, each at four angles). */
  readonly images: number;
  /** Also train the two 10-digit heads (one epoch each) and compare tf.memory() before and after. */
  readonly memory: boolean;
  /** Time building the lecture's 40,000 rotated images (the engine's makeRotations) first. */
  readonly rotations: boolean;
  /** WASM threads to train with, in the benchmark's own worker; null: the app's worker and its own choice. */
  readonly threads: number | null;
  /** The pretext task trained (rotation, the lecture's, unless a per-task run asks for another). */
  readonly task: TaskId;
}

/** Median, min and max of per-epoch rates. */
export interface RateSummary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Gaps between animation frames on the page's main thread, in ms. */
export interface GapSummary {
  readonly max: number;
  readonly p95: number;
  /** How many gaps were measured. */
  readonly frames: number;
}

/** One epoch of pretext training. */
export interface EpochRate {
  /** 0-based. */
  readonly epoch: number;
  readonly warmup: boolean;
  readonly images: number;
  /** Time inside the training steps, by the trainer's own clock (batch building, forward, backward, readback). */
  readonly trainMs: number;
  readonly imagesPerSecond: number;
  /** Wall-clock time on the page between the epoch's last batch event and the previous epoch's. */
  readonly wallMs: number;
  readonly wallImagesPerSecond: number;
}

/** When the page's longest frame gap happened, relative to the training events. */
export interface LongestGap {
  readonly ms: number;
  /** When the gap began, in ms after the train command was sent. */
  readonly startedAtMs: number;
  /** The last batch event that had arrived when the gap began (null: before the first batch ended). */
  readonly afterEpoch: number | null;
  readonly afterBatch: number | null;
}

/** tf.memory().numTensors in the engine at the points the benchmark looks. */
export interface TensorCounts {
  /** Right after the engine is ready (and reset). */
  readonly before: number;
  /** After pretext training, with the pretext model alive. */
  readonly afterPretext: number | null;
  /** After the two heads were trained too, with all three models alive. */
  readonly afterSteps: number | null;
  /** Right after a reset disposed the models (work still in flight, such as an autosave, may hold a few). */
  readonly afterResetImmediate: number | null;
  /** After the reset, once the count stopped changing or came back to `before` (at most ~10 s): should equal `before`. */
  readonly after: number | null;
}

/** Train, reset and retrain many times in one engine: tensors and bytes after each reset, against the start. */
export interface MemoryCycles {
  readonly cycles: number;
  /** tf.memory() in the engine after the first reset, before any cycle. */
  readonly before: { readonly tensors: number; readonly bytes: number };
  /** After each cycle's reset (once the count settled, at most ~10 s). */
  readonly afterEach: readonly { readonly tensors: number; readonly bytes: number }[];
  /** True when every cycle ended exactly where the first began. */
  readonly flat: boolean;
}

/** A run that measured something. */
export interface BenchRunOk {
  readonly ok: true;
  readonly params: BenchParams;
  readonly backend: BackendInfo;
  readonly mode: EngineMode;
  /** Things worth knowing that did not stop the run (e.g. a fallback to the main thread). */
  readonly notes: readonly string[];
  readonly crossOriginIsolated: boolean;
  readonly hardwareConcurrency: number;
  readonly userAgent: string;
  readonly mnistLoadMs: number;
  /** The lecture's 40,000 rotated images (null when not asked for). */
  readonly rotationBuildMs: number | null;
  readonly rotationCount: number | null;
  readonly pretextCount: number;
  readonly imagesPerEpoch: number;
  readonly batchSize: number;
  /** Every epoch, warm-up included. */
  readonly epochs: readonly EpochRate[];
  /** Over the measured epochs, by the trainer's clock. */
  readonly imagesPerSecond: RateSummary;
  /** Over the measured epochs, by the page's wall clock (includes per-batch event and scheduling overhead). */
  readonly wallImagesPerSecond: RateSummary;
  /** While the pretext model trained, warm-up included (null if the page drew no frames). */
  readonly frameGapMs: GapSummary | null;
  /** While the measured epochs trained. */
  readonly frameGapMsAfterWarmup: GapSummary | null;
  readonly longestFrameGap: LongestGap | null;
  readonly tensors: TensorCounts;
  /** Ten train-reset cycles (null when `memory` was off). */
  readonly memoryCycles: MemoryCycles | null;
  readonly totalMs: number;
}

/** A run that could not measure: `unavailable` when the backend (or mode) is not there, `error` otherwise. */
export interface BenchRunFailed {
  readonly ok: false;
  readonly kind: 'unavailable' | 'error';
  readonly params: BenchParams | null;
  readonly error: string;
  readonly notes: readonly string[];
}

/** What the page publishes when it is done. */
export type BenchRunResult = BenchRunOk | BenchRunFailed;

declare global {
  interface Window {
    /** Set by the benchmark page (bench.html) once its run has finished, successfully or not. */
    __benchResult?: BenchRunResult;
  }
}
