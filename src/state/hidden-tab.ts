/**
 * A tab hidden mid-training (the lecturer switches to slides, a student to another tab). Training runs in a
 * worker, which the browser does not pause with the tab, so it carries on by design; on return the page says
 * so, and how far the run got, so nobody wonders whether it stopped. (On the main-thread fallback the browser
 * throttles the page's timers while hidden, so there it says training slowed down.)
 */
import { getState, notify } from './store';
import { isActive, type LabState } from './lab-state';
import { describeRun } from '../ml/experiment/runs';

interface Snapshot { readonly run: string; readonly label: string; readonly epoch: number; readonly batch: number }

function activeRun(state: LabState): Snapshot | null {
  for (const [run, entry] of Object.entries(state.runs)) {
    if (isActive(entry) && entry.status === 'running') return { run, label: describeRun(entry.spec), epoch: entry.progress.epoch, batch: entry.progress.batch };
  }
  return null;
}

let hiddenWhile: Snapshot | null = null;
let hiddenAt = 0;

/** What to tell a student coming back to the tab, or null when nothing was training. */
export function returnMessage(before: Snapshot, state: LabState, seconds: number): string {
  const entry = state.runs[before.run];
  const where = !entry ? 'it is no longer on the page'
    : entry.status === 'running' || entry.status === 'paused' ? `it is now at epoch ${entry.progress.epoch + 1}, batch ${entry.progress.batch + 1} (it was at epoch ${before.epoch + 1}, batch ${before.batch + 1})`
      : entry.status === 'done' ? 'it has finished' : 'it stopped with a fault; see its panel';
  const worker = state.engine.status === 'ready' && state.engine.mode === 'worker';
  return worker
    ? `While this tab was hidden (${Math.round(seconds)} s), ${before.label} kept training in the background worker: ${where}.`
    : `While this tab was hidden (${Math.round(seconds)} s), the browser slowed the page down, and training with it (it runs on the page here): ${where}.`;
}

/** Starts watching the tab's visibility (once per page). */
export function watchHiddenTab(): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      hiddenWhile = activeRun(getState());
      hiddenAt = performance.now();
      return;
    }
    if (hiddenWhile) {
      notify('info', returnMessage(hiddenWhile, getState(), (performance.now() - hiddenAt) / 1000));
      hiddenWhile = null;
    }
  });
}
