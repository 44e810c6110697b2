/**
 * One training run at a time, from start to its final score: the part of the engine that owns the run in
 * progress. It takes the locks other tabs see, watches for a lost WebGL context, builds or rolls back the
 * run's model, trains it with live events, checkpoints and autosaves after each epoch, scores it, and on a
 * fault goes back to the last good epoch. Pause, step, resume and stop reach the run through it; the engine
 * (engine.ts) keeps the data, the models and every other command.
 */
import * as tf from '#tf';
import { summarizeModel } from '../ml/models/summary';
import { TrainingRun, trainRowCount } from '../ml/train/trainer';
import type { TaskSet } from '../ml/train/objective';
import { evaluate } from '../ml/eval/evaluate';
import type { ExperimentConfig } from '../ml/config/presets';
import { SettingError } from '../ml/config/validate';
import type { Splits } from '../ml/data/splits';
import { copiesTrunk, describeRun, needsPretextMessage, runId, settingsFor, sourceOf, trainOptionsFor, type RunId, type RunSpec } from '../ml/experiment/runs';
import { taskById } from '../ml/tasks/registry';
import { buildFor, type ModelStore } from './model-store';
import type { ModelLibrary } from './model-library';
import { browserStorageAvailable, deleteFromBrowser } from './persistence';
import { poisonWeights, watchWebGLContext } from './faults';
import { holdIfFree } from './tab-locks';
import { LiveProbe } from './engine-probe';
import type { EngineEvent, ModelOrigin } from './messages';

/** What a run needs from the engine that holds it. */
export interface TrainHost {
  readonly emit: (event: EngineEvent, transfer?: Transferable[]) => void;
  readonly models: ModelStore;
  readonly library: ModelLibrary;
  /** The splits for a configuration (checked; throws a SettingError for a bad one). */
  prepare(config: ExperimentConfig): Splits;
  /** The pretext examples of the configuration's task, built once per task, seed and order. */
  pretextExamples(config: ExperimentConfig): TaskSet;
  /** What a run is scored on after training. */
  testSetOf(spec: RunSpec, config: ExperimentConfig): TaskSet;
  /** Sends the page a copy of a run's last good weights. */
  emitBackup(run: RunId, origin: ModelOrigin, config: ExperimentConfig): void;
  emitSaved(): Promise<void>;
  emitMemory(): void;
  /** The backend's name, for messages. */
  backendName(): string;
  /** What else holds the processor (a label sweep or probes), or null. */
  busyWith(): string | null;
  /** True while the backend is being switched. */
  switching(): boolean;
}

/** Owns the run in progress (at most one). */
export class RunTrainer {
  private run: TrainingRun | null = null;
  private runId: RunId | null = null;
  /** Set when the browser took the WebGL context away during the current run. */
  private contextLost = false;
  /** Set by a fault test: the next batch end writes NaN into the training model. */
  private poisonNextBatch = false;
  /** The digit probe of the pretext run in progress (none for the digit heads: they are read by their own score). */
  private probe: LiveProbe | null = null;

  private readonly host: TrainHost;

  constructor(host: TrainHost) {
    this.host = host;
  }

  /** The run training now, or null. */
  get current(): RunId | null {
    return this.runId;
  }

  /** True from a run's start until it has completely finished (its final evaluation included). */
  get busy(): boolean {
    return this.run !== null;
  }

  pause(): void { this.run?.pause(); }
  resume(): void { this.run?.resume(); }
  step(): void { this.run?.step(); }
  stop(): void {
    this.probe?.stop();
    this.run?.stop();
  }

  /** Makes the next batch end write NaN into the training model (a fault test); refused when nothing trains. */
  poisonNext(): void {
    if (!this.run) throw new Error('Nothing is training: a NaN loss needs a run in progress.');
    this.poisonNextBatch = true;
  }

