/**
 * The engine inside its Web Worker, fed by messages: the part of the worker that needs TensorFlow.js, loaded by
 * the worker's small first script (worker.ts). Training here leaves the page's main thread free to draw (a
 * training step on the main thread would hold up every frame until it ends).
 */
import { Engine } from './engine';
import type { Command, EngineEvent } from './messages';
import type { InitCommand } from './start-messages';
import type { EarlyProbes } from './early-probes';

/** The part of a dedicated worker's global scope we use (the DOM lib has no worker types). */
export interface WorkerScope {
  readonly name: string;
  postMessage(message: EngineEvent, transfer: Transferable[]): void;
  onmessage: ((message: MessageEvent<Command>) => void) | null;
}

/**
 * Starts the engine: it takes over the worker's messages, starts as `init` says (if the worker's name carried
 * one), then handles the commands that arrived while its code loaded, in order.
 */
export function runEngine(scope: WorkerScope, init: InitCommand | null, probes: EarlyProbes | null, waiting: readonly Command[]): void {
  const engine = new Engine((event: EngineEvent, transfer?: Transferable[]) => scope.postMessage(event, transfer ?? []), 'worker', probes);
  scope.onmessage = (message: MessageEvent<Command>) => {
    void engine.handle(message.data);
  };
  if (init !== null) void engine.handle(init);
  for (const command of waiting) void engine.handle(command);
}
