/**
 * Models in this browser's IndexedDB, through TensorFlow.js's own `indexeddb://` handler: the models a student
 * saves on purpose, and an automatic save after every epoch of a run so a closed tab or a reload can continue.
 */
import * as tf from '@tensorflow/tfjs';
import { metadataOf, serializeModel, weightBuffer, type ModelMetadata, type SerializedModel } from '../ml/models/persist';
import type { BrowserSlot, SavedEntry } from './messages';
import type { Snapshot } from './model-store';
import { parseRunId, type RunId } from '../ml/experiment/runs';
import { isTaskId } from '../ml/tasks/registry';

const PREFIX = 'indexeddb://pretext-lab';

/** Each run has two slots: `indexeddb://pretext-lab/<slot>/<run id>`. */
function url(run: RunId, slot: BrowserSlot): string {
  return `${PREFIX}/${slot}/${run}`;
}

/** True where IndexedDB exists (browsers and workers; not Node). */
export function browserStorageAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

/** Saves a model with its metadata into a slot (replacing what was there). */
export async function saveToBrowser(model: tf.LayersModel, run: RunId, slot: BrowserSlot, metadata: ModelMetadata): Promise<void> {
  model.setUserDefinedMetadata({ pretextLab: metadata });
  await model.save(url(run, slot));
}

/**
 * Saves a snapshot (weights already copied out as Float32Arrays) under `model`'s architecture, the same files
 * model.save would write, but without touching the backend: no new tensors, no GPU upload and read-back
 * between two training batches. On a software WebGL that round trip stalled the page for seconds per epoch.
 */
export async function saveSnapshotToBrowser(model: tf.LayersModel, snapshot: Snapshot, run: RunId, slot: BrowserSlot, metadata: ModelMetadata): Promise<void> {
  const handler = tf.io.getSaveHandlers(url(run, slot))[0];
  if (!handler?.save) throw new Error('This browser has no IndexedDB storage for models.');
  const weights = model.weights;
  if (weights.length !== snapshot.weights.length) throw new Error('The snapshot does not match the model.');
  await handler.save({
    modelTopology: model.toJSON(null, false) as object,
    format: 'layers-model',
    generatedBy: 'Pretext Lab',
    convertedBy: null,
    weightSpecs: weights.map((w, i) => ({ name: w.originalName, shape: [...snapshot.weights[i].shape], dtype: 'float32' as const })),
    weightData: tf.io.concatenateArrayBuffers(snapshot.weights.map((w) => w.values.slice().buffer)),
    userDefinedMetadata: { pretextLab: metadata },
  });
}

/** Reads a slot's artifacts without building the model. */
export async function readFromBrowser(run: RunId, slot: BrowserSlot): Promise<tf.io.ModelArtifacts> {
  const handler = tf.io.getLoadHandlers(url(run, slot))[0];
  if (!handler?.load) throw new Error('This browser has no IndexedDB storage for models.');
  return handler.load();
}

/** Deletes a slot (quietly does nothing if it is empty). */
export async function deleteFromBrowser(run: RunId, slot: BrowserSlot): Promise<void> {
  const models = await tf.io.listModels();
  if (url(run, slot) in models) await tf.io.removeModel(url(run, slot));
}

/** Lists what is stored, reading each entry's metadata. Entries that are not ours are skipped. */
export async function listSaved(): Promise<SavedEntry[]> {
  if (!browserStorageAvailable()) return [];
  const models = await tf.io.listModels();
  const entries: SavedEntry[] = [];
  for (const key of Object.keys(models).sort()) {
    const [slotName, run] = key.slice(PREFIX.length + 1).split('/');
    // Entries of other apps, or from before runs existed, are not offered.
    const slot = slotName === 'saved' || slotName === 'autosave' ? slotName : null;
    const spec = key.startsWith(`${PREFIX}/`) && slot && run ? parseRunId(run, isTaskId) : null;
    if (!slot || !spec) continue;
    try {
      const metadata = metadataOf(await readFromBrowser(run, slot));
      if (metadata) entries.push({ spec, slot, metadata });
    } catch {
      // An unreadable entry is simply not offered.
    }
  }
  return entries;
}

/** A SerializedModel from artifacts read back from storage. */
export function toSerialized(artifacts: tf.io.ModelArtifacts): SerializedModel {
  return {
    modelTopology: (artifacts.modelTopology ?? {}) as object,
    weightSpecs: artifacts.weightSpecs ?? [],
    weightData: weightBuffer(artifacts.weightData),
    metadata: metadataOf(artifacts),
  };
}

/** Serialises for download; re-exported here so the engine has one persistence module. */
export { serializeModel };
