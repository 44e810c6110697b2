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
import { browserStorageAvailable, listSaved, saveSnapshotToBrowser } from './persistence';
import type { EngineEvent, ModelOrigin } from './messages';

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

  constructor(models: ModelStore, backendName: () => string, trainImages: () => number) {
    this.models = models;
    this.backendName = backendName;
    this.trainImages = trainImages;
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

  /** Keeps the last good weights in memory and, in a browser, in IndexedDB for "continue after reload". */
  checkpointAndAutosave(run: RunId, epochs: number, config: ExperimentConfig): Promise<void> {
    // Saves of one step run one after another, and `settled` lets the end of a run wait for the last one, so a
    // late autosave can never land after the run has cleared it.
    // A failed checkpoint (say, a lost GPU context) surfaces through training itself; the chain goes on.
    // The in-memory snapshot starts now, at the epoch's end, so it holds exactly that epoch's weights.
    const checkpoint = this.models.checkpoint(run, epochs, config.seed);
    this.wanted.set(run, epochs);
    const next = (this.pending.get(run) ?? Promise.resolve()).then(() => checkpoint).then(() => this.saveEpoch(run, epochs, config)).catch(() => undefined);
    this.pending.set(run, next);
    return next;
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
    } catch {
      // Storage can be full or blocked (private windows); training goes on regardless.
    }
  }

  /**
   * Checks and loads a serialized model into a run. Only a valid model replaces the current one. `testSet`
   * gives the examples to score it on (none before the data is loaded).
   */
  async importModel(
    spec: RunSpec, serialized: SerializedModel, origin: ModelOrigin, config: ExperimentConfig, testSet: TaskSet | null,
    isTraining: () => boolean,
  ): Promise<EngineEvent> {
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
    return { type: 'savedList', entries: available ? await listSaved() : [], storageAvailable: available };
  }
}
