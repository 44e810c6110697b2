/**
 * UMAP (McInnes, Healy and Melville, 2018), through the maintained `umap-js` package, made replayable and
 * interruptible.
 *
 * UMAP builds a graph of each point's nearest neighbours in the 288-number feature space, then moves points
 * about a 2-D plane until neighbours sit near each other and non-neighbours apart. Unlike PCA it can unroll
 * curved structure, so clusters a linear projection overlaps may separate; but distances *between* clusters
 * in its picture mean little, and a student should read it as "who are whose neighbours", not as a map.
 *
 * Seeded: every random choice (the neighbour search, the starting layout, the negative samples) draws from
 * our mulberry32 generator, so the same features and seed give the same picture on every replay. The layout
 * is optimised one epoch at a time by the caller, so it can report progress and stop between epochs.
 */
import { UMAP } from 'umap-js';
import { createRng } from '../train/random';
import type { Rows } from './pca';

/** Settings of a UMAP layout. */
export interface UmapOptions {
  readonly seed: number;
  /** Neighbours per point in the graph (default 15, UMAP's own). */
  readonly neighbours?: number;
  /** Optimisation epochs (default 200: enough for a settled picture of a few thousand points). */
  readonly epochs?: number;
  /** How tightly points may pack (default 0.1, UMAP's own). */
  readonly minDist?: number;
}

/** A UMAP layout being optimised: step it, read it, drop it. */
export interface UmapLayout {
  /** Epochs planned in total. */
  readonly epochs: number;
  /** Runs up to `count` more epochs; returns the epochs done so far. */
  step(count: number): number;
  /** The current layout: count x 2 coordinates, row-major. */
  embedding(): Float32Array;
}

/**
 * Builds the neighbour graph of the rows (the slow, one-off part) and returns a layout to optimise.
 * Needs at least a few more rows than neighbours.
 */
export function startUmap(rows: Rows, options: UmapOptions): UmapLayout {
  const { values, width, count } = rows;
  const neighbours = Math.min(options.neighbours ?? 15, count - 1);
  if (neighbours < 2) throw new RangeError(`UMAP needs at least 3 points, got ${count}`);
  const data: number[][] = [];
  for (let i = 0; i < count; i++) data.push(Array.from({ length: width }, (_, j) => values[i * width + j]));
  const umap = new UMAP({ nComponents: 2, nNeighbors: neighbours, nEpochs: options.epochs ?? 200, minDist: options.minDist ?? 0.1, random: createRng(options.seed) });
  const epochs = umap.initializeFit(data);
  let done = 0;
  return {
    epochs,
    step(n: number): number {
      for (let i = 0; i < n && done < epochs; i++) done = umap.step();
      return done;
    },
    embedding(): Float32Array {
      const out = new Float32Array(count * 2);
      umap.getEmbedding().forEach((point, i) => { out[i * 2] = point[0]; out[i * 2 + 1] = point[1]; });
      return out;
    },
  };
}
