/**
 * The benchmark page's URL parameters: `?backend=wasm|webgl|cpu&mode=worker|main&epochs=N&images=M`
 * (plus `warmup`, `memory=0|1`, `rotations=0|1`, and `threads=N` to train with N WASM threads in the
 * benchmark's own worker, and `task=<id>` to train another pretext task than rotation). Parsed on the page,
 * built by the Node driver.
 */
import { BACKEND_NAMES, type BackendName } from '../ml/backends/activate';
import { isTaskId } from '../ml/tasks/registry';
import type { EngineMode } from '../runtime/messages';
import type { BenchParams } from './types';

/** Values used when the URL leaves a parameter out. */
export const DEFAULT_PARAMS: BenchParams = {
  backend: 'wasm',
  mode: 'worker',
  epochs: 3,
  warmupEpochs: 1,
  images: 9_600,
  memory: true,
  rotations: true,
  threads: null,
  task: 'rotation',
};

function whole(search: URLSearchParams, key: string, fallback: number, min: number): number {
  const raw = search.get(key);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${key} must be a whole number of at least ${min}, got "${raw}"`);
  return value;
}

function flag(search: URLSearchParams, key: string, fallback: boolean): boolean {
  const raw = search.get(key);
  if (raw === null) return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new RangeError(`${key} must be 0 or 1, got "${raw}"`);
}

/** Reads the parameters from a query string; throws a RangeError naming the first bad one. */
export function parseBenchParams(query: string): BenchParams {
  const search = new URLSearchParams(query);
  const backend = search.get('backend') ?? DEFAULT_PARAMS.backend;
  if (!(BACKEND_NAMES as readonly string[]).includes(backend)) throw new RangeError(`backend must be one of ${BACKEND_NAMES.join(', ')}, got "${backend}"`);
  const mode = search.get('mode') ?? DEFAULT_PARAMS.mode;
  if (mode !== 'worker' && mode !== 'main') throw new RangeError(`mode must be worker or main, got "${mode}"`);
  const images = whole(search, 'images', DEFAULT_PARAMS.images, 4);
  const task = search.get('task') ?? DEFAULT_PARAMS.task;
  if (!isTaskId(task)) throw new RangeError(`task must be a pretext task's id, got "${task}"`);
  if (images % 4 !== 0) throw new RangeError(`images must be a multiple of 4 (each MNIST image at four angles), got ${images}`);
  return {
    backend: backend as BackendName,
    mode: mode as EngineMode,
    epochs: whole(search, 'epochs', DEFAULT_PARAMS.epochs, 1),
    warmupEpochs: whole(search, 'warmup', DEFAULT_PARAMS.warmupEpochs, 0),
    images,
    memory: flag(search, 'memory', DEFAULT_PARAMS.memory),
    rotations: flag(search, 'rotations', DEFAULT_PARAMS.rotations),
    threads: search.has('threads') ? whole(search, 'threads', 1, 1) : null,
    task,
  };
}

/** The query string (without "?") that asks for `params`. */
export function benchQuery(params: BenchParams): string {
  const query = new URLSearchParams({
    backend: params.backend,
    mode: params.mode,
    epochs: String(params.epochs),
    warmup: String(params.warmupEpochs),
    images: String(params.images),
    memory: params.memory ? '1' : '0',
    rotations: params.rotations ? '1' : '0',
  });
  if (params.threads !== null) query.set('threads', String(params.threads));
  if (params.task !== DEFAULT_PARAMS.task) query.set('task', params.task);
  return query.toString();
}
