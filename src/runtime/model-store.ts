/**
 * The engine's models and their last good weights.
 *
 * After every epoch we copy each model's weights out of the backend into plain Float32Arrays. That copy is
 * backend-independent, so it serves three purposes: a checkpoint to fall back to when a GPU loses its
 * context mid-epoch, the way to move trained models to another backend, and (later) what gets saved.
 */
import * as tf from '#tf';
import { buildDigitClassifier, buildTaskModel, planDigitClassifier, planTaskModel } from '../ml/models/architecture';
import type { ModelSummaries } from './messages';
import type { ModelSummary } from '../ml/models/summary';
import { summarizePlan } from '../ml/models/plan';
import { runId, type RunId, type RunSpec } from '../ml/experiment/runs';
import { TASK_IDS, taskById, type TaskId } from '../ml/tasks/registry';
import { TRUNK_WEIGHT_LAYERS } from '../ml/models/trunk';

/** A model's weights as plain arrays, with the epochs of training they represent. */
export interface Snapshot {
  readonly weights: readonly { readonly shape: readonly number[]; readonly values: Float32Array }[];
  readonly epochs: number;
  readonly seed: number;
}

/** Reads all weights of `model` into a snapshot (async: never blocks on the GPU). */
export async function takeSnapshot(model: tf.LayersModel, epochs: number, seed: number): Promise<Snapshot> {
  const tensors = model.getWeights();
  const values = await Promise.all(tensors.map((t) => t.data() as Promise<Float32Array>));
  return { weights: tensors.map((t, i) => ({ shape: t.shape.slice(), values: values[i].slice() })), epochs, seed };
}

/** Which layers are frozen in a run's model (the transferred or random convolutions). */
export function frozenLayersOf(spec: RunSpec): readonly number[] {
  return spec.use === 'transfer' || spec.use === 'random' ? TRUNK_WEIGHT_LAYERS : [];
}

/**
 * Builds a model of the right architecture for a run (frozen where the lecture freezes). A transfer run
 * copies `source`'s trunk when given; without it (a model about to be loaded from a file) the frozen trunk
 * starts random and the loaded weights replace it.
 */
export function buildFor(spec: RunSpec, seed: number, source?: tf.LayersModel): tf.Sequential {
  switch (spec.use) {
    case 'pretext': return buildTaskModel(taskById(spec.task), seed);
    case 'transfer': return source ? buildDigitClassifier('transfer', seed, source) : buildDigitClassifier('random', seed);
    case 'scratch': return buildDigitClassifier('scratch', seed);
    case 'random': return buildDigitClassifier('random', seed);
    // Without a source (a model about to be loaded from a file) the trunk starts random, as for transfer.
    case 'finetune': return buildDigitClassifier(source ? 'finetune' : 'scratch', seed, source);
  }
}

/** Rebuilds a run's model on the current backend and loads the snapshot's weights into it. */
export function restore(spec: RunSpec, snapshot: Snapshot): tf.Sequential {
  const model = buildFor(spec, snapshot.seed);
  const tensors = snapshot.weights.map((w) => tf.tensor(w.values, w.shape as number[]));
  model.setWeights(tensors);
  tf.dispose(tensors);
  return model;
}

/** Every run's live model, its spec and its latest snapshot. */
export class ModelStore {
  private readonly models = new Map<RunId, tf.LayersModel>();
  private readonly snapshots = new Map<RunId, Snapshot>();
  private readonly specs = new Map<RunId, RunSpec>();

  /** The live model of a run, if any. */
  get(run: RunId): tf.LayersModel | undefined {
    return this.models.get(run);
  }

  /** The spec of a run the store holds. */
  spec(run: RunId): RunSpec | undefined {
    return this.specs.get(run);
  }

  /** The latest snapshot of a run, if any. */
  snapshot(run: RunId): Snapshot | undefined {
    return this.snapshots.get(run);
  }

  /** Replaces the live model of a run (disposing the old one) and forgets its old snapshot. */
  set(spec: RunSpec, model: tf.LayersModel): void {
    const id = runId(spec);
    const old = this.models.get(id);
    if (old && old !== model) old.dispose();
    this.models.set(id, model);
    this.specs.set(id, spec);
    this.snapshots.delete(id);
  }

  /** Records the model's current weights as its last good state. */
  async checkpoint(run: RunId, epochs: number, seed: number): Promise<void> {
    const model = this.models.get(run);
    if (model) this.snapshots.set(run, await takeSnapshot(model, epochs, seed));
  }

  /** Puts a run's model back to its last snapshot (or removes it if there is none). */
  rollback(run: RunId): void {
    const snapshot = this.snapshots.get(run);
    const spec = this.specs.get(run);
    const old = this.models.get(run);
    this.models.delete(run);
    try {
      old?.dispose();
    } catch {
      // A lost WebGL context can make disposal throw; the snapshot is what matters.
    }
    if (snapshot && spec) this.models.set(run, restore(spec, snapshot));
  }

  /** Disposes every live model and rebuilds them from their snapshots, e.g. after switching backend. */
  rebuildAll(): void {
    for (const run of [...this.models.keys()]) this.rollback(run);
    for (const [run, snapshot] of this.snapshots) {
      const spec = this.specs.get(run);
      if (!this.models.has(run) && spec) this.models.set(run, restore(spec, snapshot));
    }
  }

  /** The runs that have a live model. */
  runs(): RunId[] {
    return [...this.models.keys()];
  }

  /** Disposes everything. */
  clear(): void {
    for (const model of this.models.values()) model.dispose();
    this.models.clear();
    this.snapshots.clear();
    this.specs.clear();
  }
}

/**
 * Every architecture's summary, worked out from its plan without building it (models/plan.ts says why; a unit
 * test checks each against the built model).
 */
export function architectureSummaries(): ModelSummaries {
  const pretext = Object.fromEntries(TASK_IDS.map((id) => [id, summarizePlan(planTaskModel(taskById(id)))])) as Record<TaskId, ModelSummary>;
  return { pretext, downstream: summarizePlan(planDigitClassifier('random')), supervised: summarizePlan(planDigitClassifier('scratch')) };
}
