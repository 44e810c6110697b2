/**
 * The tests' way to cause faults in the running app. Opened with `?faults=on`, the page gets
 * `window.pretextLabFaults.inject(name)`, which asks the engine to make that fault happen for real (see
 * runtime/faults.ts). Without the parameter nothing is installed, and no control of the lab sends faults.
 */
import { FAULT_NAMES, type FaultName } from '../runtime/messages';
import { send } from './store';

/** What the hook offers a test. */
export interface FaultHook {
  /** Causes the named fault; returns false for a name that is not a fault. */
  inject(name: string): boolean;
}

declare global {
  interface Window {
    pretextLabFaults?: FaultHook;
  }
}

function isFault(name: string): name is FaultName {
  return (FAULT_NAMES as readonly string[]).includes(name);
}

/** Installs the hook when the page's address asks for it (`?faults=on`). */
export function installFaultHook(search: string): void {
  if (new URLSearchParams(search).get('faults') !== 'on') return;
  window.pretextLabFaults = {
    inject: (name) => isFault(name) && send({ type: 'injectFault', fault: name }),
  };
}
