/**
 * The Web Worker entry, kept small: it reads its start order, asks the GPU questions the start will need
 * (early-probes.ts), and only then loads the engine and TensorFlow.js (engine-worker.ts). Loading that code is
 * most of a start (downloading and compiling about 1.3 MB), and the WebGL probe takes 0.3-1 s on a software
 * renderer; begun here, the two run side by side instead of one after the other.
 */
import type { Command } from './messages';
import { initFromWorkerName } from './start-messages';
import { startProbes } from './early-probes';
import type { WorkerScope } from './engine-worker';

const scope = self as unknown as WorkerScope;

// The page's worker carries its start order in its name (see start-messages.ts); start without waiting for it.
const init = initFromWorkerName(scope.name);

// Commands that arrive while the engine's code loads wait here, in order (the page sends none before `ready`,
// but nothing may be lost if it ever does).
const waiting: Command[] = [];
scope.onmessage = (message: MessageEvent<Command>) => {
  waiting.push(message.data);
};

// The GPU questions the start will ask, asked now, so they are answered by the time TensorFlow.js has loaded.
const probes = init === null ? null : startProbes(init.backend, init.webglDisabled);

import('./engine-worker').then(
  ({ runEngine }) => runEngine(scope, init, probes, waiting),
  (err: unknown) => {
    // Said as an error, so the page gives up on this worker at once rather than waiting for its watchdog.
    scope.postMessage({ type: 'error', message: `the engine's code could not be loaded (${err instanceof Error ? err.message : String(err)})` }, []);
  },
);
