/**
 * The engine's answers to "what did the network learn?": the first layer's filters before and after
 * training and its maps of one image, the rotation head's answers per digit, and the trunk's features laid
 * out in 2-D. All tensor work happens here, in the worker, so the page never waits on it; UMAP is optimised
 * a few epochs at a time with a pause in between, so progress reaches the page and a Stop gets in.
 */
import type * as tf from '#tf';
import type { Mnist } from '../ml/data/mnist';
import { sliceSet } from '../ml/data/mnist';
import { predictProbabilities } from '../ml/eval/evaluate';
import { argmaxRows } from '../ml/eval/confusion';
import { extractFeatures } from '../ml/features/extract';
import { firstLayerFilters, firstLayerMaps, initialFilters } from '../ml/insight/filters';
import { pca } from '../ml/insight/pca';
import { startUmap } from '../ml/insight/umap';
import { buildRotationSet } from '../ml/tasks/rotation/rotation';
import { range, type InputScaling } from '../ml/train/batches';
import { describeRun, type RunId } from '../ml/experiment/runs';
import type { ModelStore } from './model-store';
import type { ModelLibrary } from './model-library';
import type { EngineEvent } from './messages';
import type { InspectQuery, InspectResult } from './inspect-messages';

/** What the inspector needs of the engine: its models, the data, and which run (if any) is training. */
export interface InspectorContext {
  readonly emit: (event: EngineEvent, transfer?: Transferable[]) => void;
  readonly models: ModelStore;
  readonly library: ModelLibrary;
  readonly mnist: () => Mnist | null;
  readonly training: () => RunId | null;
}

/** Most test images any question may cover: the whole MNIST test set. */
const MAX_IMAGES = 10_000;
/** UMAP epochs between two progress reports (and two chances for Stop to arrive). */
const EPOCHS_PER_SLICE = 5;

/** Lets queued messages (a Stop) in between two slices of work. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Answers inspection questions; one instance per engine. */
export class Inspector {
  private readonly context: InspectorContext;
  private readonly stopRequests = new Set<number>();
  /** Requests being answered: a Stop for any other (finished, or never asked) is ignored. */
  private readonly active = new Set<number>();

  constructor(context: InspectorContext) {
    this.context = context;
  }

  /** Asks a running UMAP layout to stop after its current slice (it then sends the layout so far). */
  stop(requestId: number): void {
    if (this.active.has(requestId)) this.stopRequests.add(requestId);
  }

  /** Answers one question; a problem becomes a `failed` answer for that request, never an exception. */
  async handle(requestId: number, query: InspectQuery): Promise<void> {
    const answer = (result: InspectResult, transfer: Transferable[] = []) => this.context.emit({ type: 'inspected', requestId, result }, transfer);
    this.active.add(requestId);
    try {
      switch (query.kind) {
        case 'filters': {
          const { model, seed } = this.modelOf(query.run);
          const [trained, initial, maps] = await Promise.all([firstLayerFilters(model), initialFilters(seed), firstLayerMaps(model, query.image, this.scalingOf(query.run, query.scaling))]);
          answer({ kind: 'filters', run: query.run, seed, initial: initial.weights, trained: trained.weights, maps: maps.values, mapSize: maps.size },
            [initial.weights.buffer, trained.weights.buffer, maps.values.buffer]);
          return;
        }
        case 'rotations': {
          const { model } = this.modelOf(query.run);
          const spec = this.context.models.spec(query.run);
          if (spec?.use !== 'pretext' || spec.task !== 'rotation') throw new Error(`${query.run} is not a rotation pretext model.`);
          const images = this.testImages(query.count);
          // Image i at k quarter-turns is row i * 4 + k: the rotation task's own way of making its examples.
          const turned = buildRotationSet(images, 'grouped');
          const scaling = this.scalingOf(query.run, query.scaling);
          const predicted = new Uint8Array(turned.count);
          for (let start = 0; start < turned.count; start += 512) {
            const rows = range(start, Math.min(turned.count, start + 512));
            predicted.set(argmaxRows(await predictProbabilities(model, turned, rows, scaling), 4), start);
          }
          const digits = images.labels.slice();
          answer({ kind: 'rotations', run: query.run, digits, predicted }, [digits.buffer, predicted.buffer]);
          return;
        }
        case 'embedding':
          await this.embed(requestId, query, answer);
          return;
      }
    } catch (err) {
      answer({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    } finally {
      this.active.delete(requestId);
      this.stopRequests.delete(requestId);
    }
  }

  private async embed(requestId: number, query: Extract<InspectQuery, { kind: 'embedding' }>, answer: (r: InspectResult, t?: Transferable[]) => void): Promise<void> {
    const { model } = this.modelOf(query.run);
    const images = this.testImages(query.count);
    const features = await extractFeatures(model, images, { scaling: this.scalingOf(query.run, query.scaling) });
    const rows = { values: features.values, width: features.width, count: images.count };
    const labels = images.labels.slice();
    const done = (points: Float32Array, explained: readonly number[], stopped: boolean) => answer(
      { kind: 'embedding', run: query.run, method: query.method, points, labels, explained, stopped }, [points.buffer, labels.buffer],
    );
    if (query.method === 'pca') {
      const { points, explained } = pca(rows, { seed: query.seed });
      done(points, explained, false);
      return;
    }
    const layout = startUmap(rows, { seed: query.seed });
    let epoch = 0;
    while (epoch < layout.epochs) {
      if (this.stopRequests.has(requestId)) {
        done(layout.embedding(), [], true);
        return;
      }
      epoch = layout.step(EPOCHS_PER_SLICE);
      answer({ kind: 'embeddingProgress', run: query.run, method: 'umap', epoch, epochs: layout.epochs });
      await breathe();
    }
    done(layout.embedding(), [], false);
  }

  /** A run's live model and the seed it started from, or a sentence saying why there is none to read. */
  private modelOf(run: RunId): { readonly model: tf.LayersModel; readonly seed: number } {
    const model = this.context.models.get(run);
    const spec = this.context.models.spec(run);
    if (!model || !spec) throw new Error(`There is no model for ${run} yet: train or load it first.`);
    if (this.context.training() === run) throw new Error(`${describeRun(spec)} is training: wait for it, or stop it first.`);
    // The seed the model was built from (a loaded file says which); the trunk's starting filters follow from it.
    return { model, seed: this.context.models.snapshot(run)?.seed ?? spec.seed };
  }

  /** Pixels are fed the way the model was trained, whatever the settings form says now. */
  private scalingOf(run: RunId, fallback: InputScaling): InputScaling {
    return this.context.library.configOf(run)?.scaling ?? fallback;
  }

  private testImages(count: number) {
    const mnist = this.context.mnist();
    if (!mnist) throw new Error('The MNIST data is not loaded yet.');
    if (!Number.isInteger(count) || count < 1 || count > Math.min(MAX_IMAGES, mnist.test.count)) {
      throw new RangeError(`The number of test images must be a whole number from 1 to ${Math.min(MAX_IMAGES, mnist.test.count)}, got ${count}.`);
    }
    return sliceSet(mnist.test, 0, count);
  }
}
