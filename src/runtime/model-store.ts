/**
 * The engine's models and their last good weights.
 *
 * After every epoch we copy each model's weights out of the backend into plain Float32Arrays. That copy is
 * backend-independent, so it serves three purposes: a checkpoint to fall back to when a GPU loses its
 * context mid-epoch, the way to move trained models to another backend, and (later) what gets saved.
 */
import * as tf from '@tensorflow/tfjs';
import { buildDigitClassifier, buildPretextModel } from '../ml/models/architecture';
import type { ModelSummaries, StepName } from './messages';
import { summarizeModel } from '../ml/models/summary';

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

/** Which layers are frozen in each step's model (the transferred or random convolutions). */
export function frozenLayersOf(step: StepName): number[] {
  return step === 'selfSupervised' || step === 'randomFrozen' ? [0, 2] : [];
}

/** Builds an empty model of the right architecture for `step` (frozen where the lecture freezes). */
export function buildFor(step: StepName, seed: number, pretext?: tf.LayersModel): tf.Sequential {
  switch (step) {
    case 'pretext': return buildPretextModel(seed);
    case 'selfSupervised': return pretext ? buildDigitClassifier('transfer', seed, pretext) : buildDigitClassifier('random', seed);
    case 'supervised': return buildDigitClassifier('scratch', seed);
    case 'randomFrozen': return buildDigitClassifier('random', seed);
  }
}

/** Rebuilds a model for `step` on the current backend and loads the snapshot's weights into it. */
export function restore(step: StepName, snapshot: Snapshot): tf.Sequential {
  const model = buildFor(step, snapshot.seed);
  const tensors = snapshot.weights.map((w) => tf.tensor(w.values, w.shape as number[]));
  model.setWeights(tensors);
  tf.dispose(tensors);
  return model;
}

/** The four models, each with its latest snapshot. */
export class ModelStore {
  private readonly models = new Map<StepName, tf.LayersModel>();
  private readonly snapshots = new Map<StepName, Snapshot>();

  /** The live model for a step, if any. */
  get(step: StepName): tf.LayersModel | undefined {
    return this.models.get(step);
  }

  /** The latest snapshot for a step, if any. */
  snapshot(step: StepName): Snapshot | undefined {
    return this.snapshots.get(step);
  }

  /** Replaces the live model for a step (disposing the old one) and forgets its old snapshot. */
  set(step: StepName, model: tf.LayersModel): void {
    const old = this.models.get(step);
    if (old && old !== model) old.dispose();
    this.models.set(step, model);
    this.snapshots.delete(step);
  }

  /** Records the model's current weights as its last good state. */
  async checkpoint(step: StepName, epochs: number, seed: number): Promise<void> {
    const model = this.models.get(step);
    if (model) this.snapshots.set(step, await takeSnapshot(model, epochs, seed));
  }

  /** Puts a step's model back to its last snapshot (or removes it if there is none). */
  rollback(step: StepName): void {
    const snapshot = this.snapshots.get(step);
    const old = this.models.get(step);
    this.models.delete(step);
    try {
      old?.dispose();
    } catch {
      // A lost WebGL context can make disposal throw; the snapshot is what matters.
    }
    if (snapshot) this.models.set(step, restore(step, snapshot));
  }

  /** Disposes every live model and rebuilds them from their snapshots, e.g. after switching backend. */
  rebuildAll(): void {
    for (const step of [...this.models.keys()]) this.rollback(step);
    for (const [step, snapshot] of this.snapshots) {
      if (!this.models.has(step)) this.models.set(step, restore(step, snapshot));
    }
  }

  /** Steps that have a model. */
  steps(): StepName[] {
    return [...this.models.keys()];
  }

  /** Disposes everything. */
  clear(): void {
    for (const model of this.models.values()) model.dispose();
    this.models.clear();
    this.snapshots.clear();
  }
}

/** Builds each architecture once, summarises it, and frees it: real parameter counts, no training. */
export function architectureSummaries(): ModelSummaries {
  const pretext = buildPretextModel(0);
  const downstream = buildDigitClassifier('transfer', 0, pretext);
  const supervised = buildDigitClassifier('scratch', 0);
  const summaries = { pretext: summarizeModel(pretext), downstream: summarizeModel(downstream), supervised: summarizeModel(supervised) };
  [pretext, downstream, supervised].forEach((m) => m.dispose());
  return summaries;
}
