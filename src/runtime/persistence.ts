/**
 * Models in this browser's IndexedDB, through TensorFlow.js's own `indexeddb://` handler: the models a student
 * saves on purpose, and an automatic save after every epoch of a run so a closed tab or a reload can continue.
 */
import * as tf from '#tf';
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

let storageTurnedOff = false;

/** True where IndexedDB exists (browsers and workers; not Node) and has not been found unusable. */
export function browserStorageAvailable(): boolean {
  return !storageTurnedOff && typeof indexedDB !== 'undefined';
}

/**
 * Treats IndexedDB as absent from now on: what a private window or a blocked-storage setting looks like.
 * Only the fault tests call it (a database that fails to open is reported by ModelLibrary.savedList instead).
 */
export function turnOffBrowserStorage(): void {
  storageTurnedOff = true;
}

/** Saves a model with its metadata into a slot (replacing what was there). */
export async function saveToBrowser(model: tf.LayersModel, run: RunId, slot: BrowserSlot, metadata: ModelMetadata): Promise<void> {
  if (!browserStorageAvailable()) throw new Error('Saving in this browser is off: it does not let this page store anything (a private window, or storage blocked). Use Download to keep the model.');
  model.setUserDefinedMetadata({ pretextLab: metadata });
  await ensureRoom(model.countParams() * 4);
  await model.save(url(run, slot));
  await verifySaved(run, slot, metadata.savedAt);
}

/**
 * A snapshot (weights already copied out as Float32Arrays) as the artifacts model.save would write for
 * `model`'s architecture, made without touching the backend: no new tensors, no GPU upload and read-back
 * between two training batches. On a software WebGL that round trip stalled the page for seconds per epoch.
 */
function snapshotArtifacts(model: tf.LayersModel, snapshot: Snapshot, metadata: ModelMetadata): tf.io.ModelArtifacts & { weightData: ArrayBuffer } {
  const weights = model.weights;
  if (weights.length !== snapshot.weights.length) throw new Error('The snapshot does not match the model.');
  return {
    modelTopology: model.toJSON(null, false) as object,
    format: 'layers-model',
    generatedBy: 'Pretext Lab',
    convertedBy: null,
    weightSpecs: weights.map((w, i) => ({ name: w.originalName, shape: [...snapshot.weights[i].shape], dtype: 'float32' as const })),
    weightData: tf.io.concatenateArrayBuffers(snapshot.weights.map((w) => w.values.slice().buffer)),
    userDefinedMetadata: { pretextLab: metadata },
  };
}

/**
 * Refuses a save that would not fit in the storage the browser grants this page. We must ask first: tfjs's
 * IndexedDB handler reports success as soon as its write request succeeds, before the transaction commits,
 * and a full disk aborts the commit, so the failure would never reach us and a reload would find nothing.
 */
async function ensureRoom(bytes: number): Promise<void> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.estimate) return;
  const { usage, quota } = await storage.estimate();
  if (usage !== undefined && quota !== undefined && usage + bytes > quota) {
    throw new DOMException(`Not enough storage: ${bytes} bytes to save, ${Math.max(0, quota - usage)} free.`, 'QuotaExceededError');
  }
}

/**
 * Reads a save back and checks it is the one just written. tfjs's handler resolves before its transaction
 * commits, and a full disk aborts the commit; a read started now waits for that transaction to finish, so
 * it sees what the browser really kept. (Chromium's storage estimate does not always show a lowered quota,
 * so asking first is not enough.)
 */
async function verifySaved(run: RunId, slot: BrowserSlot, savedAt: string): Promise<void> {
  let kept: string | undefined;
  try {
    kept = metadataOf(await readFromBrowser(run, slot))?.savedAt;
  } catch {
    kept = undefined;
  }
  if (kept !== savedAt) throw new DOMException('The browser did not keep the save: its storage for this page is probably full.', 'QuotaExceededError');
}

/** Saves a snapshot under `model`'s architecture into a slot, the same files model.save would write. */
export async function saveSnapshotToBrowser(model: tf.LayersModel, snapshot: Snapshot, run: RunId, slot: BrowserSlot, metadata: ModelMetadata): Promise<void> {
  const handler = browserStorageAvailable() ? tf.io.getSaveHandlers(url(run, slot))[0] : undefined;
  if (!handler?.save) throw new Error('This browser has no IndexedDB storage for models.');
  const artifacts = snapshotArtifacts(model, snapshot, metadata);
  await ensureRoom(artifacts.weightData.byteLength);
  await handler.save(artifacts);
  await verifySaved(run, slot, metadata.savedAt);
}

/** A snapshot as a self-contained model file (for the page's copy that survives a crashed worker). */
export function snapshotToSerialized(model: tf.LayersModel, snapshot: Snapshot, metadata: ModelMetadata): SerializedModel {
  const artifacts = snapshotArtifacts(model, snapshot, metadata);
  return { modelTopology: artifacts.modelTopology as object, weightSpecs: artifacts.weightSpecs ?? [], weightData: artifacts.weightData, metadata };
}

/** True when a storage error means the browser's quota for this page is used up. */
export function isQuotaError(err: unknown): boolean {
  const name = err instanceof Error || (typeof DOMException !== 'undefined' && err instanceof DOMException) ? (err as Error).name : '';
  return name === 'QuotaExceededError' || /quota/i.test(err instanceof Error ? err.message : String(err));
}

/** Reads a slot's artifacts without building the model. */
export async function readFromBrowser(run: RunId, slot: BrowserSlot): Promise<tf.io.ModelArtifacts> {
  const handler = browserStorageAvailable() ? tf.io.getLoadHandlers(url(run, slot))[0] : undefined;
  if (!handler?.load) throw new Error('This browser has no IndexedDB storage for models.');
  return handler.load();
}

/** Deletes a slot (quietly does nothing if it is empty). */
export async function deleteFromBrowser(run: RunId, slot: BrowserSlot): Promise<void> {
  if (!browserStorageAvailable()) return;
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
