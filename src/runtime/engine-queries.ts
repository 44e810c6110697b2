/**
 * The engine's read-only questions to its models: score digit classifiers on the test images (with every
 * image's probabilities, for the stem plots), and answer a drawn digit with every classifier that has one.
 */
import type { ExperimentConfig } from '../ml/config/presets';
import type { Splits } from '../ml/data/splits';
import { evaluate, predictPixels, predictProbabilities, reconstructPixels } from '../ml/eval/evaluate';
import { range } from '../ml/train/batches';
import type { RunId } from '../ml/experiment/runs';
import { taskById } from '../ml/tasks/registry';
import { objectiveTraits } from '../ml/objectives/registry';
import type { ModelStore } from './model-store';
import type { ModelLibrary } from './model-library';
import type { ArmEvaluation, EngineEvent } from './messages';

/** Scores the given digit classifiers (runs without a model, or pretext runs, are skipped). */
export async function evaluateRuns(
  models: ModelStore, library: ModelLibrary, runs: readonly RunId[], splits: Splits, config: ExperimentConfig,
): Promise<{ event: EngineEvent; transfer: Transferable[] }> {
  const results: Record<RunId, ArmEvaluation> = {};
  const transfer: Transferable[] = [];
  for (const id of runs) {
    const model = models.get(id);
    if (!model || models.spec(id)?.use === 'pretext') continue;
    // Each model sees pixels scaled the way it was trained, whatever the settings form says now.
    const scaling = library.configOf(id)?.scaling ?? config.scaling;
    const result = await evaluate(model, splits.test, { scaling, batchSize: 256 });
    const probabilities = new Float32Array(splits.test.count * 10);
    for (let start = 0; start < splits.test.count; start += 500) {
      const rows = range(start, Math.min(splits.test.count, start + 500));
      probabilities.set(await predictProbabilities(model, splits.test, rows, scaling), start * 10);
    }
    results[id] = { ...result, probabilities };
    transfer.push(probabilities.buffer);
  }
  const labels = splits.test.labels.slice();
  return { event: { type: 'evaluated', testSet: config.splits.testSet, startIndex: splits.testStart, labels, runs: results }, transfer };
}

/**
 * Every classifier's answer to a drawn digit: the digit heads, and the pretext models of classification tasks
 * (the rotation head says which way up it thinks the drawing is). Reconstructions have no answer to show.
 */
export async function predictRuns(
  models: ModelStore, library: ModelLibrary, pixels: Uint8Array, config: ExperimentConfig, training: RunId | null,
): Promise<Record<RunId, Float32Array>> {
  const predictions: Record<RunId, Float32Array> = {};
  for (const id of models.runs()) {
    const spec = models.spec(id);
    const model = models.get(id);
    if (!spec || !model || id === training) continue;
    if (spec.use === 'pretext' && !objectiveTraits(taskById(spec.task).objective).namesClasses) continue;
    predictions[id] = await predictPixels(model, pixels, library.configOf(id)?.scaling ?? config.scaling);
  }
  return predictions;
}

/** A reconstruction task's painted answers for n inputs (n x 784 bytes, 0-255). */
export async function reconstructWith(
  models: ModelStore, library: ModelLibrary, run: RunId, pixels: Uint8Array, training: RunId | null,
): Promise<Uint8Array> {
  const model = models.get(run);
  const spec = models.spec(run);
  if (!model || !spec) throw new Error(`There is no model for ${run} yet: train or load it first.`);
  if (run === training) throw new Error('That model is training: pause or stop it first.');
  if (!objectiveTraits(taskById(spec.task).objective).paints) throw new Error(`${run} does not paint pixels.`);
  return reconstructPixels(model, pixels, library.configOf(run)?.scaling ?? 'raw');
}
