/**
 * The engine's bookkeeping for models that leave or enter it: the history and settings behind each model's
 * weights (saved along with them), the automatic per-epoch save for "continue after a reload", and loading a
 * model from a file, this browser, or the shipped checkpoints, checked before it replaces anything.
 */
import type { ExperimentConfig } from '../ml/config/presets';
import { configProblem } from '../ml/config/check-config';
import type { EpochRecord } from '../ml/train/events';
import type { TaskSet } from '../ml/train/objective';
import { copiesTrunk, runId, sourceOf, type RunId, type RunSpec } from '../ml/experiment/runs';
import { taskById } from '../ml/tasks/registry';
import { summarizeModel } from '../ml/models/summary';
import { evaluate } from '../ml/eval/evaluate';
import { deserializeModel, type ModelMetadata, type SerializedModel } from '../ml/models/persist';
import { ModelStore, buildFor, frozenLayersOf } from './model-store';
import { browserStorageAvailable, isQuotaError, listSaved, saveSnapshotToBrowser, snapshotToSerialized } from './persistence';
import type { EngineEvent, ModelOrigin, SavedEntry } from './messages';

/** What a run's current weights came from. */
export interface TrainingRecord {
  readonly history: EpochRecord[];
  readonly epochsPlanned: number;
  readonly config: ExperimentConfig;
}

/** Model bookkeeping shared by the engine's training and persistence commands. */
export class ModelLibrary {
  private readonly records = new Map<RunId, TrainingRecord>();
  private readonly pending = new Map<RunId, Promise<void>>();
  private readonly wanted = new Map<RunId, number>();
  private readonly models: ModelStore;
  private readonly backendName: () => string;
  private readonly trainImages: () => number;
  private readonly onStorageProblem: (message: string) => void;
  /** Problems already reported, so a full disk is said once, not after every epoch. */
  private readonly reported = new Set<string>();

  constructor(models: ModelStore, backendName: () => string, trainImages: () => number, onStorageProblem: (message: string) => void = () => undefined) {
    this.models = models;
    this.backendName = backendName;
    this.trainImages = trainImages;
    this.onStorageProblem = onStorageProblem;
  }

  /** The settings a run's current weights were trained with, if known. */
  configOf(run: RunId): ExperimentConfig | undefined {
    return this.records.get(run)?.config;
  }

  /** Starts the record of a training run (keeping the epochs already done when it continues one). */
  startRecord(run: RunId, initialEpoch: number, epochsPlanned: number, config: ExperimentConfig): TrainingRecord {
    const earlier = initialEpoch > 0 ? (this.records.get(run)?.history ?? []).slice(0, initialEpoch) : [];
    const record = { history: [...earlier], epochsPlanned, config };
    this.records.set(run, record);
    return record;
  }

  /** The metadata saved with a run's model. */
  metadata(run: RunId, config: ExperimentConfig): ModelMetadata {
    const record = this.records.get(run);
    const snapshot = this.models.snapshot(run);
    const spec = this.models.spec(run);
    return {
      app: 'pretext-lab', format: 1, step: run, ...(spec ? { spec } : {}), seed: snapshot?.seed ?? config.seed,
      epochs: snapshot?.epochs ?? record?.history.length ?? 0,
      epochsPlanned: record?.epochsPlanned ?? snapshot?.epochs ?? 0,
      history: record?.history ?? [], config: record?.config ?? config,
      savedAt: new Date().toISOString(), backend: this.backendName(),
    };
  }

  /**
   * Keeps the last good weights in memory and, in a browser, in IndexedDB for "continue after reload"
   * (unless `autosave` is false: another tab is training the same run and owns its save).
   */
  checkpointAndAutosave(run: RunId, epochs: number, config: ExperimentConfig, autosave = true): Promise<void> {
    // Saves of one step run one after another, and `settled` lets the end of a run wait for the last one, so a
    // late autosave can never land after the run has cleared it.
    // A failed checkpoint (say, a lost GPU context) surfaces through training itself; the chain goes on.
    // The in-memory snapshot starts now, at the epoch's end, so it holds exactly that epoch's weights.
    const checkpoint = this.models.checkpoint(run, epochs, config.seed);
    this.wanted.set(run, epochs);
    const next = (this.pending.get(run) ?? Promise.resolve()).then(() => checkpoint).then(() => (autosave ? this.saveEpoch(run, epochs, config) : undefined)).catch(() => undefined);
    this.pending.set(run, next);
    return next;
  }

  /**
   * Forgets the checkpoints and saves still queued for `run`. After a lost GPU context they wait on the dead
   * context for ever, and a continued run must not wait behind them.
   */
  abandon(run: RunId): void {
    this.pending.delete(run);
    this.wanted.delete(run);
  }

  /** Resolves once every checkpoint and autosave started for `run` has finished. */
  settled(run: RunId): Promise<void> {
    return this.pending.get(run) ?? Promise.resolve();
  }

