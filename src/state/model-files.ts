/**
 * The page's half of saving and loading: turning an exported model into two downloads (TensorFlow.js's
 * model.json + weights.bin), and reading two uploaded files back.
 */
import type { SerializedModel } from '../ml/models/model-metadata';
import type { io as tfio } from '#tf';

type WeightsManifestEntry = tfio.WeightsManifestEntry;
import { MAX_WEIGHT_BYTES, MAX_WEIGHT_TEXT, metadataOf } from '../ml/models/model-metadata';
import type { RunId } from '../ml/experiment/runs';

/** File names a download gets, e.g. pretext-lab-rotation.pretext.s1.json and its .weights.bin. */
export function downloadName(run: RunId): string {
  return `pretext-lab-${run}`;
}

/**
 * Time between the two files of a download. WebKit (WebKitGTK 2.50, found by e2e/browsers) keeps only the later
 * of two downloads started together: tfjs's own downloads:// handler clicks its two links one timer tick apart,
 * and there the .json was lost. A short gap kept both (measured in the commit that added this); a second leaves
 * room on a busy machine.
 */
export const DOWNLOAD_GAP_MS = 1000;

/** Saves a blob under `name` as a browser download, through a link the page never shows. */
function saveAs(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.download = name;
  link.href = url;
  link.dispatchEvent(new MouseEvent('click'));
  // The browser reads the blob after the click; a minute is ample before its memory is let go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Starts the browser download of a model as model.json + weights.bin, in TensorFlow.js's own format (what its
 * downloads:// handler writes, and what tf.loadLayersModel and the lab's upload read back).
 */
export async function downloadModel(run: RunId, model: SerializedModel): Promise<void> {
  const name = downloadName(run);
  const modelJson = {
    modelTopology: model.modelTopology,
    format: 'layers-model',
    generatedBy: 'Pretext Lab',
    convertedBy: null,
    weightsManifest: [{ paths: [`./${name}.weights.bin`], weights: model.weightSpecs }],
    ...(model.metadata ? { userDefinedMetadata: { pretextLab: model.metadata } } : {}),
  };
  saveAs(new Blob([JSON.stringify(modelJson)], { type: 'application/json' }), `${name}.json`);
  await new Promise((resolve) => setTimeout(resolve, DOWNLOAD_GAP_MS));
  saveAs(new Blob([model.weightData], { type: 'application/octet-stream' }), `${name}.weights.bin`);
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
