/**
 * The one store: holds LabState, talks to the engine, and lets React read it with useSyncExternalStore.
 *
 * Data flows one way: panels call the actions below, actions send commands to the engine, the engine's
 * events go through the reducer, and subscribers re-render. Batch events arrive up to dozens of times a
 * second; we fold each one but notify React at most every 100 ms, so charts stay smooth.
 */
import { useSyncExternalStore } from 'react';
import { presetConfig, type ExperimentConfig, type PresetName } from '../ml/config/presets';
import { checkConfig } from '../ml/config/check-config';
import { SettingError } from '../ml/config/validate';
import type { TestSetName } from '../ml/data/splits';
import type { BackendName } from '../ml/backends/activate';
import { startEngine, type EngineClient } from '../runtime/client';
import { dataPayload, loadMnistOverHttp } from '../runtime/load-data';
import type { BackendChoice, EngineEvent, StepName } from '../runtime/messages';
import { initialState, reduceEvent, trainImageCount, withNotice, type LabState } from './lab-state';
import { downloadModel, readModelFiles } from './model-files';
import { loadPretrainedManifest, loadPretrainedModel, PRETRAINED_STEPS } from '../runtime/pretrained';
import type { BrowserSlot, ModelOrigin } from '../runtime/messages';
import type { SerializedModel } from '../ml/models/persist';

const NOTIFY_EVERY_MS = 100;

let state: LabState = initialState(presetConfig('quick'));
let client: EngineClient | null = null;
const listeners = new Set<() => void>();
let notifyTimer: ReturnType<typeof setTimeout> | null = null;
let lastNotify = 0;
let requestCounter = 0;

function notifyNow(): void {
  if (notifyTimer !== null) clearTimeout(notifyTimer);
  notifyTimer = null;
  lastNotify = performance.now();
  for (const listener of listeners) listener();
}

function notifySoon(): void {
  if (notifyTimer !== null) return;
  const wait = Math.max(0, NOTIFY_EVERY_MS - (performance.now() - lastNotify));
  notifyTimer = setTimeout(notifyNow, wait);
}

function update(next: LabState, throttled = false): void {
  state = next;
  if (throttled) notifySoon();
  else notifyNow();
}

let pendingResume: StepName | null = null;
/** A step to continue once the engine reports it has moved to another backend. */
let resumeAfterSwitch: StepName | null = null;

function onEngineEvent(event: EngineEvent): void {
  update(reduceEvent(state, event), event.type === 'batch');
  if (event.type === 'modelExported') {
    downloadModel(event.step, event.model).catch((err: unknown) => update(withNotice(state, 'error', `The download failed: ${String(err)}`)));
  }
  if (event.type === 'modelLoaded' && event.origin === 'autosave' && pendingResume === event.step) {
    pendingResume = null;
    train(event.step, true);
  }
  if (event.type === 'backendChanged' && resumeAfterSwitch) {
    const step = resumeAfterSwitch;
    resumeAfterSwitch = null;
    train(step, true);
  }
  if (event.type === 'error') {
    pendingResume = null;
    resumeAfterSwitch = null;
  }
}

/** Reads the current state (for tests and non-React code). */
export function getState(): LabState {
  return state;
}

/** React hook: the part of the state a component needs. Select stable references (not new objects). */
export function useLab<T>(select: (s: LabState) => T): T {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => select(state),
  );
}

/** Starts the engine and loads MNIST; call once when the app mounts. */
export async function startLab(choice: BackendChoice = 'auto', preferMain = false, webglDisabled = false): Promise<void> {
  client?.dispose();
  update({ ...state, engine: { status: 'starting' } });
  const started = performance.now();
  const dataPromise = state.data.status === 'ready' ? Promise.resolve(state.data.mnist) : loadMnistOverHttp();
  try {
    client = await startEngine(onEngineEvent, choice, preferMain, webglDisabled);
  } catch (err) {
    update({ ...state, engine: { status: 'failed', message: err instanceof Error ? err.message : String(err) } });
    return;
  }
  void loadPretrainedManifest().then(
    (manifest) => update({ ...state, pretrained: { status: 'available', manifest } }),
    () => update({ ...state, pretrained: { status: 'missing' } }),
  );
  try {
    const mnist = await dataPromise;
    const loadMs = state.data.status === 'ready' ? state.data.loadMs : performance.now() - started;
    update({ ...state, data: { status: 'ready', mnist, loadMs } });
    const { data, transfer } = dataPayload(mnist);
    client.send({ type: 'loadData', data }, transfer);
  } catch (err) {
    update({ ...state, data: { status: 'failed', message: err instanceof Error ? err.message : String(err) } });
  }
}

/** The first invalid setting of a configuration, or null. */
export function configProblem(config: ExperimentConfig, trainImages: number): SettingError | null {
  try {
    checkConfig(config, trainImages);
    return null;
  } catch (err) {
    return err instanceof SettingError ? err : new SettingError('config', String(err));
  }
}

/** Replaces the settings (validation is shown by the settings panel; commands re-check before work). */
export function setConfig(config: ExperimentConfig): void {
  update({ ...state, config });
}

/** Loads a preset's settings, keeping the seed and test-set choice. */
export function choosePreset(name: PresetName): void {
  const preset = presetConfig(name);
  setConfig({ ...preset, seed: state.config.seed, splits: { ...preset.splits, testSet: state.config.splits.testSet } });
}

