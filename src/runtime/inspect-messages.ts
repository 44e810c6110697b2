/**
 * The questions the "what the network learned" lesson asks of the engine, and its answers: typed pieces of
 * the one conversation in messages.ts (which carries them as `inspect`/`stopInspect` commands and `inspected`
 * events). Plain data only. Every question carries a request id chosen by the page; every answer names it,
 * so the page can drop answers to questions it no longer asks.
 */
import type { InputScaling } from '../ml/train/task-set';
import type { RunId } from '../ml/experiment/runs';

/** How a trunk's 288 features are flattened to a picture: exact linear PCA, or UMAP's neighbour layout. */
export type EmbeddingMethod = 'pca' | 'umap';

/** A question about a model. Images are always the first `count` of the full MNIST test set (or given pixels). */
export type InspectQuery =
  /** The first layer's filters (trained and as they started) and its 64 maps of one image (784 bytes). */
  | { readonly kind: 'filters'; readonly run: RunId; readonly image: Uint8Array; readonly scaling: InputScaling }
  /** The rotation head's answer for each of the first `count` test images at each of the four turns. */
  | { readonly kind: 'rotations'; readonly run: RunId; readonly count: number; readonly scaling: InputScaling }
  /** The trunk's features of the first `count` test images, laid out in 2-D. */
  | { readonly kind: 'embedding'; readonly run: RunId; readonly count: number; readonly method: EmbeddingMethod; readonly seed: number; readonly scaling: InputScaling };

/** An answer (or progress towards one). */
export type InspectResult =
  | {
    readonly kind: 'filters'; readonly run: RunId; readonly seed: number;
    /** 64 x 3 x 3 weights, filter-major: as the seed made them, and as they are now. */
    readonly initial: Float32Array; readonly trained: Float32Array;
    /** 64 maps of 14 x 14, channel-major. */
    readonly maps: Float32Array; readonly mapSize: number;
  }
  | {
    readonly kind: 'rotations'; readonly run: RunId;
    /** count digit labels, and 4 predicted turns per image (image i at k turns: predicted[i * 4 + k]). */
    readonly digits: Uint8Array; readonly predicted: Uint8Array;
  }
  | { readonly kind: 'embeddingProgress'; readonly run: RunId; readonly method: EmbeddingMethod; readonly epoch: number; readonly epochs: number }
  | {
    readonly kind: 'embedding'; readonly run: RunId; readonly method: EmbeddingMethod;
    /** count x 2 coordinates, and the digit of each point (the first `count` test images, in order). */
    readonly points: Float32Array; readonly labels: Uint8Array;
    /** PCA: each axis's share of the variance; UMAP: empty. */
    readonly explained: readonly number[];
    /** UMAP stopped early by the student: the layout as far as it got. */
    readonly stopped: boolean;
  }
  | { readonly kind: 'failed'; readonly message: string };