  /**
   * Trains one run to its end (or its failure), emitting its events; refuses while anything else trains.
   * `probeEpochs`: a pretext run is read by the live digit probe at every epoch boundary.
   */
  async train(spec: RunSpec, requested: ExperimentConfig, resume: boolean, probeEpochs = false): Promise<void> {
    const id = runId(spec);
    // `this.run` stays set until the previous run has completely finished (its final evaluation included).
    const { emit, models, library } = this.host;
    const busy = this.host.busyWith();
    if (busy) {
      emit({ type: 'error', message: `A ${busy} is running in the curve step: wait for it, or stop it first.` });
      return;
    }
    if (this.busy || this.host.switching()) {
      const running = this.current ? models.spec(this.current) : undefined;
      const what = this.host.switching() ? 'The backend is being switched' : `Training of ${running ? describeRun(running) : 'another model'} is still running`;
      emit({ type: 'error', message: `${what}: wait for it, or stop it first.` });
      return;
    }
    // Other tabs of the lab: one training too shares the processor; one training this very run would
    // overwrite our autosave (and we theirs), so only the tab holding the run's lock saves it.
    let finish = (): void => undefined;
    const finished = new Promise<void>((resolve) => { finish = resolve; });
    const [alone, ownsSave] = await Promise.all([holdIfFree('pretext-lab:training', finished), holdIfFree(`pretext-lab:autosave:${id}`, finished)]);
    if (!alone) emit({ type: 'info', message: 'Another tab of the lab is training at the same time. The two share this computer\'s processor, so each trains more slowly; pause one to speed up the other.' });
    if (!ownsSave) emit({ type: 'info', message: `Another tab is training ${describeRun(spec)} too, so this tab does not save it after each epoch: the two would overwrite each other's saves. Use Download when it is done to keep it.` });
    this.contextLost = false;
    // When the browser takes the GPU away, the batch in flight may never finish (its read-back waits on a
    // context that is gone), so the run is abandoned at once rather than stopped at the next batch.
    let abandon = (_err: Error): void => undefined;
    const lost = new Promise<never>((_resolve, reject) => { abandon = reject; });
    lost.catch(() => undefined);
    const unwatch = watchWebGLContext(() => {
      this.contextLost = true;
      abandon(new Error('the browser took the WebGL context away (a GPU reset, or too many GPU pages open)'));
    });
    const snapshot = resume ? models.snapshot(id) : undefined;
    // A continued run keeps the settings it started with (seed, sizes, scaling), whatever the form shows now.
    const config = (snapshot && library.configOf(id)) || { ...requested, task: spec.task, seed: spec.seed };
    try {
      const splits = this.host.prepare(config);
      const data = spec.use === 'pretext' ? this.host.pretextExamples(config) : splits.labelled;
      const source = copiesTrunk(spec.use) ? models.get(runId(sourceOf(spec))) : undefined;
      if (copiesTrunk(spec.use) && !source && !snapshot) throw new Error(needsPretextMessage(spec));
      if (snapshot) models.rollback(id);
      else models.set(spec, buildFor(spec, config.seed, source));
      const model = models.get(id) as tf.Sequential;
      const settings = settingsFor(spec.use, config);
      const initialEpoch = snapshot?.epochs ?? 0;
      const record = library.startRecord(id, initialEpoch, settings.epochs, config);
      const options = { ...trainOptionsFor(spec, config), initialEpoch };
      const trainCount = trainRowCount(data.count, settings.validationSplit, options.groupSize);
      this.runId = id;
      const probe = probeEpochs && spec.use === 'pretext'
        ? new LiveProbe({
          run: id, model, labelled: splits.labelled, test: splits.test, scaling: config.scaling, seed: config.seed,
          // A reading that finishes after its run was abandoned (a lost GPU) stays silent, as the run's other callbacks do.
          emit: (event) => { if (this.probe === probe) emit(event); },
        })
        : null;
      this.probe = probe;
      // Callbacks check they still belong to the current run: an abandoned run (lost GPU) must stay silent.
      const mine = (): boolean => this.run === trainer;
      const trainer: TrainingRun = new TrainingRun(model, data, options, {
        onBatchEnd: (event) => {
          if (!mine()) return;
          emit({ type: 'batch', run: id, event });
          if (this.poisonNextBatch) {
            this.poisonNextBatch = false;
            poisonWeights(model);
          }
        },
        onEpochEnd: (event) => {
          if (!mine()) return;
          emit({ type: 'epoch', run: id, event });
          const { type: _type, elapsedMs: _elapsed, ...epoch } = event;
          record.history.push(epoch);
          void library.checkpointAndAutosave(id, event.epoch + 1, config, ownsSave).then(() => {
            if (this.current === id && !this.contextLost) this.host.emitBackup(id, 'autosave', config);
          });
        },
        onStateChange: (state) => {
          if (mine()) emit({ type: 'runState', run: id, state });
        },
        // Only a probed run waits at its epoch boundaries; any other trains exactly as it did before the probe existed.
        ...(probe ? {
          atEpochBoundary: async (epochsDone: number) => {
            if (mine() && !this.contextLost) await probe.measure(epochsDone);
          },
        } : {}),
      });
      this.run = trainer;
      emit({ type: 'runStarted', run: id, spec, summary: summarizeModel(model), epochs: settings.epochs, trainCount, initialEpoch });
      // Every wait on the backend races the lost context: none of them would return after it.
      const unlessLost = <T>(work: Promise<T>): Promise<T> => Promise.race([work, lost]);
      const result = await unlessLost(trainer.run());
      await unlessLost(library.settled(id));
      await unlessLost(models.checkpoint(id, result.epochsRun, config.seed));
      // The run ended cleanly: nothing to continue after a reload.
      if (browserStorageAvailable() && ownsSave) {
        await deleteFromBrowser(id, 'autosave').catch(() => undefined);
        await this.host.emitSaved();
      }
      const objective = spec.use === 'pretext' ? taskById(spec.task).objective : undefined;
      const test = await unlessLost(evaluate(model, this.host.testSetOf(spec, config), { scaling: config.scaling, batchSize: spec.use === 'pretext' ? 192 : 64, ...(objective ? { objective } : {}) }));
      emit({ type: 'runEnded', run: id, result, testAccuracy: test.accuracy, testLoss: test.loss });
      this.host.emitBackup(id, 'trained', config);
    } catch (err) {
      // A lost WebGL context or another backend fault: go back to the last good weights and say so.
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof SettingError || this.run === null) {
        emit({ type: 'error', message, ...(err instanceof SettingError ? { setting: err.setting } : {}) });
      } else {
        if (this.contextLost) library.abandon(id);
        try {
          models.rollback(id);
        } catch {
          // The faulty backend may refuse even the restore; the snapshot stays for a switch of backend.
        }
        const kept = models.snapshot(id)?.epochs ?? 0;
        emit({ type: 'runFailed', run: id, epochsKept: kept, message: `Training ${describeRun(spec)} failed on ${this.host.backendName()}: ${message}` });
      }
    } finally {
      this.run = null;
      this.runId = null;
      this.probe = null;
      this.poisonNextBatch = false;
      unwatch();
      finish();
      this.host.emitMemory();
    }
  }
}
