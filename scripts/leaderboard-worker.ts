/**
 * One worker process of `npm run leaderboard --workers N`: loads MNIST and the backend once, then measures the
 * cells its parent sends (scripts/leaderboard-pool.ts), one at a time, and answers each with its record.
 * tfjs's WASM backend runs one thread in Node, so a second core is only used by a second process.
 */
import { loadMnistFromDisk } from '../src/ml/data/node-assets';
import { makeSplits } from '../src/ml/data/splits';
import { activateBackend } from '../src/ml/backends/activate';
import { leaderboardConfig, measureCell } from '../src/ml/experiment/leaderboard-rows';
import { folderTrunkStore } from './trunk-store';
import type { PoolRequest, PoolAnswer, WorkerSetup } from './leaderboard-pool';

function send(answer: PoolAnswer): void {
  process.send?.(answer);
}

async function start(setup: WorkerSetup): Promise<(request: PoolRequest) => Promise<void>> {
  await activateBackend(setup.backend);
  const mnist = await loadMnistFromDisk();
  const splits = makeSplits(mnist, leaderboardConfig(setup.preset, 'rotation', 1, setup.test).splits);
  const store = setup.cache ? folderTrunkStore(setup.cache) : undefined;
  const setting = { preset: setup.preset, test: setup.test, head: setup.head, store };
  return async ({ id, cell }) => {
    try {
      const started = performance.now();
      const record = await measureCell(splits, setting, cell);
      send({ kind: 'measured', id, record, ms: performance.now() - started });
    } catch (err) {
      send({ kind: 'failed', id, message: err instanceof Error ? (process.env.DEBUG ? String(err.stack) : err.message) : String(err) });
    }
  };
}

// A recording that is stopped (Ctrl-C, a kill) closes the channel: the worker stops with it instead of training on.
process.on('disconnect', () => process.exit(1));

let handler: Promise<(request: PoolRequest) => Promise<void>> | null = null;
// Cells arrive one at a time (the pool waits for each answer), so they never interleave in this process.
process.on('message', (message: WorkerSetup | PoolRequest) => {
  if (message.kind === 'setup') {
    handler = start(message);
    handler.then(() => send({ kind: 'ready' }), (err: unknown) => send({ kind: 'failed', id: -1, message: err instanceof Error ? err.message : String(err) }));
  } else if (handler) {
    void handler.then((measure) => measure(message));
  }
});
