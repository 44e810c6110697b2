/**
 * The page's handle on the engine. It starts the engine in a Web Worker; if a worker cannot be created, fails
 * to start, or cannot use WebGL2 when WebGL was asked for, the same engine runs on the main thread instead
 * (it yields between batches, but the page will feel slower) and the mode says so.
 */
import type { BackendChoice, Command, EngineEvent, EngineMode } from '../runtime/messages';

/** Receives every engine event. */
export type Listener = (event: EngineEvent) => void;

/** A started engine, wherever it runs. */
export interface EngineClient {
  readonly mode: EngineMode;
  send(command: Command, transfer?: Transferable[]): void;
  dispose(): void;
}

function startWorker(listener: Listener, choice: BackendChoice, webglDisabled: boolean): Promise<EngineClient> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('../runtime/worker.ts', import.meta.url), { type: 'module', name: 'pretext-lab-engine' });
    } catch (err) {
      reject(err);
      return;
    }
    let ready = false;
    const client: EngineClient = {
      mode: 'worker',
      send: (command, transfer) => worker.postMessage(command, transfer ?? []),
      dispose: () => worker.terminate(),
    };
    worker.onmessage = (message: MessageEvent<EngineEvent>) => {
      const event = message.data;
      if (!ready && event.type === 'ready') {
        ready = true;
        if (choice === 'webgl' && !event.webgl2InWorker) {
          worker.terminate();
          reject(new Error('WebGL2 is not available inside a Web Worker in this browser'));
          return;
        }
        resolve(client);
      } else if (!ready && event.type === 'error') {
        worker.terminate();
        reject(new Error(event.message));
        return;
      }
      listener(event);
    };
    worker.onerror = (err) => {
      if (!ready) {
        worker.terminate();
        reject(new Error(err.message || 'the worker failed to load'));
      } else {
        // Something escaped the engine's own error handling: the worker and every model in it are gone or
        // in an unknown state. End it for certain and let the page start a new one (see state/recovery.ts).
        err.preventDefault();
        worker.terminate();
        listener({ type: 'engineLost', message: `The training worker crashed (${err.message || 'no reason given'}).` });
      }
    };
    worker.onmessageerror = () => {
      if (ready) listener({ type: 'error', message: 'A message from the training worker could not be read; try the last step again.' });
    };
    worker.postMessage({ type: 'init', backend: choice, webglDisabled } satisfies Command);
  });
}

async function startMain(listener: Listener, choice: BackendChoice, webglDisabled: boolean): Promise<EngineClient> {
  // Loaded only when needed, so the page does not carry the engine when the worker works.
  const { Engine } = await import('../runtime/engine');
  const engine = new Engine((event) => queueMicrotask(() => listener(event)), 'main');
  const client: EngineClient = {
    mode: 'main',
    send: (command) => void engine.handle(command),
    dispose: () => engine.handle({ type: 'reset' }),
  };
  await engine.handle({ type: 'init', backend: choice, webglDisabled });
  return client;
}

/**
 * Starts the engine with the given backend choice. `preferMain` forces the main thread (for the benchmark's
 * comparison of the two modes); `webglDisabled` treats WebGL as absent (for a flaky GPU, or to try the
 * fallback). Resolves once the engine has announced itself with a `ready` event.
 */
export async function startEngine(listener: Listener, choice: BackendChoice, preferMain = false, webglDisabled = false): Promise<EngineClient> {
  if (!preferMain && typeof Worker !== 'undefined') {
    try {
      return await startWorker(listener, choice, webglDisabled);
    } catch (err) {
      listener({ type: 'error', message: `Training runs on the main thread because the worker could not be used: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  return startMain(listener, choice, webglDisabled);
}
