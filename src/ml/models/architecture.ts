/**
 * The networks: a pretext model (the shared trunk plus a task's head) and the 10-digit classifier (the same
 * trunk plus Flatten -> Dense(10)).
 *
 * For rotation these are the lecture's networks layer for layer: the pretext model has 23,988 parameters; the
 * downstream and supervised models 21,994.
 *
 * One deliberate difference from Keras: the last Dense layer outputs *logits* and the softmax is applied in
 * the loss and at prediction time. tf.keras does the same thing behind the scenes (its cross-entropy
 * reaches back to the logits of a softmax layer), and it matters: tfjs's own categoricalCrossentropy on
 * probabilities clips them, the clip has no gradient, and a confidently wrong example stops learning.
 */
import * as tf from '#tf';
import { deriveSeed } from '../train/random';
import type { LayerSpec, PretextTask } from '../tasks/types';
import { TRUNK_WEIGHT_LAYERS, convLayer, convTransposeLayer, denseLayer, trunkLayers } from './trunk';
import type { ModelPlan } from './plan';

/** Number of digit classes. */
export const DIGIT_CLASSES = 10;

/** How the trunk of a 10-digit classifier comes about. */
export type FeatureSource =
  /** Copied from a trained pretext model and frozen (the lecture's self-supervised model). */
  | 'transfer'
  /** Freshly initialised and trained with the head (the lecture's supervised baseline). */
  | 'scratch'
  /** Freshly initialised and frozen: the control the lecture lacks. */
  | 'random'
  /**
   * Copied from a trained pretext model like `transfer`, but left trainable: the lecture's "transferred to
   * downstream tasks and fine-tuned". The head starts where every other head starts.
   */
  | 'finetune';

/** The classifiers' model names (the first three are the names their saved files have always had). */
const MODEL_NAMES: Readonly<Record<FeatureSource, string>> = {
  transfer: 'downstream', scratch: 'supervised', random: 'random_frozen', finetune: 'finetuned',
};

/** Turns a described head layer into a tfjs layer, seeded from the run's seed and the layer's salt. */
export function buildLayer(spec: LayerSpec, seed: number): tf.layers.Layer {
  switch (spec.kind) {
    case 'conv': return convLayer(spec.filters, spec.stride, deriveSeed(seed, spec.seedSalt));
    case 'flatten': return tf.layers.flatten();
    case 'dense': return denseLayer(spec.units, deriveSeed(seed, spec.seedSalt), spec.activation ?? 'linear');
    case 'reshape': return tf.layers.reshape({ targetShape: [...spec.shape] });
    case 'convTranspose': return convTransposeLayer(spec.filters, spec.size, spec.stride, deriveSeed(seed, spec.seedSalt));
  }
}

/** A task's pretext network as data (its summary comes from this without building it: models/plan.ts). */
export function planTaskModel(task: PretextTask): ModelPlan {
  // Rotation keeps the name its saved files have always had.
  return { name: task.id === 'rotation' ? 'pretext' : `pretext_${task.id}`, trunkTrainable: true, head: task.head };
}

/** A task's pretext network: the trunk (trainable) and the task's head, all seeded from `seed`. */
export function buildTaskModel(task: PretextTask, seed: number): tf.Sequential {
  const plan = planTaskModel(task);
  return tf.sequential({
    name: plan.name,
    layers: [...trunkLayers(seed, plan.trunkTrainable), ...plan.head.map((layer) => buildLayer(layer, seed))],
  });
}

/** The digit head every classifier puts on the trunk: Flatten -> Dense(10). */
const DIGIT_HEAD: readonly LayerSpec[] = [{ kind: 'flatten' }, { kind: 'dense', units: DIGIT_CLASSES, seedSalt: 16 }];

/** A 10-digit classifier as data (see {@link buildDigitClassifier}). */
export function planDigitClassifier(features: FeatureSource): ModelPlan {
  return { name: MODEL_NAMES[features], trunkTrainable: features !== 'transfer' && features !== 'random', head: DIGIT_HEAD };
}

/**
 * A 10-digit classifier: conv, pool, conv, pool, Flatten, Dense(10) (21,994 parameters).
 * With `transfer`, `source` must be given: its trunk convolutions (layers 0 and 2) are copied in and frozen,
 * exactly the lecture's `model_pretext.get_layer(index = 0..3)` with `trainable = False`. Any task's pretext
 * model will do, since every task trains the same trunk. With `finetune` the same weights are copied in and
 * stay trainable.
 */
export function buildDigitClassifier(features: FeatureSource, seed: number, source?: tf.LayersModel): tf.Sequential {
  const plan = planDigitClassifier(features);
  // Same seed, same initial convolutions as the pretext model had before it trained: so the random control
  // is literally "the transferred layers minus what the pretext task taught them".
  const model = tf.sequential({
    name: plan.name,
    layers: [...trunkLayers(seed, plan.trunkTrainable), ...plan.head.map((layer) => buildLayer(layer, seed))],
  });
  if (features === 'transfer' || features === 'finetune') {
    if (!source) throw new Error(`buildDigitClassifier("${features}") needs a trained pretext model`);
    for (const index of TRUNK_WEIGHT_LAYERS) {
      // setWeights copies values into this model's own variables: later pretext training cannot leak in.
      model.layers[index].setWeights(source.layers[index].getWeights());
    }
  }
  return model;
}

/** The variables the optimiser may change: trainable layers only, so frozen layers stay bit-identical. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}
