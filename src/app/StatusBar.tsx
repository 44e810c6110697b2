/**
 * Where the training runs and on what: the active backend and why it was chosen, worker or main thread, a
 * warning for a software WebGL renderer, and a menu to move to another backend.
 */
import { useLab } from '../state/store';
import { switchBackend } from '../state/actions';
import type { BackendName } from '../ml/backends/activate';
import { anyActive } from '../state/lab-state';

const NAMES: Record<BackendName, string> = { webgpu: 'WebGPU (GPU)', webgl: 'WebGL (GPU)', wasm: 'WebAssembly', cpu: 'plain JavaScript CPU' };

/** A clause made the start of a sentence. */
function sentence(clause: string): string {
  return clause.charAt(0).toUpperCase() + clause.slice(1);
}

/** The backend status line with its chooser. */
export function StatusBar() {
  const engine = useLab((s) => s.engine);
  const busy = useLab(anyActive);
  if (engine.status === 'starting') return <p className="status-bar" role="status">Starting the training engine…</p>;
  if (engine.status === 'failed') return <p className="status-bar error" role="alert">The training engine could not start: {engine.message}</p>;
  const { backend, mode } = engine;
  return (
    <div className="status-bar" role="status" aria-live="polite">
      <span>
        Training on <strong data-testid="backend-name">{NAMES[backend.name]}</strong>
        {backend.threads !== null ? ` (${backend.threads} thread${backend.threads === 1 ? '' : 's'})` : ''},{' '}
        {mode === 'worker' ? 'in a background worker' : engine.fallback !== undefined ? 'on the page’s main thread' : 'on the page’s main thread (the page may stutter while training)'}: {backend.reason}.
      </span>
      {engine.fallback !== undefined && (
        <span className="warning" data-testid="engine-fallback">
          {' '}{sentence(engine.fallback)}, so training runs on this page’s own thread instead, and the page will stall while a model trains; reloading the page tries a worker again.
        </span>
      )}
      {backend.softwareRenderer && (backend.name === 'webgl' || backend.name === 'webgpu') && (
        <span className="warning"> {backend.name === 'webgl' ? 'WebGL' : 'WebGPU'} here is software-rendered ({backend.renderer}); it is much slower than a real GPU.</span>
      )}
      <label className="backend-choice">
        Backend{' '}
        <select value={backend.name} disabled={busy} onChange={(e) => switchBackend(e.target.value as BackendName)}>
          {(Object.keys(NAMES) as BackendName[]).map((n) => <option key={n} value={n}>{NAMES[n]}</option>)}
        </select>
      </label>
    </div>
  );
}
