/**
 * A pool of worker processes for `npm run leaderboard`: the cells of the table (one row of one seed each) are
 * handed out in the order asked, each to the next free process. tfjs's WASM backend runs one thread in Node,
 * so one process per core is how a recording uses the whole machine; a cell's numbers do not depend on which
 * process measured it or what it measured before (every seed comes from the cell itself).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PresetName } from '../src/ml/config/presets';
import type { TestSetName } from '../src/ml/data/splits';
import type { CellRunner } from '../src/ml/experiment/leaderboard';
import type { CellRecord, LeaderboardCell } from '../src/ml/experiment/leaderboard-rows';
import type { LeaderboardHead } from '../src/ml/experiment/leaderboard-types';
import type { NodeBackend } from './reproduce-args';

/** What every worker is told once, before its first cell. */
export interface WorkerSetup {
  readonly kind: 'setup';
  readonly backend: NodeBackend;
  readonly preset: PresetName;
  readonly test: TestSetName;
  readonly head: LeaderboardHead;
  /** The trunk store's folder (shared by the workers: each writes only its own cells' files), or null. */
  readonly cache: string | null;
}

/** A cell to measure. */
export interface PoolRequest {
  readonly kind: 'measure';
  readonly id: number;
  readonly cell: LeaderboardCell;
}

/** A worker's answers: started, a cell's record, or why a cell (or, with id -1, the start) failed. */
export type PoolAnswer =
  | { readonly kind: 'ready' }
  | { readonly kind: 'measured'; readonly id: number; readonly record: CellRecord; readonly ms: number }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

interface Pending {
  readonly request: PoolRequest;
  resolve(record: CellRecord): void;
  reject(err: Error): void;
}

/** A running pool: measures cells, and must be closed when the recording is done (or failed). */
export interface WorkerPool extends CellRunner {
  /** How long the worker took to measure `cell` (once measured). */
  secondsFor(cell: LeaderboardCell): number | undefined;
  close(): void;
}

const WORKER_SCRIPT = fileURLToPath(new URL('./leaderboard-worker.ts', import.meta.url));

/**
 * A pool of at most `size` worker processes (they inherit this process's `--import tsx`), each started when a
 * cell is waiting and none is free, so a recording with fewer cells left than `size` starts fewer.
 */
export function startPool(size: number, setup: Omit<WorkerSetup, 'kind'>): WorkerPool {
  const queue: Pending[] = [];
  const busy = new Map<ChildProcess, Pending>();
  const idle: ChildProcess[] = [];
  const children: ChildProcess[] = [];
  let nextId = 0;
  let failure: Error | null = null;
  let closing = false;
  const seconds = new Map<string, number>();

  const fail = (err: Error) => {
    failure ??= err;
    for (const p of [...queue.splice(0), ...busy.values()]) p.reject(failure);
    busy.clear();
  };
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const child = idle.pop() as ChildProcess;
      const pending = queue.shift() as Pending;
      busy.set(child, pending);
      child.send(pending.request);
    }
    // A worker still starting counts as one that will take a waiting cell.
    const starting = children.length - idle.length - busy.size;
    if (queue.length > starting && children.length < size) startWorker();
  };
  const startWorker = () => {
    const child = fork(WORKER_SCRIPT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    child.on('message', (answer: PoolAnswer) => {
      if (answer.kind === 'ready') {
        idle.push(child);
      } else {
        if (answer.kind === 'failed' && answer.id === -1) return fail(new Error(`a leaderboard worker could not start: ${answer.message}`));
        const pending = busy.get(child);
        if (!pending || pending.request.id !== answer.id) return;
        busy.delete(child);
        idle.push(child);
        if (answer.kind === 'measured') {
          seconds.set(`${pending.request.cell.row}.${pending.request.cell.seed}`, answer.ms / 1000);
          pending.resolve(answer.record);
        }
        else pending.reject(new Error(`${pending.request.cell.row} seed ${pending.request.cell.seed}: ${answer.message}`));
      }
      dispatch();
    });
    child.on('exit', (code, signal) => {
      if (!closing) fail(new Error(`a leaderboard worker stopped (${signal ?? `exit code ${code}`})`));
    });
    child.send({ kind: 'setup', ...setup } satisfies WorkerSetup);
  };

  return {
    measure(cell) {
      if (failure) return Promise.reject(failure);
      return new Promise<CellRecord>((resolve, reject) => {
        queue.push({ request: { kind: 'measure', id: nextId++, cell }, resolve, reject });
        dispatch();
      });
    },
    secondsFor: (cell) => seconds.get(`${cell.row}.${cell.seed}`),
    close() {
      closing = true;
      for (const child of children) child.kill();
    },
  };
}
