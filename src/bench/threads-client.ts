/**
 * Starts the benchmark's engine worker (threads-worker.ts) with a fixed number of WASM threads. Unlike the
 * app's startEngine it never falls back to the main thread: a thread-count run that cannot use a worker
 * measures nothing, and says why.
 */
import type { EngineClient, Listener } from '../client/client';
import type { BackendChoice, Command, EngineEvent } from '../runtime/messages';

/** Resolves once the engine in the new worker is ready; rejects if it fails to start. */
export function startThreadsWorker(listener: Listener, choice: BackendChoice, threads: number): Promise<EngineClient> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./threads-worker.ts', import.meta.url), { type: 'module', name: `bench-threads-${threads}` });
    let ready = false;
    const client: EngineClient = {
      mode: 'worker',
      fallback: null,
      send: (command, transfer) => worker.postMessage(command, transfer ?? []),
      dispose: () => worker.terminate(),
    };
    worker.onmessage = (message: MessageEvent<EngineEvent>) => {
      const event = message.data;
      if (!ready && event.type === 'error') {
        worker.terminate();
        reject(new Error(event.message));
        return;
      }
      if (!ready && event.type === 'ready') {
        ready = true;
        resolve(client);
      }
      listener(event);
    };
    worker.onerror = (err) => {
      if (!ready) {
        worker.terminate();
        reject(new Error(err.message || 'the benchmark worker failed to load'));
      } else {
        listener({ type: 'error', message: `The benchmark worker crashed: ${err.message}` });
      }
    };
    worker.postMessage({ type: 'init', backend: choice, webglDisabled: false } satisfies Command);
  });
}
