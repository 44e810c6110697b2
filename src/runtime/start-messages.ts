/**
 * The start order a training worker is born with, carried in its name.
 *
 * A message posted to a module worker before its script has run is not handed over at once: Chromium keeps it
 * on the page's side until the worker's script has been evaluated and the page's main thread is free to pass it
 * on. At start-up the page's main thread is busy for seconds building the lessons, so an `init` posted beside
 * `new Worker(...)` sat there long after the worker was ready for it. The worker's name (WorkerOptions.name)
 * is there as soon as its code runs, so the order travels in it: the worker starts its engine at once.
 */
import { isBackendChoice, type Command } from './messages';

/** The `init` command a worker carries in its name. */
export type InitCommand = Extract<Command, { readonly type: 'init' }>;

/** The start of every engine worker's name (it also labels the worker in the browser's developer tools). */
export const ENGINE_WORKER_NAME = 'pretext-lab-engine';

/** The name to give a worker that should start its engine as `init` says, e.g. "pretext-lab-engine?backend=auto". */
export function engineWorkerName(init: InitCommand): string {
  return `${ENGINE_WORKER_NAME}?backend=${init.backend}${init.webglDisabled ? '&webgl=off' : ''}`;
}

/** The `init` a worker's name carries, or null when it carries none (then the worker waits for an `init` message). */
export function initFromWorkerName(name: string): InitCommand | null {
  if (!name.startsWith(`${ENGINE_WORKER_NAME}?`)) return null;
  const params = new URLSearchParams(name.slice(ENGINE_WORKER_NAME.length + 1));
  const backend = params.get('backend');
  if (backend === null || !isBackendChoice(backend)) return null;
  return { type: 'init', backend, webglDisabled: params.get('webgl') === 'off' };
}
