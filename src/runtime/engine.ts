/**
 * The training engine behind the page: it holds the data and the models, runs one training step at a time,
 * and answers in typed events. The same class runs inside the Web Worker and, where a worker cannot train,
 * on the main thread; it never touches the DOM or React.
 */
import * as tf from '@tensorflow/tfjs';
import type { Mnist } from '../ml/data/mnist';
import { makeSplits, type Splits } from '../ml/data/splits';
import { buildRotationSet } from '../ml/pretext/rotation';
import type { ImageSet } from '../ml/data/mnist';
import { summarizeModel } from '../ml/models/summary';
import { TrainingRun } from '../ml/train/trainer';
import { evaluate, predictPixels, predictProbabilities } from '../ml/eval/evaluate';
import { range } from '../ml/train/batches';
import { checkConfig } from '../ml/config/check-config';
import type { ExperimentConfig } from '../ml/config/presets';
import { SettingError } from '../ml/config/validate';
import { settingsFor, testSetFor, trainOptionsFor } from '../ml/experiment/protocol';
import { activateBackend } from '../ml/backends/activate';
import { ModelStore, architectureSummaries, buildFor } from './model-store';
import { serializeModel, type SerializedModel } from '../ml/models/persist';
import { ModelLibrary } from './model-library';
import { browserStorageAvailable, deleteFromBrowser, readFromBrowser, saveToBrowser, toSerialized } from './persistence';
import { probeWebGL, startBackend } from './backends';
import { ARM_NAMES, type ArmEvaluation, type ArmName, type BackendInfo, type Command, type EngineEvent, type EngineMode, type ModelOrigin, type Predictions, type StepName } from './messages';

/** Sends an event to the page; `transfer` lists buffers to move instead of copy. */
export type Emit = (event: EngineEvent, transfer?: Transferable[]) => void;

const STEP_LABEL: Record<StepName, string> = {
  pretext: 'the pretext (rotation) model',
  selfSupervised: 'the self-supervised head',
  supervised: 'the supervised baseline',
  randomFrozen: 'the random-features control',
};

/** Handles commands one by one (training runs in the background so pause/stop can arrive meanwhile). */
export class Engine {
  private readonly emit: Emit;
  private readonly mode: EngineMode;
  private mnist: Mnist | null = null;
  private splitsKey = '';
  private splits: Splits | null = null;
  private rotated: ImageSet | null = null;
  private readonly models = new ModelStore();
  private run: TrainingRun | null = null;
  private backend: BackendInfo | null = null;
  /** Per step: the history and settings behind the current weights, saved along with them. */
  private readonly library = new ModelLibrary(this.models, () => this.backend?.name ?? tf.getBackend(), () => this.mnist?.train.count ?? 20_000);
  private webglDisabled = false;
  /** True while the backend is being switched: no training may start in between. */
  private switching = false;

  constructor(emit: Emit, mode: EngineMode) {
    this.emit = emit;
    this.mode = mode;
  }

  /** Dispatches one command; errors become `error` events, never unhandled rejections. */
  async handle(command: Command): Promise<void> {
    try {
      await this.dispatch(command);
    } catch (err) {
      const setting = err instanceof SettingError ? err.setting : undefined;
      this.emit({ type: 'error', message: err instanceof Error ? err.message : String(err), ...(setting ? { setting } : {}) });
    }
  }

