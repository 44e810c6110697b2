/**
 * The page's handle on the engine. It starts the engine in a Web Worker; if a worker cannot be created, fails
 * to start, or cannot use WebGL2 when WebGL was asked for, the same engine runs on the main thread instead
 * (it yields between batches, but the page will feel slower) and the client says why.
 *
 * A worker that never answers is the one failure a browser does not report: no error, no message, and the
 * student would watch "Starting the training engine…" for ever. So every worker has a watchdog
 * ({@link READY_TIMEOUT_MS}): one that stays silent is ended and a fresh one started, once; if that one is
 * silent too, the engine runs on the main thread.
 */
import type { BackendChoice, Command, EngineEvent, EngineMode } from '../runtime/messages';
import { engineWorkerName } from '../runtime/start-messages';

/** Receives every engine event. */
export type Listener = (event: EngineEvent) => void;

/** A started engine, wherever it runs. */
export interface EngineClient {
  readonly mode: EngineMode;
  /**
   * Why the engine runs on the main thread although a worker was wanted (a clause, e.g. "the training worker
   * did not start …"), or null when it runs where it was asked to.
   */
  readonly fallback: string | null;
  send(command: Command, transfer?: Transferable[]): void;
  dispose(): void;
}

/**
 * How long a worker may take to announce itself before it is given up on. A healthy start here takes 1-3 s
 * (download and parse TensorFlow.js, compile its WebAssembly, probe the GPU), and a slow laptop under load
 * perhaps five times that; past 20 s the student has waited long enough to think the lab broken, and a worker
 * that silent is far more likely stuck than slow.
 */
export const READY_TIMEOUT_MS = 20_000;

/** Workers tried before the main thread: the first, and one fresh one if the first never answered. */
export const WORKER_ATTEMPTS = 2;

/** The mark the page sets when the engine's `ready` arrives (the benchmark reads it against navigation start). */
export const ENGINE_READY_MARK = 'pretext-lab:engine-ready';

