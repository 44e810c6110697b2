/**
 * Saving and loading models in TensorFlow.js's own format (a JSON topology plus a binary blob of weights),
 * with Pretext Lab's metadata (which step, seed, epochs, history) riding along in `userDefinedMetadata`.
 *
 * Loading is defensive: a file can be truncated, hand-edited, of another architecture, or simply huge. Every
 * check runs before the model is built, and a refused file leaves whatever model the caller had untouched.
 */
import * as tf from '#tf';
import { summarizeModel, type ModelSummary } from './summary';
import { MAX_WEIGHT_BYTES, MAX_WEIGHT_TEXT, ModelFileError, type ModelMetadata, type SerializedModel } from './model-metadata';

export { MAX_WEIGHT_BYTES, ModelFileError, metadataOf, type ModelMetadata, type SerializedModel } from './model-metadata';

/** tfjs may hand weights over as one buffer or several; we always keep one. */
export function weightBuffer(data: tf.io.WeightData | undefined): ArrayBuffer {
  if (data === undefined) return new ArrayBuffer(0);
  return data instanceof ArrayBuffer ? data : tf.io.concatenateArrayBuffers(data);
}

/** Captures a model's artifacts in memory (no file, no network). */
export async function serializeModel(model: tf.LayersModel, metadata: ModelMetadata): Promise<SerializedModel> {
  model.setUserDefinedMetadata({ pretextLab: metadata });
  let captured: tf.io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    captured = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  const artifacts = captured as tf.io.ModelArtifacts | null;
  if (!artifacts?.modelTopology || !artifacts.weightSpecs || !artifacts.weightData) throw new Error('tfjs produced no model artifacts');
  return { modelTopology: artifacts.modelTopology as object, weightSpecs: artifacts.weightSpecs, weightData: weightBuffer(artifacts.weightData), metadata };
}

const BYTES_PER_DTYPE: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/** Checks artifacts before building anything; throws ModelFileError with the reason. */
export function checkArtifacts(artifacts: tf.io.ModelArtifacts): void {
  const topology = artifacts.modelTopology as { class_name?: unknown; config?: unknown } | undefined;
  if (!topology || typeof topology !== 'object' || topology instanceof ArrayBuffer) {
    throw new ModelFileError('The model file has no network description (modelTopology): it is not a TensorFlow.js layers model.');
  }
  if (topology.class_name !== 'Sequential') throw new ModelFileError('The model file does not describe a Sequential model like the lecture\'s.');
  if (!Array.isArray(artifacts.weightSpecs)) throw new ModelFileError('The model file lists no weights (weightSpecs).');
  const data = artifacts.weightData;
  const bytes = data instanceof ArrayBuffer ? data.byteLength : Array.isArray(data) ? data.reduce((a, b) => a + b.byteLength, 0) : 0;
  if (bytes > MAX_WEIGHT_BYTES) throw new ModelFileError(`The weights file is ${(bytes / 1e6).toFixed(1)} MB; Pretext Lab's models are at most ${MAX_WEIGHT_TEXT}, so it is not one of them.`);
  let expected = 0;
  for (const spec of artifacts.weightSpecs) {
    const per = BYTES_PER_DTYPE[spec.dtype];
    if (!per || !Array.isArray(spec.shape) || spec.shape.some((d) => !Number.isInteger(d) || d < 0)) {
      throw new ModelFileError(`The weight "${String(spec.name)}" has an invalid shape or type.`);
    }
    expected += per * spec.shape.reduce((a, b) => a * b, 1);
  }
  if (expected !== bytes) {
    throw new ModelFileError(`The weights file holds ${bytes} bytes where the model file promises ${expected}: it is truncated or belongs to another model.`);
  }
}

function sameArchitecture(got: ModelSummary, want: ModelSummary): string | null {
  if (got.rows.length !== want.rows.length) return `it has ${got.rows.length} layers where this step's model has ${want.rows.length}`;
  for (let i = 0; i < want.rows.length; i++) {
    const g = got.rows[i];
    const w = want.rows[i];
    if (g.kind !== w.kind || g.params !== w.params || g.outputShape.join() !== w.outputShape.join()) {
      return `layer ${i + 1} is ${g.kind} ${JSON.stringify(g.outputShape)} with ${g.params} parameters, where ${w.kind} ${JSON.stringify(w.outputShape)} with ${w.params} is expected`;
    }
  }
  return null;
}

/**
 * Builds a model from artifacts and checks it has exactly the architecture of `expected` (the step's model).
 * `frozenLayers` are set non-trainable (the frozen steps' convolutions). Throws ModelFileError otherwise.
 */
export async function deserializeModel(artifacts: tf.io.ModelArtifacts, expected: ModelSummary, frozenLayers: readonly number[]): Promise<tf.LayersModel> {
  checkArtifacts(artifacts);
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (err) {
    throw new ModelFileError(`TensorFlow.js could not read the model: ${err instanceof Error ? err.message : String(err)}`);
  }
  const last = model.layers[model.layers.length - 1];
  const activation = last?.getConfig().activation;
  const mismatch = sameArchitecture(summarizeModel(model), expected)
    ?? (activation !== 'linear' ? 'its last layer applies an activation; Pretext Lab models output logits (softmax is applied in the loss)' : null);
  if (mismatch) {
    model.dispose();
    throw new ModelFileError(`This is not a model for this step: ${mismatch}.`);
  }
  for (const index of frozenLayers) model.layers[index].trainable = false;
  return model;
}
