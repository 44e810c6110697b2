/**
 * The Web Worker entry: the engine, fed by messages. Training here leaves the page's main thread free to draw
 * (a training step on the main thread would hold up every frame until it ends).
 */
import { Engine } from './engine';
import type { Command, EngineEvent } from './messages';
import { initFromWorkerName } from './start-messages';

/** The part of a dedicated worker's global scope we use (the DOM lib has no worker types). */
interface WorkerScope {
  readonly name: string;
  postMessage(message: EngineEvent, transfer: Transferable[]): void;
  onmessage: ((message: MessageEvent<Command>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const engine = new Engine((event: EngineEvent, transfer?: Transferable[]) => scope.postMessage(event, transfer ?? []), 'worker');

scope.onmessage = (message: MessageEvent<Command>) => {
  void engine.handle(message.data);
};

// The page's worker carries its start order in its name (see start-messages.ts); start without waiting for it.
const init = initFromWorkerName(scope.name);
if (init !== null) void engine.handle(init);
