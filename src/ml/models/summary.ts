/**
 * A Keras-style model summary as plain data (no tensors), for tables in the UI and for the reproduce script.
 */
import type * as tf from '#tf';

/** One row of the summary table. */
export interface LayerRow {
  /** Keras-style name: conv2d, max_pooling2d, conv2d_1, ... */
  readonly name: string;
  /** Layer class, e.g. Conv2D, MaxPooling2D, Dense. */
  readonly kind: string;
  /** Output shape with the batch dimension written as null, as Keras prints it. */
  readonly outputShape: readonly (number | null)[];
  readonly params: number;
  /** False for frozen layers (and for layers without weights, which have nothing to train). */
  readonly trainable: boolean;
  /** The activation, as the lecture's code names it (the head's softmax is applied in the loss). */
  readonly activation: string | null;
}

/** The whole summary: rows and the totals Keras prints underneath. */
export interface ModelSummary {
  readonly name: string;
  readonly rows: readonly LayerRow[];
  readonly totalParams: number;
  readonly trainableParams: number;
  readonly frozenParams: number;
}

const KERAS_NAMES: Record<string, string> = {
  Conv2D: 'conv2d', MaxPooling2D: 'max_pooling2d', Flatten: 'flatten', Dense: 'dense', Conv2DTranspose: 'conv2d_transpose',
};

/** What a summary needs to know of one layer, read off a built model or worked out from a plan (plan.ts). */
export interface LayerFacts {
  /** Layer class, e.g. Conv2D. */
  readonly kind: string;
  /** Output shape with the batch dimension written as null. */
  readonly outputShape: readonly (number | null)[];
  readonly params: number;
  /** The layer's own trainable flag (a layer without weights may still say true). */
  readonly trainable: boolean;
  /** The activation in the layer's config, or null for a layer without one. */
  readonly activation: string | null;
}

/** Names the layers the Keras way (conv2d, conv2d_1, ...) and totals their parameters. */
export function summarize(name: string, layers: readonly LayerFacts[]): ModelSummary {
  const seen = new Map<string, number>();
  const rows: LayerRow[] = layers.map((layer, index) => {
    const base = KERAS_NAMES[layer.kind] ?? layer.kind.toLowerCase();
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const isHead = index === layers.length - 1 && layer.kind === 'Dense';
    return {
      name: n === 0 ? base : `${base}_${n}`,
      kind: layer.kind,
      outputShape: layer.outputShape,
      params: layer.params,
      trainable: layer.params > 0 && layer.trainable,
      activation: isHead ? 'softmax' : layer.activation,
    };
  });
  const totalParams = rows.reduce((a, r) => a + r.params, 0);
  const trainableParams = rows.reduce((a, r) => a + (r.trainable ? r.params : 0), 0);
  return { name, rows, totalParams, trainableParams, frozenParams: totalParams - trainableParams };
}

/** Summarises a built model: per-layer rows and parameter totals. */
export function summarizeModel(model: tf.LayersModel): ModelSummary {
  return summarize(model.name, model.layers.map((layer) => {
    const config = layer.getConfig();
    return {
      kind: layer.getClassName(),
      outputShape: layer.outputShape as (number | null)[],
      params: layer.countParams(),
      trainable: layer.trainable,
      activation: typeof config.activation === 'string' ? config.activation : null,
    };
  }));
}
