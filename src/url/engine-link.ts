/**
 * What a link says about starting the training engine, read on its own: the page's first script
 * (src/boot.ts) starts the engine's worker from it before the rest of the page, and the full link parser
 * (url-state.ts, which reads the lesson registry and so cannot be in that first script) reads the backend
 * the same way.
 *
 * Pure, tested in Node.
 */
import { isBackendChoice, type BackendChoice } from '../runtime/messages';

/**
 * `?faults=hang-once` and `?faults=hang-always`: the first worker, or every worker, is made to stay silent, so a
 * test can watch the page give up on it (tests only, like `faults=on`: see src/state/fault-hook.ts).
 */
const SILENT_WORKERS: Readonly<Record<string, number>> = { 'hang-once': 1, 'hang-always': 2 };

/** How the page should start its engine. */
export interface EngineLink {
  readonly backend: BackendChoice;
  readonly webglOff: boolean;
  /** How many first workers to make silent (the start-up fault test); 0 normally. */
  readonly silentWorkers: number;
}

/** The backend a link's `backend` value names; `auto` for none or one that is not a choice (url-state.ts says so). */
export function backendFromLink(text: string | null): BackendChoice {
  return text !== null && isBackendChoice(text) ? text : 'auto';
}

/** How the page a link opens starts its engine. */
export function engineLink(search: string): EngineLink {
  const params = new URLSearchParams(search);
  return {
    backend: backendFromLink(params.get('backend')),
    webglOff: params.get('webgl') === 'off',
    silentWorkers: SILENT_WORKERS[params.get('faults') ?? ''] ?? 0,
  };
}

/**
 * Whether the engine may be started before the page knows which page it is: not for the speaker view (which
 * never starts one) nor for an embedded lesson (whose name is checked against the registry first).
 */
export function startsEngineAtOnce(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.get('mode') !== 'speaker' && !params.has('embed') && engineLink(search).silentWorkers === 0;
}
