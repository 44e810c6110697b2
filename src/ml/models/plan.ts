/**
 * The networks described without building them: each layer's output shape and parameter count, worked out from
 * the same layer descriptions the builders in architecture.ts and trunk.ts use.
 *
 * Why not build them and count: building a tfjs model draws every initial weight, and colorization's head alone
 * has 283,000. Building all nine networks only to print their parameter counts cost the engine a noticeable
 * part of every page load; working the counts out is arithmetic on a few dozen numbers. The shapes follow
 * Keras's rules for these layers ('same' convolutions round up, 2x2 pooling rounds down), and
 * architecture.test.ts checks every network's plan against the summary of the built model, row by row.
 */
import type { LayerSpec } from '../tasks/types';
import { summarize, type LayerFacts, type ModelSummary } from './summary';
import { TRUNK_INPUT_SHAPE, TRUNK_SPEC, type TrunkLayerSpec } from './trunk';

/** A network as data: its name, whether its trunk (TRUNK_SPEC, the same in every network) trains, and its head. */
export interface ModelPlan {
  readonly name: string;
  /** False when the trunk's convolutions are frozen. */
  readonly trunkTrainable: boolean;
  readonly head: readonly LayerSpec[];
}

/** One layer's facts and the shape it hands on (without the batch dimension). */
function step(layer: TrunkLayerSpec | LayerSpec, input: readonly number[], trainable: boolean): { facts: LayerFacts; shape: number[] } {
  const [height, width, channels] = input;
  const facts = (kind: string, shape: number[], params: number, activation: string | null) => ({
    facts: { kind, outputShape: [null, ...shape], params, trainable, activation }, shape,
  });
  switch (layer.kind) {
    case 'conv': {
      // 3x3 kernels, 'same' padding: each output position is one stride along, rounding up.
      const shape = [Math.ceil(height / layer.stride), Math.ceil(width / layer.stride), layer.filters];
      return facts('Conv2D', shape, 3 * 3 * channels * layer.filters + layer.filters, 'relu');
    }
    case 'pool':
      // 2x2 windows, stride 2, 'valid': a leftover row or column is dropped.
      return facts('MaxPooling2D', [Math.floor(height / 2), Math.floor(width / 2), channels], 0, null);
    case 'flatten':
      return facts('Flatten', [input.reduce((a, b) => a * b, 1)], 0, null);
    case 'dense':
      // Keras's Dense acts on the last axis (here always after a Flatten, so the only one).
      return facts('Dense', [...input.slice(0, -1), layer.units], input[input.length - 1] * layer.units + layer.units, layer.activation ?? 'linear');
    case 'reshape':
      return facts('Reshape', [...layer.shape], 0, null);
    case 'convTranspose':
      // 'valid' padding: the last patch starts at (input - 1) * stride and is `size` wide. No bias.
      return facts('Conv2DTranspose', [(height - 1) * layer.stride + layer.size, (width - 1) * layer.stride + layer.size, layer.filters],
        layer.size * layer.size * channels * layer.filters, 'linear');
  }
}

/** The summary summarizeModel would give the built network, without building it. */
export function summarizePlan(plan: ModelPlan): ModelSummary {
  let shape: readonly number[] = TRUNK_INPUT_SHAPE;
  const layers = [...TRUNK_SPEC, ...plan.head].map((layer, index) => {
    const next = step(layer, shape, index < TRUNK_SPEC.length ? plan.trunkTrainable : true);
    shape = next.shape;
    return next.facts;
  });
  return summarize(plan.name, layers);
}
