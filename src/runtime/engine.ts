/**
 * The training engine behind the page: it holds the data and every run's model, trains one run at a time,
 * and answers in typed events keyed by run id. The same class runs inside the Web Worker and, where a worker
 * cannot train, on the main thread; it never touches the DOM or React.
 */
import * as tf from '#tf';
import type { Mnist } from '../ml/data/mnist';
import { makeSplits, type Splits } from '../ml/data/splits';
import type { TaskSet } from '../ml/train/objective';
import { checkConfig } from '../ml/config/check-config';
import type { ExperimentConfig } from '../ml/config/presets';
import { SettingError } from '../ml/config/validate';
import { pretextTestSet, pretextTrainSet } from '../ml/experiment/protocol';
import { describeRun, exampleSeed, runId, type RunId, type RunSpec } from '../ml/experiment/runs';
import { ModelStore, architectureSummaries } from './model-store';
import { serializeModel } from '../ml/models/persist';
import { ModelLibrary } from './model-library';
import { browserStorageAvailable, deleteFromBrowser, isQuotaError, readFromBrowser, saveToBrowser, toSerialized, turnOffBrowserStorage } from './persistence';
import { crashSoon, loseWebGLContext } from './faults';
import { activateBackend } from '../ml/backends/activate';
import { lastWebGLProbe, startBackend } from './backends';
import type { EarlyProbes } from './early-probes';
import { evaluateRuns, predictRuns, reconstructWith } from './engine-queries';
import { InsightBench } from './engine-curve';
import { Inspector } from './engine-inspect';
import { RunTrainer } from './engine-train';
import type { BackendInfo, Command, EngineEvent, EngineMode, FaultName, ModelOrigin } from './messages';

/** Said when the browser gives the page no storage: what is off, and what still works. */
const NO_STORAGE = 'This browser does not let the lab store anything (a private window, or storage blocked), so saving in the browser and continuing a run after a reload are off. Training works as usual; use Download to keep a model.';

/** Sends an event to the page; `transfer` lists buffers to move instead of copy. */
export type Emit = (event: EngineEvent, transfer?: Transferable[]) => void;

/** Handles commands one by one (training runs in the background so pause/stop can arrive meanwhile). */
export class Engine {
  private readonly emit: Emit;
  private readonly mode: EngineMode;
  private mnist: Mnist | null = null;
  private splitsKey = '';
  private splits: Splits | null = null;
  /** The pretext examples of the last task prepared, keyed by what they depend on. */
  private examples: { readonly key: string; readonly set: TaskSet } | null = null;
  private readonly models = new ModelStore();
  private backend: BackendInfo | null = null;
  /** Per run: the history and settings behind the current weights, saved along with them. */
  private readonly library = new ModelLibrary(
    this.models, () => this.backend?.name ?? tf.getBackend(), () => this.mnist?.train.count ?? 20_000,
    (message) => this.emit({ type: 'info', message }),
  );
  private webglDisabled = false;
  /** True while the backend is being switched: no training may start in between. */
  private switching = false;
  /** Answers the "what did the network learn" questions (engine-inspect.ts). */
  private readonly inspector = new Inspector({
    emit: (event, transfer) => this.emit(event, transfer), models: this.models, library: this.library, mnist: () => this.mnist, training: (): RunId | null => this.trainer.current,
  });
  /** Label-efficiency sweeps and probes on the models held here (engine-curve.ts). */
  private readonly insight = new InsightBench((event) => this.emit(event), {
    mnist: () => this.mnist, model: (run) => this.models.get(run), training: (): RunId | null => this.trainer.current,
  });

  /** The run in progress, from its locks to its final score (engine-train.ts). */
  private readonly trainer: RunTrainer = new RunTrainer({
    emit: (event, transfer) => this.emit(event, transfer), models: this.models, library: this.library,
    prepare: (config) => this.prepare(config), pretextExamples: (config) => this.pretextExamples(config),
    testSetOf: (spec, config) => this.testSetOf(spec, config), emitBackup: (run, origin, config) => this.emitBackup(run, origin, config),
    emitSaved: () => this.emitSaved(), emitMemory: () => this.emitMemory(),
    backendName: () => this.backend?.name ?? 'this backend', busyWith: (): string | null => this.insight.busy, switching: () => this.switching,
  });

