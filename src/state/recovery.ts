/**
 * Surviving a dead worker. The engine sends the page a copy of every model's last good weights (after each
 * epoch, at the end of a run, when a model is loaded). If the worker crashes, the page starts a new one,
 * gives it the MNIST it already has, and puts every copy back: finished models as they were, an interrupted
 * run at its last good epoch, ready to continue. The student loses at most the epoch that was under way.
 */
import type { RunId } from '../ml/experiment/runs';
import type { EngineEvent } from '../runtime/messages';
import { describeRun } from '../ml/experiment/runs';
import { isActive, runState, withNotice } from './lab-state';
import { getState, onEvent, restartLab, send, setState } from './store';

type Backup = Extract<EngineEvent, { type: 'backup' }>;

/** The latest copy of each run's weights. */
const backups = new Map<RunId, Backup>();
/** Copies waiting for the new worker to have its data. */
let toRestore: Backup[] | null = null;
/** Restarts in this page; a worker that keeps dying is not restarted for ever. */
let restarts = 0;
const MAX_RESTARTS = 3;

onEvent((event) => {
  switch (event.type) {
    case 'backup':
      // An epoch's copy that arrives after its run ended is older than the end-of-run copy: keep the newer.
      if (event.origin === 'autosave' && !isActive(runState(getState(), event.run))) return;
      backups.set(event.run, event);
      return;
    case 'runStarted':
      // A fresh run replaces the model: until its first epoch ends there is nothing of it worth restoring.
      if (event.initialEpoch === 0) backups.delete(event.run);
      return;
    case 'engineLost':
      if (restarts >= MAX_RESTARTS) {
        setState({ ...getState(), engine: { status: 'failed', message: `the training worker crashed ${restarts + 1} times; reload the page to start again` } });
        return;
      }
      restarts++;
      toRestore = [...backups.values()];
      void restartLab();
      return;
    case 'dataLoaded':
      if (toRestore) restore(toRestore);
      toRestore = null;
      return;
    default:
      return;
  }
});

/** Sends every copy back to the new engine (pretext models first: a transfer run is built on its trunk). */
function restore(copies: readonly Backup[]): void {
  const ordered = [...copies].sort((a, b) => Number(b.spec.use === 'pretext') - Number(a.spec.use === 'pretext'));
  const config = getState().config;
  for (const copy of ordered) {
    // A copy, not the buffer itself: the page keeps its backup in case the new worker dies too.
    const model = { ...copy.model, weightData: copy.model.weightData.slice(0) };
    send({ type: 'importModel', spec: copy.spec, model, origin: copy.origin, config, restored: true }, [model.weightData]);
  }
  const interrupted = ordered.filter((c) => c.origin === 'autosave').map((c) => describeRun(c.spec));
  const parts = [
    ordered.length === 0 ? 'A new worker was started; there were no trained models to put back.'
      : `A new worker was started and ${ordered.length === 1 ? 'the 1 model' : `all ${ordered.length} models`} it held ${ordered.length === 1 ? 'was' : 'were'} put back from the page's copies.`,
    interrupted.length > 0 ? `Training of ${interrupted.join(', ')} was interrupted: continue it from its last good epoch in its panel.` : '',
  ];
  setState(withNotice(getState(), 'info', parts.filter(Boolean).join(' ')));
}
