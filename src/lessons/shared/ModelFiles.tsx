/**
 * Keeping and sharing a run's model: download it as TensorFlow.js files, upload such files, save it in this
 * browser, load or delete what was saved, and continue a run that a reload interrupted.
 */
import { useRef } from 'react';
import { useLab } from '../../state/store';
import { exportModel, uploadModel, saveInBrowser, loadFromBrowser, deleteFromBrowser, continueInterrupted } from '../../state/actions';
import { ORIGIN_TEXT, anyActive, runState } from '../../state/lab-state';
import { runId, type RunSpec } from '../../ml/experiment/runs';

/** Props of {@link ModelFiles}. */
export interface ModelFilesProps {
  readonly spec: RunSpec;
  readonly label: string;
}

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'earlier' : date.toLocaleString();
}

/** The save / load controls of one run. */
export function ModelFiles({ spec, label }: ModelFilesProps) {
  const id = runId(spec);
  const input = useRef<HTMLInputElement>(null);
  const status = useLab((s) => runState(s, id).status);
  const origin = useLab((s) => { const st = runState(s, id); return st.status === 'done' ? st.origin : null; });
  const saved = useLab((s) => s.saved.entries.find((e) => runId(e.spec) === id && e.slot === 'saved') ?? null);
  const autosave = useLab((s) => s.saved.entries.find((e) => runId(e.spec) === id && e.slot === 'autosave') ?? null);
  const storage = useLab((s) => s.saved.available);
  const busy = useLab(anyActive);
  const hasModel = status === 'done' || status === 'failed';
  const inputId = `upload-${id.replace(/[^a-z0-9-]/gi, '-')}`;

  return (
    <div className="model-files">
      {origin && origin !== 'trained' && <p className="origin" role="note">This is {ORIGIN_TEXT[origin]}.</p>}
      {/* Only for a run this page has not seen (after a reload): a failed run's own controls already offer to continue. */}
      {autosave && !busy && status === 'idle' && (
        <p className="note" role="note">
          An interrupted training of the {label} was found: {autosave.metadata.epochs} of {autosave.metadata.epochsPlanned} epochs, saved {when(autosave.metadata.savedAt)}.{' '}
          <button type="button" onClick={() => continueInterrupted(spec)}>Continue from epoch {autosave.metadata.epochs}</button>{' '}
          <button type="button" onClick={() => deleteFromBrowser(spec, 'autosave')}>Discard it</button>
        </p>
      )}
      <details>
        <summary>Save, load or share the {label}</summary>
        <div className="controls">
          <button type="button" disabled={!hasModel || busy} onClick={() => exportModel(spec)}>Download the {label}</button>
          <label className="file-button">
            Upload a model…
            <input
            ref={input}
            type="file"
            accept=".json,.bin"
            multiple
            disabled={busy}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              if (files.length) void uploadModel(spec, files);
              if (input.current) input.current.value = '';
            }}
            />
          </label>
          {storage && <button type="button" disabled={!hasModel || busy} onClick={() => saveInBrowser(spec)}>Save in this browser</button>}
        </div>
        <p className="hint" id={`${inputId}-hint`}>Upload both files of a download: the .json and the .weights.bin.</p>
        {saved && (
          <p>
            Saved in this browser: {saved.metadata.epochs} epochs, {when(saved.metadata.savedAt)}.{' '}
            <button type="button" disabled={busy} onClick={() => loadFromBrowser(spec, 'saved')}>Load the saved {label}</button>{' '}
            <button type="button" onClick={() => deleteFromBrowser(spec, 'saved')}>Delete it</button>
          </p>
        )}
        {!storage && <p className="hint">This browser offers no storage (a private window?), so models cannot be kept between visits.</p>}
      </details>
    </div>
  );
}
