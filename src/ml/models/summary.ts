/**
 * A Keras-style model summary as plain data (no tensors), for tables in the UI and for the reproduce script.
 */
import type * as tf from '@tensorflow/tfjs';

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
  Conv2D: 'conv2d', MaxPooling2D: 'max_pooling2d', Flatten: 'flatten', Dense: 'dense',
};

/** Summarises a model: per-layer rows and parameter totals. */
export function summarizeModel(model: tf.LayersModel): ModelSummary {
  const seen = new Map<string, number>();
  const rows: LayerRow[] = model.layers.map((layer, index) => {
    const kind = layer.getClassName();
    const base = KERAS_NAMES[kind] ?? kind.toLowerCase();
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const params = layer.countParams();
    const shape = layer.outputShape as (number | null)[];
    const config = layer.getConfig();
    const isHead = index === model.layers.length - 1 && kind === 'Dense';
    const activation = isHead ? 'softmax' : typeof config.activation === 'string' ? config.activation : null;
    return {
      name: n === 0 ? base : `${base}_${n}`,
      kind,
      outputShape: shape,
      params,
      trainable: params > 0 && layer.trainable,
      activation,
    };
  });
  const totalParams = rows.reduce((a, r) => a + r.params, 0);
  const trainableParams = rows.reduce((a, r) => a + (r.trainable ? r.params : 0), 0);
  return { name: model.name, rows, totalParams, trainableParams, frozenParams: totalParams - trainableParams };
}