  private async dispatch(command: Command): Promise<void> {
    switch (command.type) {
      case 'init': {
        this.webglDisabled = command.webglDisabled;
        this.backend = await startBackend(command.backend, this.webglDisabled);
        const webgl2InWorker = this.mode === 'worker' ? probeWebGL(this.webglDisabled).available : false;
        this.emit({ type: 'ready', backend: this.backend, mode: this.mode, webgl2InWorker, summaries: architectureSummaries() });
        return;
      }
      case 'loadData': {
        const { trainImages, trainLabels, testImages, testLabels } = command.data;
        this.mnist = {
          train: { images: trainImages, labels: trainLabels, count: trainLabels.length },
          test: { images: testImages, labels: testLabels, count: testLabels.length },
        };
        this.splitsKey = '';
        this.emit({ type: 'dataLoaded', trainCount: trainLabels.length, testCount: testLabels.length });
        await this.emitSaved();
        return;
      }
      case 'makeRotations': {
        const started = performance.now();
        this.prepare(command.config, true);
        this.emit({ type: 'rotationsReady', count: this.rotated?.count ?? 0, ms: performance.now() - started });
        return;
      }
      case 'train':
        this.train(command.step, command.config, command.resume === true).catch((err: unknown) => {
          this.emit({ type: 'error', message: `Training stopped unexpectedly: ${err instanceof Error ? err.message : String(err)}` });
        });
        return;
      case 'pause': this.run?.pause(); return;
      case 'resume': this.run?.resume(); return;
      case 'step': this.run?.step(); return;
      case 'stop': this.run?.stop(); return;
      case 'evaluate': await this.evaluateArms(command.config, command.config.splits.testSet === command.testSet ? command.config : { ...command.config, splits: { ...command.config.splits, testSet: command.testSet } }); return;
      case 'predict': await this.predict(command.requestId, command.pixels, command.config); return;
      case 'switchBackend': await this.switchBackend(command.backend); return;
      case 'reset': this.models.clear(); this.emitMemory(); return;
      case 'exportModel': {
        const model = this.requireModel(command.step);
        const serialized = await serializeModel(model, this.library.metadata(command.step, command.config));
        this.emit({ type: 'modelExported', step: command.step, model: serialized }, [serialized.weightData]);
        return;
      }
      case 'importModel': await this.importModel(command.step, command.model, command.origin, command.config); return;
      case 'saveToBrowser':
        await saveToBrowser(this.requireModel(command.step), command.step, 'saved', this.library.metadata(command.step, command.config));
        await this.emitSaved();
        return;
      case 'loadFromBrowser': {
        const model = toSerialized(await readFromBrowser(command.step, command.slot));
        await this.importModel(command.step, model, command.slot === 'autosave' ? 'autosave' : 'browser', command.config);
        return;
      }
      case 'deleteFromBrowser': await deleteFromBrowser(command.step, command.slot); await this.emitSaved(); return;
      case 'listSaved': await this.emitSaved(); return;
    }
  }

  private current: StepName | null = null;

  /** Cuts the splits (and, if asked, the rotation set) for this configuration, reusing them when unchanged. */
  private prepare(config: ExperimentConfig, rotations: boolean): Splits {
    if (!this.mnist) throw new Error('The MNIST data is not loaded yet.');
    checkConfig(config, this.mnist.train.count);
    const key = JSON.stringify([config.splits, config.rotationOrder]);
    if (key !== this.splitsKey || !this.splits) {
      this.splits = makeSplits(this.mnist, config.splits);
      this.rotated = null;
      this.splitsKey = key;
    }
    if (rotations && !this.rotated) this.rotated = buildRotationSet(this.splits.pretext, config.rotationOrder);
    return this.splits;
  }