  /** GPU probes already under way when the engine was made, for its first `init` (see early-probes.ts). */
  private earlyProbes: EarlyProbes | null;

  constructor(emit: Emit, mode: EngineMode, earlyProbes: EarlyProbes | null = null) {
    this.emit = emit;
    this.mode = mode;
    this.earlyProbes = earlyProbes;
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
        const early = this.earlyProbes;
        this.earlyProbes = null;
        this.backend = await startBackend(command.backend, this.webglDisabled, early ?? undefined);
        const webgl2InWorker = this.mode === 'worker' ? lastWebGLProbe()?.available === true : false;
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
        if (!browserStorageAvailable()) this.emit({ type: 'info', message: NO_STORAGE });
        return;
      }
      case 'makeExamples': {
        const started = performance.now();
        const set = this.pretextExamples(command.config);
        this.emit({ type: 'examplesReady', task: command.config.task, count: set.count, ms: performance.now() - started });
        return;
      }
      case 'train':
        this.trainer.train(command.spec, command.config, command.resume === true, command.probe === true).catch((err: unknown) => {
          this.emit({ type: 'error', message: `Training stopped unexpectedly: ${err instanceof Error ? err.message : String(err)}` });
        });
        return;
      case 'pause': this.trainer.pause(); return;
      case 'resume': this.trainer.resume(); return;
      case 'step': this.trainer.step(); return;
      case 'stop': this.trainer.stop(); return;
      case 'evaluate': {
        const config = { ...command.config, splits: { ...command.config.splits, testSet: command.testSet } };
        const runs = command.runs.filter((id) => id !== this.trainer.current);
        const { event, transfer } = await evaluateRuns(this.models, this.library, runs, this.prepare(config), config);
        this.emit(event, transfer);
        return;
      }
      case 'predict':
        this.emit({ type: 'prediction', requestId: command.requestId, predictions: await predictRuns(this.models, this.library, command.pixels, command.config, this.trainer.current) });
        return;
      case 'reconstruct': {
        const pixels = await reconstructWith(this.models, this.library, command.run, command.pixels, this.trainer.current);
        this.emit({ type: 'reconstruction', requestId: command.requestId, run: command.run, pixels }, [pixels.buffer]);
        return;
      }
      case 'switchBackend': await this.switchBackend(command.backend); return;
      case 'reset': this.models.clear(); this.emitMemory(); return;
      case 'exportModel': {
        const serialized = await serializeModel(this.requireModel(command.run), this.library.metadata(command.run, command.config));
        this.emit({ type: 'modelExported', run: command.run, model: serialized }, [serialized.weightData]);
        return;
      }
      case 'importModel': await this.importModel(command.spec, command.model, command.origin, command.config, command.restored === true); return;
      case 'saveToBrowser':
        try {
          await saveToBrowser(this.requireModel(command.run), command.run, 'saved', this.library.metadata(command.run, command.config));
        } catch (err) {
          if (!isQuotaError(err)) throw err;
          throw new Error('The model was not saved: this browser\'s storage for the lab is full. Delete a saved model to make room, or use Download to keep it as a file.');
        }
        await this.emitSaved();
        return;
      case 'loadFromBrowser': {
        const model = toSerialized(await readFromBrowser(runId(command.spec), command.slot));
        await this.importModel(command.spec, model, command.slot === 'autosave' ? 'autosave' : 'browser', command.config, false);
        return;
      }
      case 'deleteFromBrowser': await deleteFromBrowser(command.run, command.slot); await this.emitSaved(); return;
      case 'listSaved': await this.emitSaved(); return;
      case 'injectFault': await this.injectFault(command.fault); return;
      // Not awaited: a long UMAP layout must not hold up the commands behind it (its own Stop among them).
      case 'inspect': void this.inspector.handle(command.requestId, command.query); return;
      case 'stopInspect': this.inspector.stop(command.requestId); return;
      case 'insight': await this.insight.handle(command.command); return;
    }
  }

  /** Causes a fault on purpose (tests only; the page sends these only when opened with ?faults=on). */
  private async injectFault(fault: FaultName): Promise<void> {
    switch (fault) {
      case 'crash':
        if (this.mode !== 'worker') throw new Error('Only the worker can be crashed: the engine runs on the main thread here.');
        crashSoon();
        return;
      case 'nanLoss':
        this.trainer.poisonNext();
        return;
      case 'webglContextLoss':
        if (!loseWebGLContext()) throw new Error(`The WebGL context can only be lost on WebGL; this is ${tf.getBackend()}.`);
        return;
      case 'storageUnavailable':
        turnOffBrowserStorage();
        await this.emitSaved();
        this.emit({ type: 'info', message: NO_STORAGE });
        return;
    }
  }

  /** Sends the page a copy of a run's last good weights (see the `backup` event). */
  private emitBackup(run: RunId, origin: ModelOrigin, config: ExperimentConfig): void {
    const spec = this.models.spec(run);
    const model = spec ? this.library.backup(run, config) : null;
    if (spec && model) this.emit({ type: 'backup', run, spec, origin, model }, [model.weightData]);
  }

  /** Cuts the splits for this configuration, reusing them when unchanged. */
  private prepare(config: ExperimentConfig): Splits {
    if (!this.mnist) throw new Error('The MNIST data is not loaded yet.');
    checkConfig(config, this.mnist.train.count);
    const key = JSON.stringify(config.splits);
    if (key !== this.splitsKey || !this.splits) {
      this.splits = makeSplits(this.mnist, config.splits);
      this.examples = null;
      this.splitsKey = key;
    }
    return this.splits;
  }

  /** The pretext examples of the configuration's task, built once and reused while nothing they depend on changes. */
  private pretextExamples(config: ExperimentConfig): TaskSet {
    const splits = this.prepare(config);
    const key = JSON.stringify([config.task, exampleSeed(config.task, config.seed), config.rotationOrder]);
    if (this.examples?.key !== key) this.examples = { key, set: pretextTrainSet(config, splits.pretext) };
    return this.examples.set;
  }

  /** What a run is scored on after training: the digit test images, or the task's examples of them. */
  private testSetOf(spec: RunSpec, config: ExperimentConfig): TaskSet {
    const splits = this.prepare(config);
    return spec.use === 'pretext' ? pretextTestSet(spec.task, splits) : splits.test;
  }

  private requireModel(run: RunId): tf.LayersModel {
    const model = this.models.get(run);
    const spec = this.models.spec(run);
    if (!model || !spec) throw new Error(`There is no model for ${run} yet: train or load it first.`);
    if (this.trainer.current === run) throw new Error(`${describeRun(spec)} is training: stop it first.`);
    return model;
  }

  private async emitSaved(): Promise<void> {
    this.emit(await this.library.savedList());
  }

  /** Loads a model into a run (refused while that run trains), scoring it on the current test images. */
  private async importModel(spec: RunSpec, model: Parameters<ModelLibrary['importModel']>[1], origin: ModelOrigin, config: ExperimentConfig, restored: boolean): Promise<void> {
    const id = runId(spec);
    if (this.trainer.current === id) throw new Error(`Stop training ${describeRun(spec)} before loading another model into it.`);
    const testSet = this.mnist ? this.testSetOf(spec, config) : null;
    const loaded = await this.library.importModel(spec, model, origin, config, testSet, () => this.trainer.current === id);
    this.emit(restored ? { ...loaded, restored } : loaded);
    // A restored model's copy is already on the page; any other is sent, so a later crash loses nothing.
    if (!restored) this.emitBackup(id, origin, config);
    this.emitMemory();
  }

  private async switchBackend(name: BackendInfo['name']): Promise<void> {
    if (this.trainer.busy || this.switching) throw new Error('Stop training before switching backend.');
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