/** The part of a Web Worker the client uses, so a test can hand it a fake one. */
export interface WorkerLike {
  onmessage: ((message: MessageEvent<EngineEvent>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(command: Command, transfer: Transferable[]): void;
  terminate(): void;
}

/** Makes a worker with the given name (the name carries its start order: src/runtime/start-messages.ts). */
export type WorkerFactory = (name: string) => WorkerLike;

/** The real engine worker. */
const engineWorker: WorkerFactory = (name) => new Worker(new URL('../runtime/worker.ts', import.meta.url), { type: 'module', name });

/**
 * A worker that loads and then says nothing, for the start-up fault test (`?faults=hang-once`): the state the
 * watchdog exists for, made without touching the engine's code.
 */
const silentWorker: WorkerFactory = (name) => new Worker(URL.createObjectURL(new Blob([''], { type: 'text/javascript' })), { name });

/** The watchdog's wait for a worker the fault test made silent: it will never answer, so no need to wait 20 s. */
const SILENT_TEST_TIMEOUT_MS = 1_000;

/** Why a worker did not become usable. `silent`: it never answered, so another try may do better. */
export class WorkerStartError extends Error {
  /** True when the worker simply never answered. */
  readonly silent: boolean;

  constructor(message: string, silent: boolean) {
    super(message);
    this.silent = silent;
    this.name = 'WorkerStartError';
  }
}

/**
 * One worker on its way up. From the moment it is made it watches the clock and keeps its events, so it can be
 * made before anyone listens (see {@link prestartEngine}) and handed to the store's listener later.
 */
export class WorkerStart {
  /** Settles when the worker says `ready` (or fails, or stays silent too long). */
  readonly ready: Promise<void>;
  private listener: Listener | null = null;
  private held: EngineEvent[] = [];
  private isReady = false;

  readonly worker: WorkerLike;
  readonly choice: BackendChoice;
  readonly webglDisabled: boolean;

  constructor(worker: WorkerLike, choice: BackendChoice, webglDisabled: boolean, timeoutMs: number) {
    this.worker = worker;
    this.choice = choice;
    this.webglDisabled = webglDisabled;
    this.ready = new Promise<void>((resolve, reject) => {
      const fail = (error: WorkerStartError) => {
        clearTimeout(timer);
        worker.terminate();
        reject(error);
      };
      const timer = setTimeout(() => {
        fail(new WorkerStartError(`no answer within ${Math.round(timeoutMs / 1000)} s`, true));
      }, timeoutMs);
      worker.onmessage = (message) => {
        const event = message.data;
        if (!this.isReady && event.type === 'ready') {
          clearTimeout(timer);
          this.isReady = true;
          if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(ENGINE_READY_MARK);
          if (choice === 'webgl' && !event.webgl2InWorker) {
            fail(new WorkerStartError('WebGL2 is not available inside a Web Worker in this browser', false));
            return;
          }
          resolve();
        } else if (!this.isReady && event.type === 'error') {
          fail(new WorkerStartError(event.message, false));
          return;
        }
        this.deliver(event);
      };
      worker.onerror = (err) => {
        if (!this.isReady) {
          fail(new WorkerStartError(err.message || 'the worker failed to load', false));
        } else {
          // Something escaped the engine's own error handling: the worker and every model in it are gone or
          // in an unknown state. End it for certain and let the page start a new one (see state/recovery.ts).
          err.preventDefault();
          worker.terminate();
          this.deliver({ type: 'engineLost', message: `The training worker crashed (${err.message || 'no reason given'}).` });
        }
      };
      worker.onmessageerror = () => {
        if (this.isReady) this.deliver({ type: 'error', message: 'A message from the training worker could not be read; try the last step again.' });
      };
    });
    // A failure is read by whoever adopts this start; until then it must not count as unhandled.
    this.ready.catch(() => undefined);
  }

  /** Hands every event, those kept so far first, to `listener`. */
  attach(listener: Listener): void {
    this.listener = listener;
    const held = this.held;
    this.held = [];
    for (const event of held) listener(event);
  }

  private deliver(event: EngineEvent): void {
    if (this.listener) this.listener(event);
    else this.held.push(event);
  }
}

/** Makes a worker that starts its engine at once, as its name tells it (no `init` message needed). */
export function spawn(factory: WorkerFactory, choice: BackendChoice, webglDisabled: boolean, timeoutMs: number): WorkerStart {
  let worker: WorkerLike;
  try {
    worker = factory(engineWorkerName({ type: 'init', backend: choice, webglDisabled }));
  } catch (err) {
    throw new WorkerStartError(err instanceof Error ? err.message : String(err), false);
  }
  return new WorkerStart(worker, choice, webglDisabled, timeoutMs);
}

/** A worker started before the page's own code ran (src/boot.ts), waiting for {@link startEngine} to adopt it. */
let prestarted: WorkerStart | null = null;

/**
 * Starts the engine's worker now, before the page has built itself: the worker then downloads and starts
 * TensorFlow.js while the page's main thread is still busy with its own JavaScript. {@link startEngine}, called
 * with the same choice, adopts it instead of starting another.
 */
export function prestartEngine(choice: BackendChoice, webglDisabled: boolean): void {
  if (prestarted !== null || typeof Worker === 'undefined') return;
  try {
    prestarted = spawn(engineWorker, choice, webglDisabled, READY_TIMEOUT_MS);
  } catch {
    prestarted = null; // startEngine will try again, and say why if it cannot
  }
}

/** What {@link startInWorker} needs besides the choice: how to make each attempt's worker, and how long to wait for it. */
export interface WorkerPlan {
  /** The factory and watchdog time for attempt `i` (0-based). */
  readonly attempt: (i: number) => { readonly factory: WorkerFactory; readonly timeoutMs: number };
  /** A worker already on its way up, used as the first attempt if it was started with the same choice. */
  readonly adopt?: WorkerStart | null;
}

/** A worker engine, or why there is none (a clause: "the training worker did not start …"). */
export type WorkerOutcome = { readonly client: EngineClient } | { readonly problem: string };

/**
 * Starts the engine in a worker, with the watchdog: a worker that stays silent past its time is ended and a
 * fresh one tried, up to {@link WORKER_ATTEMPTS} in all; a worker that fails with an error is not retried (the
 * same error would come back). Never rejects.
 */
export async function startInWorker(listener: Listener, choice: BackendChoice, webglDisabled: boolean, plan: WorkerPlan): Promise<WorkerOutcome> {
  const waits: number[] = [];
  for (let i = 0; i < WORKER_ATTEMPTS; i++) {
    const { factory, timeoutMs } = plan.attempt(i);
    const adopt = i === 0 ? plan.adopt ?? null : null;
    const fits = adopt !== null && adopt.choice === choice && adopt.webglDisabled === webglDisabled;
    if (adopt !== null && !fits) adopt.worker.terminate(); // started for another choice: not wanted now
    let start: WorkerStart;
    try {
      start = fits ? adopt : spawn(factory, choice, webglDisabled, timeoutMs);
    } catch (err) {
      return { problem: `the training worker could not be created (${err instanceof Error ? err.message : String(err)})` };
    }
    try {
      start.attach(listener);
      await start.ready;
      const worker = start.worker;
      return {
        client: {
          mode: 'worker',
          fallback: null,
          send: (command, transfer) => worker.postMessage(command, transfer ?? []),
          dispose: () => worker.terminate(),
        },
      };
    } catch (err) {
      if (!(err instanceof WorkerStartError && err.silent)) {
        return { problem: `the training worker could not be used (${err instanceof Error ? err.message : String(err)})` };
      }
      waits.push(fits ? READY_TIMEOUT_MS : timeoutMs);
    }
  }
  const seconds = Math.round(Math.max(...waits) / 1000);
  return { problem: waits.length === 1 ? `the training worker did not start (no answer within ${seconds} s)` : `the training worker did not start, ${waits.length === 2 ? 'twice' : `${waits.length} times`} (no answer within ${seconds} s)` };
}

async function startMain(listener: Listener, choice: BackendChoice, webglDisabled: boolean, fallback: string | null): Promise<EngineClient> {
  // Loaded only when needed, so the page does not carry the engine when the worker works.
  const { Engine } = await import('../runtime/engine');
  const engine = new Engine((event) => queueMicrotask(() => listener(event)), 'main');
  const client: EngineClient = {
    mode: 'main',
    fallback,
    send: (command) => void engine.handle(command),
    dispose: () => engine.handle({ type: 'reset' }),
  };
  await engine.handle({ type: 'init', backend: choice, webglDisabled });
  performance.mark(ENGINE_READY_MARK);
  return client;
}

/**
 * Starts the engine with the given backend choice. `preferMain` forces the main thread (for the benchmark's
 * comparison of the two modes); `webglDisabled` treats WebGL as absent (for a flaky GPU, or to try the
 * fallback); `silentWorkers` makes that many first workers never answer (the start-up fault test,
 * `?faults=hang-once` / `hang-always`; those are given up on after 1 s, since they never answer).
 * Resolves once the engine has announced itself with a `ready` event.
 */
export async function startEngine(listener: Listener, choice: BackendChoice, preferMain = false, webglDisabled = false, silentWorkers = 0): Promise<EngineClient> {
  let fallback: string | null = null;
  if (!preferMain && typeof Worker !== 'undefined') {
    const adopt = silentWorkers > 0 ? null : prestarted;
    if (silentWorkers > 0) prestarted?.worker.terminate();
    prestarted = null;
    const outcome = await startInWorker(listener, choice, webglDisabled, {
      attempt: (i) => (i < silentWorkers ? { factory: silentWorker, timeoutMs: SILENT_TEST_TIMEOUT_MS } : { factory: engineWorker, timeoutMs: READY_TIMEOUT_MS }),
      adopt,
    });
    if ('client' in outcome) return outcome.client;
    // Said once, in the header's status line (the store puts `fallback` there), rather than also as a notice.
    fallback = outcome.problem;
  }
  return startMain(listener, choice, webglDisabled, fallback);
}