  private async train(step: StepName, requested: ExperimentConfig, resume: boolean): Promise<void> {
    // `this.run` stays set until the previous run has completely finished (its final evaluation included).
    if (this.run || this.switching) {
      const what = this.switching ? 'The backend is being switched' : `Training of ${STEP_LABEL[this.current ?? step]} is still running`;
      this.emit({ type: 'error', message: `${what}: wait for it, or stop it first.` });
      return;
    }
    const snapshot = resume ? this.models.snapshot(step) : undefined;
    // A continued run keeps the settings it started with (seed, sizes, scaling), whatever the form shows now.
    const config = (snapshot && this.library.configOf(step)) || requested;
    try {
      const splits = this.prepare(config, step === 'pretext');
      const data = step === 'pretext' ? (this.rotated as ImageSet) : splits.labelled;
      const pretext = this.models.get('pretext');
      if (step === 'selfSupervised' && !pretext && !snapshot) throw new Error('Train the pretext model first: the self-supervised head reuses its convolutions.');
      if (snapshot) this.models.rollback(step);
      else this.models.set(step, buildFor(step, config.seed, pretext));
      const model = this.models.get(step) as tf.Sequential;
      const settings = settingsFor(step, config);
      const initialEpoch = snapshot?.epochs ?? 0;
      const record = this.library.startRecord(step, initialEpoch, settings.epochs, config);
      const options = { ...trainOptionsFor(step, settings, config), initialEpoch };
      const trainCount = settings.validationSplit > 0 ? Math.floor(data.count * (1 - settings.validationSplit)) : data.count;
      this.current = step;
      this.run = new TrainingRun(model, data, options, {
        onBatchEnd: (event) => this.emit({ type: 'batch', step, event }),
        onEpochEnd: (event) => {
          this.emit({ type: 'epoch', step, event });
          const { type: _type, elapsedMs: _elapsed, ...epoch } = event;
          record.history.push(epoch);
          void this.library.checkpointAndAutosave(step, event.epoch + 1, config);
        },
        onStateChange: (state) => this.emit({ type: 'runState', step, state }),
      });
      this.emit({ type: 'stepStarted', step, summary: summarizeModel(model), epochs: settings.epochs, trainCount, initialEpoch });
      const result = await this.run.run();
      await this.library.settled(step);
      await this.models.checkpoint(step, result.epochsRun, config.seed);
      // The run ended cleanly: nothing to continue after a reload.
      if (browserStorageAvailable()) {
        await deleteFromBrowser(step, 'autosave').catch(() => undefined);
        await this.emitSaved();
      }
      const test = await evaluate(model, testSetFor(step, splits), { scaling: config.scaling, batchSize: step === 'pretext' ? 192 : 64 });
      this.emit({ type: 'stepEnded', step, result, testAccuracy: test.accuracy, testLoss: test.loss });
    } catch (err) {
      // A lost WebGL context or another backend fault: go back to the last good weights and say so.
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof SettingError || this.run === null) {
        this.emit({ type: 'error', message, ...(err instanceof SettingError ? { setting: err.setting } : {}) });
      } else {
        let kept = 0;
        try {
          this.models.rollback(step);
          kept = this.models.snapshot(step)?.epochs ?? 0;
        } catch {
          // The faulty backend may refuse even the restore; the snapshot stays for a switch of backend.
          kept = this.models.snapshot(step)?.epochs ?? 0;
        }
        this.emit({ type: 'stepFailed', step, epochsKept: kept, message: `Training ${STEP_LABEL[step]} failed on ${this.backend?.name ?? 'this backend'}: ${message}` });
      }
    } finally {
      this.run = null;
      this.current = null;
      this.emitMemory();
    }
  }

  private requireModel(step: StepName): tf.LayersModel {
    const model = this.models.get(step);
    if (!model) throw new Error(`There is no ${STEP_LABEL[step]} yet: train or load it first.`);
    if (this.current === step) throw new Error(`${STEP_LABEL[step]} is training: stop it first.`);
    return model;
  }

  private async emitSaved(): Promise<void> {
    this.emit(await this.library.savedList());
  }

  /** Loads a model into a step (refused while that step trains), scoring it on the current test images. */
  private async importModel(step: StepName, model: SerializedModel, origin: ModelOrigin, config: ExperimentConfig): Promise<void> {
    if (this.current === step) throw new Error(`Stop training ${STEP_LABEL[step]} before loading another model into it.`);
    const testSet = this.mnist ? testSetFor(step, this.prepare(config, false)) : null;
    this.emit(await this.library.importModel(step, model, origin, config, testSet, () => this.current === step));
    this.emitMemory();
  }

  private async evaluateArms(config: ExperimentConfig, withTest: ExperimentConfig): Promise<void> {
    const splits = this.prepare(withTest, false);
    const arms: Partial<Record<ArmName, ArmEvaluation>> = {};
    const transfer: Transferable[] = [];
    for (const arm of ARM_NAMES) {
      const model = this.models.get(arm);
      if (!model || this.current === arm) continue;
      // Each model sees pixels scaled the way it was trained, whatever the settings form says now.
      const scaling = this.library.configOf(arm)?.scaling ?? config.scaling;
      const result = await evaluate(model, splits.test, { scaling, batchSize: 256 });
      const probabilities = new Float32Array(splits.test.count * 10);
      for (let start = 0; start < splits.test.count; start += 500) {
        const rows = range(start, Math.min(splits.test.count, start + 500));
        probabilities.set(await predictProbabilities(model, splits.test, rows, scaling), start * 10);
      }
      arms[arm] = { ...result, probabilities };
      transfer.push(probabilities.buffer);
    }
    const labels = splits.test.labels.slice();
    this.emit({ type: 'evaluated', testSet: withTest.splits.testSet, startIndex: splits.testStart, labels, arms }, transfer);
  }

  private async predict(requestId: number, pixels: Uint8Array, config: ExperimentConfig): Promise<void> {
    const predictions: Predictions = {};
    for (const step of ['pretext', ...ARM_NAMES] as const) {
      const model = this.models.get(step);
      if (model && this.current !== step) predictions[step] = await predictPixels(model, pixels, this.library.configOf(step)?.scaling ?? config.scaling);
    }
    this.emit({ type: 'prediction', requestId, predictions });
  }

  private async switchBackend(name: BackendInfo['name']): Promise<void> {
    if (this.run || this.switching) throw new Error('Stop training before switching backend.');
    const previous = this.backend?.name ?? tf.getBackend();
    this.switching = true;
    try {
      this.backend = await startBackend(name, this.webglDisabled);
      this.models.rebuildAll();
    } catch (err) {
      await activateBackend(previous as BackendInfo['name']);
      throw err;
    } finally {
      this.switching = false;
    }
    this.emit({ type: 'backendChanged', backend: this.backend, message: `Now training on ${this.backend.name}; trained models were moved over from their last checkpoints.` });
  }

  private emitMemory(): void {
    const memory = tf.memory();
    this.emit({ type: 'memory', numTensors: memory.numTensors, numBytes: memory.numBytes });
  }
}
