/**
 * What the panels ask of the engine, by run: build a task's examples, train, pause, evaluate, predict, and
 * move models in and out (files, this browser, the shipped lecture models). Each action checks the settings
 * first and sends one typed command; the answers come back as events through the store.
 */
import type { TestSetName } from '../ml/data/splits';
import type { BackendName } from '../ml/backends/activate';
import type { ExperimentConfig } from '../ml/config/presets';
import type { SerializedModel } from '../ml/models/model-metadata';
import { runId, type RunId, type RunSpec } from '../ml/experiment/runs';
import type { BrowserSlot, ModelOrigin } from '../runtime/messages';
import { loadPretrainedModel, pretrainedConfig, pretrainedSpec, PRETRAINED_STEPS } from '../client/pretrained';
import { configProblem, getState, onEvent, send, setConfig, setState, validConfig } from './store';
import { trainImageCount, withNotice } from './lab-state';
import { downloadModel, readModelFiles } from './model-files';
import { rememberDrawing } from './last-drawing';

let requestCounter = 0;
/** A run to continue once its autosaved weights are back in the engine. */
let pendingResume: RunId | null = null;
/** A run to continue once the engine reports it has moved to another backend. */
let resumeAfterSwitch: RunSpec | null = null;
/** Whether pretext runs are read by the live digit probe after each epoch (off with `?probe=off`). */
let liveProbe = true;

/** Turns the live digit probe of pretext runs on or off for the runs started from now on. */
export function setLiveProbe(on: boolean): void {
  liveProbe = on;
}

onEvent((event) => {
  if (event.type === 'modelExported') {
    downloadModel(event.run, event.model).catch((err: unknown) => setState(withNotice(getState(), 'error', `The download failed: ${String(err)}`)));
  }
  if (event.type === 'modelLoaded' && event.origin === 'autosave' && pendingResume === event.run) {
    pendingResume = null;
    train(event.spec, true);
  }
  if (event.type === 'backendChanged' && resumeAfterSwitch) {
    const spec = resumeAfterSwitch;
    resumeAfterSwitch = null;
    train(spec, true);
  }
  if (event.type === 'error') {
    pendingResume = null;
    resumeAfterSwitch = null;
  }
});

/** Builds the current task's pretext examples in the engine (rotations, puzzles, holes...). */
export function makeExamples(): void {
  const config = validConfig();
  if (config && send({ type: 'makeExamples', config })) setState({ ...getState(), examples: { status: 'building' } });
}

/** Trains one run with the current settings; `resume` continues from its last checkpoint. */
export function train(spec: RunSpec, resume = false): void {
  const config = validConfig();
  if (config) send({ type: 'train', spec, config, resume, probe: liveProbe && spec.use === 'pretext' });
}

/** Pauses the running run before its next batch. */
export const pause = (): void => void send({ type: 'pause' });
/** Resumes a paused run. */
export const resume = (): void => void send({ type: 'resume' });
/** Runs exactly one more batch of a paused run. */
export const stepOnce = (): void => void send({ type: 'step' });
/** Ends the running run for good (its weights stay as they are). */
export const stop = (): void => void send({ type: 'stop' });

/** Evaluates every trained digit classifier on the chosen test set, with per-image probabilities. */
export function evaluateRuns(testSet: TestSetName): void {
  const config = validConfig();
  const state = getState();
  const runs = Object.values(state.runs).filter((r) => r.spec.use !== 'pretext' && r.status === 'done').map((r) => runId(r.spec));
  if (config && send({ type: 'evaluate', config, testSet, runs })) setState({ ...getState(), evaluation: { status: 'running', testSet } });
}

/** Asks every trained classifier for its answer on a drawn 28x28 digit. */
export function predictDrawing(pixels: Uint8Array): void {
  rememberDrawing(pixels);
  send({ type: 'predict', requestId: ++requestCounter, pixels, config: getState().config });
}

