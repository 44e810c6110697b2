/**
 * The page's half of saving and loading: turning an exported model into two downloads (TensorFlow.js's
 * model.json + weights.bin, through its own downloads:// handler), and reading two uploaded files back.
 * tfjs is imported on demand, so the page does not carry it until a student asks.
 */
import type { SerializedModel } from '../ml/models/model-metadata';
import type { io as tfio } from '@tensorflow/tfjs';

type WeightsManifestEntry = tfio.WeightsManifestEntry;
import { MAX_WEIGHT_BYTES, MAX_WEIGHT_TEXT, metadataOf } from '../ml/models/model-metadata';
import type { RunId } from '../ml/experiment/runs';

/** File names a download gets, e.g. pretext-lab-rotation.pretext.s1.json and its .weights.bin. */
export function downloadName(run: RunId): string {
  return `pretext-lab-${run}`;
}

/** Starts the browser download of a model as model.json + weights.bin. */
export async function downloadModel(run: RunId, model: SerializedModel): Promise<void> {
  const { io } = await import('@tensorflow/tfjs');
  // tfjs registers its browserDownloads handler under the downloads:// scheme.
  const handler = io.getSaveHandlers(`downloads://${downloadName(run)}`)[0];
  if (!handler?.save) throw new Error('this browser cannot download files');
  await handler.save({
    modelTopology: model.modelTopology,
    weightSpecs: model.weightSpecs,
    weightData: model.weightData,
    format: 'layers-model',
    generatedBy: 'Pretext Lab',
    convertedBy: null,
    ...(model.metadata ? { userDefinedMetadata: { pretextLab: model.metadata } } : {}),
  });
}

/**
 * Reads an uploaded model: exactly one .json and one .bin file. Refuses early (with a sentence a student can act
 * on) when the files are missing, too large or unreadable; deeper checks happen in the engine before anything
 * replaces the current model.
 */
export async function readModelFiles(files: readonly File[]): Promise<SerializedModel> {
  const json = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  const bin = files.filter((f) => !f.name.toLowerCase().endsWith('.json'));
  if (json.length !== 1 || bin.length !== 1) {
    throw new Error('Choose two files together: the model\'s .json file and its .weights.bin file.');
  }
  if (json[0].size > 1024 * 1024 || bin[0].size > MAX_WEIGHT_BYTES) {
    throw new Error(`These files are larger than any Pretext Lab model (at most ${MAX_WEIGHT_TEXT}), so they were not loaded.`);
  }
  // We read the pair ourselves rather than with tfjs's browserFiles handler: that one insists the .bin keeps
  // the exact name written inside the .json, and a renamed download is still the same model.
  let parsed: { modelTopology?: unknown; weightsManifest?: { weights?: unknown }[]; userDefinedMetadata?: unknown };
  try {
    parsed = JSON.parse(await json[0].text()) as typeof parsed;
  } catch {
    throw new Error(`"${json[0].name}" could not be read as a TensorFlow.js model: it is not valid JSON.`);
  }
  if (!parsed || typeof parsed.modelTopology !== 'object' || !Array.isArray(parsed.weightsManifest)) {
    throw new Error(`"${json[0].name}" could not be read as a TensorFlow.js model: it has no modelTopology or weightsManifest.`);
  }
  const weightSpecs = parsed.weightsManifest.flatMap((group) => (Array.isArray(group.weights) ? group.weights : [])) as WeightsManifestEntry[];
  return {
    modelTopology: parsed.modelTopology as object,
    weightSpecs,
    weightData: await bin[0].arrayBuffer(),
    metadata: metadataOf({ userDefinedMetadata: parsed.userDefinedMetadata as Record<string, object> | undefined }),
  };
}
