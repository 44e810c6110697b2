/**
 * The benchmark's own engine worker: the app's engine, with the WASM thread count fixed from the worker's
 * name ("bench-threads-N") before the backend starts, so the benchmark can compare 1 and 2 threads while
 * training in a worker. The app's worker (src/runtime/worker.ts) always chooses by core count.
 */
import { overrideWasmThreads } from '../runtime/backends';
import { Engine } from '../runtime/engine';
import type { Command, EngineEvent } from '../runtime/messages';

interface WorkerScope {
  readonly name: string;
  postMessage(message: EngineEvent, transfer: Transferable[]): void;
  onmessage: ((message: MessageEvent<Command>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const threads = Number(/^bench-threads-(\d+)$/.exec(scope.name)?.[1]);
overrideWasmThreads(Number.isInteger(threads) && threads > 0 ? threads : null);
const engine = new Engine((event: EngineEvent, transfer?: Transferable[]) => scope.postMessage(event, transfer ?? []), 'worker');

scope.onmessage = (message: MessageEvent<Command>) => {
  void engine.handle(message.data);
};