function send(command: Parameters<EngineClient['send']>[0], transfer?: Transferable[]): boolean {
  if (!client) {
    update(withNotice(state, 'error', 'The training engine is not running yet.'));
    return false;
  }
  if (state.data.status !== 'ready') {
    update(withNotice(state, 'error', 'The MNIST data is still loading.'));
    return false;
  }
  client.send(command, transfer);
  return true;
}

function validConfig(): ExperimentConfig | null {
  const problem = configProblem(state.config, trainImageCount(state));
  if (problem) {
    update(withNotice(state, 'error', problem.message, problem.setting));
    return null;
  }
  return state.config;
}

/** Builds the 4x rotation dataset in the engine. */
export function makeRotations(): void {
  const config = validConfig();
  if (config && send({ type: 'makeRotations', config })) update({ ...state, rotations: { status: 'building' } });
}

/** Trains one step with the current settings; `resume` continues from the last checkpoint. */
export function train(step: StepName, resume = false): void {
  const config = validConfig();
  if (config) send({ type: 'train', step, config, resume });
}

/** Pauses the running step before its next batch. */
export const pause = (): void => void send({ type: 'pause' });
/** Resumes a paused step. */
export const resume = (): void => void send({ type: 'resume' });
/** Runs exactly one more batch of a paused step. */
export const stepOnce = (): void => void send({ type: 'step' });
/** Ends the running step for good (its weights stay as they are). */
export const stop = (): void => void send({ type: 'stop' });

/** Evaluates every trained classifier on the chosen test set, with per-image probabilities. */
export function evaluateArms(testSet: TestSetName): void {
  const config = validConfig();
  if (config && send({ type: 'evaluate', config, testSet })) update({ ...state, evaluation: { status: 'running', testSet } });
}

/** Asks every trained model for its answer on a drawn 28x28 digit. */
export function predictDrawing(pixels: Uint8Array): void {
  send({ type: 'predict', requestId: ++requestCounter, pixels, config: state.config });
}

/** Moves the engine (and its trained models) to another backend. */
export function switchBackend(backend: BackendName): void {
  send({ type: 'switchBackend', backend });
}

/** Downloads a step's model as TensorFlow.js files. */
export function exportModel(step: StepName): void {
  send({ type: 'exportModel', step, config: state.config });
}

/** Sends a model to the engine; it is checked there before it replaces anything. */
export function importModel(step: StepName, model: SerializedModel, origin: ModelOrigin): void {
  send({ type: 'importModel', step, model, origin, config: state.config }, [model.weightData]);
}

/** Loads uploaded files into a step, or explains why not (the current model stays as it was). */
export async function uploadModel(step: StepName, files: readonly File[]): Promise<void> {
  try {
    importModel(step, await readModelFiles(files), 'file');
  } catch (err) {
    update(withNotice(state, 'error', err instanceof Error ? err.message : String(err)));
  }
}

/** Saves a step's model in this browser (IndexedDB). */
export function saveInBrowser(step: StepName): void {
  send({ type: 'saveToBrowser', step, config: state.config });
}

/** Loads a model saved in this browser. */
export function loadFromBrowser(step: StepName, slot: BrowserSlot): void {
  send({ type: 'loadFromBrowser', step, slot, config: state.config });
}

/** Forgets a model saved in this browser. */
export function deleteFromBrowser(step: StepName, slot: BrowserSlot): void {
  send({ type: 'deleteFromBrowser', step, slot });
}

/**
 * Continues an interrupted run after a reload: restores its settings (checked first), loads its autosaved
 * weights, then trains on from the epoch it reached.
 */
export function continueInterrupted(step: StepName): void {
  const entry = state.saved.entries.find((e) => e.step === step && e.slot === 'autosave');
  if (!entry) return;
  const saved = entry.metadata.config as ExperimentConfig;
  if (configProblem(saved, trainImageCount(state))) {
    update(withNotice(state, 'error', 'The interrupted run\'s settings could not be restored; start the step again.'));
    return;
  }
  setConfig(saved);
  pendingResume = step;
  loadFromBrowser(step, 'autosave');
}

/** After a fault: move to another backend, then continue the step from its last good epoch. */
export function continueOnBackend(step: StepName, backend: BackendName): void {
  resumeAfterSwitch = step;
  switchBackend(backend);
}

/**
 * Loads the four pre-trained lecture models shipped with the app, with the settings they were trained with
 * (the Lecture preset), keeping the student's choice of test set.
 */
export async function loadPretrained(): Promise<void> {
  if (state.pretrained.status !== 'available') return;
  const { config } = state.pretrained.manifest;
  setConfig({ ...config, splits: { ...config.splits, testSet: state.config.splits.testSet } });
  try {
    const models = await Promise.all(PRETRAINED_STEPS.map((step) => loadPretrainedModel(step)));
    PRETRAINED_STEPS.forEach((step, i) => importModel(step, models[i], 'pretrained'));
    update(withNotice(state, 'info', 'Loaded the four pre-trained lecture models (Lecture preset, one full run). Each panel shows what they scored when they were trained.'));
  } catch (err) {
    update(withNotice(state, 'error', `The pre-trained models could not be loaded: ${err instanceof Error ? err.message : String(err)}`));
  }
}

/** Dismisses a notice. */
export function dismissNotice(id: number): void {
  update({ ...state, notices: state.notices.filter((n) => n.id !== id) });
}

// ---- Shareable links and lecture mode (src/url, src/lecture) ---------------------------------------------

/**
 * Shows a notice from outside the engine: a problem with a shared link, a refused full-screen request, a
 * hint from lecture mode. Kept to plain text so nothing a link carries can become markup.
 */
export function notify(kind: 'error' | 'info', text: string, setting?: string): void {
  update(withNotice(state, kind, text, setting));
}