  private async saveEpoch(run: RunId, epochs: number, config: ExperimentConfig): Promise<void> {
    // When epochs outrun the disk, skip to the newest: a queue of stale saves would only delay the useful one.
    if (this.wanted.get(run) !== epochs) return;
    const snapshot = this.models.snapshot(run);
    if (!snapshot || !browserStorageAvailable()) return;
    const model = this.models.get(run);
    if (!model) return;
    try {
      // From the snapshot (a consistent copy), not the live weights that the next batch is already changing.
      const meta = this.metadata(run, config);
      await saveSnapshotToBrowser(model, snapshot, run, 'autosave', { ...meta, epochs: snapshot.epochs, history: meta.history.slice(0, snapshot.epochs) });
    } catch (err) {
      // Storage can be full or blocked (private windows); training goes on regardless, and the student hears
      // once that a reload would now lose the run, and how to keep it instead.
      this.reportStorageProblem(err);
    }
  }

  /** Says once per kind of problem that saving failed, and what still works. */
  reportStorageProblem(err: unknown): void {
    const quota = isQuotaError(err);
    const key = quota ? 'quota' : 'other';
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.onStorageProblem(quota
      ? 'This browser\'s storage for the lab is full, so runs are no longer saved after each epoch. Training goes on and the models stay in this page; use Download to keep one, or delete saved models to make room.'
      : `Saving in this browser failed (${err instanceof Error ? err.message : String(err)}), so runs are no longer saved after each epoch. Training goes on; use Download to keep a model.`);
  }

  /** A run's last good weights (its in-memory snapshot) as a model file, with its history; null without one. */
  backup(run: RunId, config: ExperimentConfig): SerializedModel | null {
    const model = this.models.get(run);
    const snapshot = this.models.snapshot(run);
    if (!model || !snapshot) return null;
    const meta = this.metadata(run, config);
    return snapshotToSerialized(model, snapshot, { ...meta, epochs: snapshot.epochs, history: meta.history.slice(0, snapshot.epochs) });
  }

  /**
   * Checks and loads a serialized model into a run. Only a valid model replaces the current one. `testSet`
   * gives the examples to score it on (none before the data is loaded).
   */
  async importModel(
    spec: RunSpec, serialized: SerializedModel, origin: ModelOrigin, config: ExperimentConfig, testSet: TaskSet | null,
    isTraining: () => boolean,
  ): Promise<Extract<EngineEvent, { type: 'modelLoaded' }>> {
    const run = runId(spec);
    const expected = buildFor(spec, 0, copiesTrunk(spec.use) ? this.models.get(runId(sourceOf(spec))) : undefined);
    const want = summarizeModel(expected);
    expected.dispose();
    const model = await deserializeModel({
      modelTopology: serialized.modelTopology, weightSpecs: serialized.weightSpecs, weightData: serialized.weightData,
      ...(serialized.metadata ? { userDefinedMetadata: { pretextLab: serialized.metadata } } : {}),
    }, want, frozenLayersOf(spec));
    // Only now, with a valid model in hand, is the current one replaced (unless a run started meanwhile).
    if (isTraining()) {
      model.dispose();
      throw new Error('That run started training while the model was being read; stop it and load the model again.');
    }
    const meta = serialized.metadata;
    // The model's own training settings (its pixel scaling above all) when the file carries valid ones.
    const trainedWith = meta && configProblem(meta.config, this.trainImages()) === null ? (meta.config as ExperimentConfig) : config;
    this.models.set(spec, model);
    await this.models.checkpoint(run, meta?.epochs ?? 0, meta?.seed ?? config.seed);
    this.records.set(run, { history: [...(meta?.history ?? [])], epochsPlanned: meta?.epochsPlanned ?? meta?.epochs ?? 0, config: trainedWith });
    const objective = spec.use === 'pretext' ? taskById(spec.task).objective : undefined;
    const test = testSet ? await evaluate(model, testSet, { scaling: trainedWith.scaling, batchSize: 64, ...(objective ? { objective } : {}) }) : null;
    return {
      type: 'modelLoaded', run, spec, origin, summary: summarizeModel(model), epochs: meta?.epochs ?? 0, epochsPlanned: meta?.epochsPlanned ?? meta?.epochs ?? 0,
      history: meta?.history ?? [], testAccuracy: test?.accuracy ?? null, testLoss: test?.loss ?? null, metadata: meta,
    };
  }

  /** The list of models stored in this browser, as an event. */
  async savedList(): Promise<EngineEvent> {
    const available = browserStorageAvailable();
    let entries: SavedEntry[] = [];
    try {
      if (available) entries = await listSaved();
    } catch (err) {
      // IndexedDB exists but cannot be opened (some private windows): saving is off, the lab works on.
      this.reportStorageProblem(err);
      return { type: 'savedList', entries: [], storageAvailable: false };
    }
    return { type: 'savedList', entries, storageAvailable: available };
  }
}