/** Asks a reconstruction task's model to paint its answers for n 28x28 inputs (n x 784 bytes). */
export function reconstruct(spec: RunSpec, pixels: Uint8Array): void {
  send({ type: 'reconstruct', requestId: ++requestCounter, run: runId(spec), pixels });
}

/** Moves the engine (and its trained models) to another backend. */
export function switchBackend(backend: BackendName): void {
  send({ type: 'switchBackend', backend });
}

/** Downloads a run's model as TensorFlow.js files. */
export function exportModel(spec: RunSpec): void {
  send({ type: 'exportModel', run: runId(spec), config: getState().config });
}

/** Sends a model to the engine; it is checked there before it replaces anything. */
export function importModel(spec: RunSpec, model: SerializedModel, origin: ModelOrigin, config: ExperimentConfig = getState().config): void {
  send({ type: 'importModel', spec, model, origin, config }, [model.weightData]);
}

/** Loads uploaded files into a run, or explains why not (the current model stays as it was). */
export async function uploadModel(spec: RunSpec, files: readonly File[]): Promise<void> {
  try {
    importModel(spec, await readModelFiles(files), 'file');
  } catch (err) {
    setState(withNotice(getState(), 'error', err instanceof Error ? err.message : String(err)));
  }
}

/** Saves a run's model in this browser (IndexedDB). */
export function saveInBrowser(spec: RunSpec): void {
  send({ type: 'saveToBrowser', run: runId(spec), config: getState().config });
}

/** Loads a model saved in this browser. */
export function loadFromBrowser(spec: RunSpec, slot: BrowserSlot): void {
  send({ type: 'loadFromBrowser', spec, slot, config: getState().config });
}

/** Forgets a model saved in this browser. */
export function deleteFromBrowser(spec: RunSpec, slot: BrowserSlot): void {
  send({ type: 'deleteFromBrowser', run: runId(spec), slot });
}

/**
 * Continues an interrupted run after a reload: restores its settings (checked first), loads its autosaved
 * weights, then trains on from the epoch it reached.
 */
export function continueInterrupted(spec: RunSpec): void {
  const id = runId(spec);
  const state = getState();
  const entry = state.saved.entries.find((e) => runId(e.spec) === id && e.slot === 'autosave');
  if (!entry) return;
  const saved = entry.metadata.config as ExperimentConfig;
  if (configProblem(saved, trainImageCount(state))) {
    setState(withNotice(state, 'error', 'The interrupted run\'s settings could not be restored; start it again.'));
    return;
  }
  setConfig(saved);
  pendingResume = id;
  loadFromBrowser(spec, 'autosave');
}

/** After a fault: move to another backend, then continue the run from its last good epoch. */
export function continueOnBackend(spec: RunSpec, backend: BackendName): void {
  resumeAfterSwitch = spec;
  switchBackend(backend);
}

/**
 * Loads the four pre-trained lecture models shipped with the app, with the settings they were trained with
 * (the Lecture preset), keeping the student's choice of test set.
 */
export async function loadPretrained(): Promise<void> {
  const state = getState();
  if (state.pretrained.status !== 'available') return;
  const { manifest } = state.pretrained;
  const config = pretrainedConfig(manifest);
  setConfig({ ...config, splits: { ...config.splits, testSet: state.config.splits.testSet } });
  try {
    const models = await Promise.all(PRETRAINED_STEPS.map((key) => loadPretrainedModel(key)));
    PRETRAINED_STEPS.forEach((key, i) => importModel(pretrainedSpec(manifest, key), models[i], 'pretrained', config));
    setState(withNotice(getState(), 'info', 'Loaded the four pre-trained lecture models (Lecture preset, one full run). Each panel shows what they scored when they were trained.'));
  } catch (err) {
    setState(withNotice(getState(), 'error', `The pre-trained models could not be loaded: ${err instanceof Error ? err.message : String(err)}`));
  }
}
