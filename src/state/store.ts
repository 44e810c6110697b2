/**
 * The one store: holds LabState, talks to the engine, and lets React read it with useSyncExternalStore.
 *
 * Data flows one way: panels call the actions below, actions send commands to the engine, the engine's
 * events go through the reducer, and subscribers re-render. Batch events arrive up to dozens of times a
 * second; we fold each one but notify React at most every 100 ms, so charts stay smooth.
 */
import { useSyncExternalStore } from 'react';
import { presetConfig, type ExperimentConfig, type PresetName } from '../ml/config/presets';
import { configProblem } from '../ml/config/check-config';
import { startEngine, type EngineClient } from '../client/client';
import { dataPayload, loadMnistOverHttp } from '../client/load-data';
import type { BackendChoice, EngineEvent } from '../runtime/messages';
import { initialState, reduceEvent, trainImageCount, withNotice, type LabState } from './lab-state';
import { loadPretrainedManifest } from '../client/pretrained';

const NOTIFY_EVERY_MS = 100;

let state: LabState = initialState(presetConfig('quick'));
let client: EngineClient | null = null;
const listeners = new Set<() => void>();
let notifyTimer: ReturnType<typeof setTimeout> | null = null;
let lastNotify = 0;

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

/** Things to do when an engine event arrives, besides folding it into the state (see actions.ts). */
type Reaction = (event: EngineEvent) => void;
const reactions: Reaction[] = [];

/** Registers a reaction to engine events (downloads, continuing a run once its weights are back). */
export function onEvent(reaction: Reaction): void {
  reactions.push(reaction);
}

function onEngineEvent(event: EngineEvent): void {
  update(reduceEvent(state, event), event.type === 'batch');
  for (const reaction of reactions) reaction(event);
}

/** Replaces the state (for actions in other modules of this folder); `throttled` batches notifications. */
export function setState(next: LabState, throttled = false): void {
  update(next, throttled);
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

/** How the engine was last started, so a crashed worker can be replaced by one started the same way. */
let lastStart: { readonly choice: BackendChoice; readonly preferMain: boolean; readonly webglDisabled: boolean } = { choice: 'auto', preferMain: false, webglDisabled: false };

/** Starts a new engine the way the last one was started (after the worker crashed); MNIST is not fetched again. */
export function restartLab(): Promise<void> {
  return startLab(lastStart.choice, lastStart.preferMain, lastStart.webglDisabled);
}

/**
 * Starts the engine and loads MNIST; call once when the app mounts. `silentWorkers` is the start-up fault test's
 * (`?faults=hang-once`, see client.ts); a restart after a crash never repeats it.
 */
export async function startLab(choice: BackendChoice = 'auto', preferMain = false, webglDisabled = false, silentWorkers = 0): Promise<void> {
  lastStart = { choice, preferMain, webglDisabled };
  client?.dispose();
  update({ ...state, engine: { status: 'starting' } });
  const started = performance.now();
  const dataPromise = state.data.status === 'ready' ? Promise.resolve(state.data.mnist) : loadMnistOverHttp();
  try {
    client = await startEngine(onEngineEvent, choice, preferMain, webglDisabled, silentWorkers);
  } catch (err) {
    update({ ...state, engine: { status: 'failed', message: err instanceof Error ? err.message : String(err) } });
    return;
  }
  // The engine's `ready` has been folded in by now (the client resolves after it): say why it is not in a worker.
  const fallback = client.fallback;
  if (fallback !== null && state.engine.status === 'ready') update({ ...state, engine: { ...state.engine, fallback } });
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

/** The first invalid setting of a configuration, or null (re-exported for the panels). */
export { configProblem };

/** Replaces the settings (validation is shown by the settings panel; commands re-check before work). */
export function setConfig(config: ExperimentConfig): void {
  update({ ...state, config });
}

/** Loads a preset's settings, keeping the seed and test-set choice. */
export function choosePreset(name: PresetName): void {
  const preset = presetConfig(name);
  setConfig({ ...preset, seed: state.config.seed, splits: { ...preset.splits, testSet: state.config.splits.testSet } });
}

/** Sends a command to the engine, or says why it cannot be sent yet; true when sent. */
export function send(command: Parameters<EngineClient['send']>[0], transfer?: Transferable[]): boolean {
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

/** The current settings if they are valid; otherwise null, with the first problem said as a notice. */
export function validConfig(): ExperimentConfig | null {
  const problem = configProblem(state.config, trainImageCount(state));
  if (problem) {
    update(withNotice(state, 'error', problem.message, problem.setting));
    return null;
  }
  return state.config;
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
