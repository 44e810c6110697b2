/**
 * Running a live label-efficiency sweep: the shipped curve's measurement, on the trunks a student has at hand
 * (a pretext model they trained or loaded, frozen or fine-tuned; the random control; the network from scratch).
 * The request and its checks are in sweep-request.ts (page-safe); this half needs tfjs and runs in the engine.
 *
 * Frozen trunks are read on cached features, by the lab's linear probe (src/ml/probe/) or the lecture's head
 * (src/ml/features/), as the request says, so a frozen trunk costs one pass over the images plus about a second
 * per point at 1,000 labels; scratch and fine-tuned networks train through every layer.
 */
import * as tf from '#tf';
import type { Mnist } from '../data/mnist';
import type { ExperimentConfig } from '../config/presets';
import { buildDigitClassifier } from '../models/architecture';
import { TrainingRun, type TrainOptions } from '../train/trainer';
import { evaluate } from '../eval/evaluate';
import { extractFeatures, type FeatureMatrix } from '../features/extract';
import { trainFeatureHead } from '../features/head';
import { fitProbe, probeAccuracy } from '../probe/linear-probe';
import type { TaskId } from '../tasks/registry';
import { trainOptionsFor, type RunId } from './runs';
import { gatherRows, labelPoolSize, labelRows } from './label-pool';
import { checkSweepRequest, sourceTask, sweepCost, sweepTrunkKey, type SweepPoint, type SweepRequest } from './sweep-request';

export type { SweepPoint, SweepRequest, SweepTrunk } from './sweep-request';

/** Callbacks of a sweep; `shouldStop` is polled between heads and between batches of through-trunk runs. */
export interface SweepCallbacks {
  onPoint?(point: SweepPoint): void;
  /** `done` and `total` in sweepCost's units. */
  onProgress?(done: number, total: number, message: string): void;
  shouldStop?(): boolean;
}

/** How a sweep ended. */
export type SweepEnd = 'completed' | 'stopped';

/** Trainer options of a head or network in the sweep: the protocol's, with every label training (no validation split, as in the shipped curve). */
function sweepOptions(use: 'transfer' | 'random' | 'scratch' | 'finetune', task: TaskId, seed: number, labels: number, config: ExperimentConfig): TrainOptions {
  return { ...trainOptionsFor({ task, use, seed, labels }, { ...config, seed }), validationSplit: 0 };
}

/** Features of each label count's rows, from one extraction of all the rows any count needs. */
async function poolFeatures(trunk: tf.LayersModel, mnist: Mnist, labels: readonly number[], seed: number, config: ExperimentConfig): Promise<FeatureMatrix[]> {
  const rowsByCount = labels.map((n) => labelRows(mnist, n, seed));
  const needed = [...new Set(rowsByCount.flatMap((r) => [...r]))].sort((a, b) => a - b);
  const index = new Map(needed.map((row, i) => [row, i]));
  const all = await extractFeatures(trunk, gatherRows(mnist.train, needed), { scaling: config.scaling });
  return rowsByCount.map((rows) => {
    const out = new Float32Array(rows.length * all.width);
    rows.forEach((row, i) => {
      const at = index.get(row) as number;
      out.set(all.values.subarray(at * all.width, (at + 1) * all.width), i * all.width);
    });
    return { values: out, width: all.width };
  });
}

/**
 * Runs a sweep. `resolve` hands over the engine's model of a source pretext run (only read, never changed).
 * Throws a SettingError before any work when the request is malformed or a source is missing.
 */
export async function runSweep(
  mnist: Mnist, request: SweepRequest, config: ExperimentConfig, resolve: (source: RunId) => tf.LayersModel | undefined,
  callbacks: SweepCallbacks = {},
): Promise<SweepEnd> {
  const sources = request.trunks.flatMap((t) => (t.use === 'transfer' || t.use === 'finetune' ? [t.source] : []));
  const held = [...new Set(sources)].filter((s) => resolve(s) !== undefined);
  checkSweepRequest(request, held, labelPoolSize(mnist.train.count));
  const costs = sweepCost(request, config, mnist.test.count);
  const total = costs.reduce((a, b) => a + b, 0);
  let done = 0;
  const stopped = () => callbacks.shouldStop?.() === true;
  for (const [k, trunk] of request.trunks.entries()) {
    const key = sweepTrunkKey(trunk);
    const share = costs[k] / (request.seeds.length * request.labels.length);
    const task: TaskId = trunk.use === 'transfer' || trunk.use === 'finetune' ? (sourceTask(trunk.source) as TaskId) : 'rotation';
    const source = trunk.use === 'transfer' || trunk.use === 'finetune' ? resolve(trunk.source) as tf.LayersModel : undefined;
    let cachedTest: FeatureMatrix | null = null;
    for (const seed of request.seeds) {
      if (stopped()) return 'stopped';
      callbacks.onProgress?.(done, total, `${key}, seed ${seed}`);
      if (trunk.use === 'transfer' || trunk.use === 'random') {
        const model = trunk.use === 'random' ? buildDigitClassifier('random', seed) : (source as tf.LayersModel);
        try {
          const pool = await poolFeatures(model, mnist, request.labels, seed, config);
          if (trunk.use === 'random' || cachedTest === null) cachedTest = await extractFeatures(model, mnist.test, { scaling: config.scaling });
          for (const [j, n] of request.labels.entries()) {
            if (stopped()) return 'stopped';
            const labels = Uint8Array.from(labelRows(mnist, n, seed), (r) => mnist.train.labels[r]);
            const test = { features: cachedTest, labels: mnist.test.labels };
            const accuracy = request.head === 'probe'
              ? probeAccuracy(await fitProbe({ features: pool[j], labels }, { seed }), test)
              : (await trainFeatureHead(seed, { features: pool[j], labels }, test, sweepOptions(trunk.use, task, seed, n, config))).test.accuracy;
            done += share;
            callbacks.onPoint?.({ trunk: key, labels: n, seed, accuracy });
            callbacks.onProgress?.(done, total, `${key}, seed ${seed}: ${n} labels`);
          }
        } finally {
          if (trunk.use === 'random') model.dispose();
        }
      } else {
        for (const n of request.labels) {
          if (stopped()) return 'stopped';
          const model = buildDigitClassifier(trunk.use, seed, source);
          try {
            const options = sweepOptions(trunk.use, task, seed, n, config);
            const before = done;
            const run: TrainingRun = new TrainingRun(model, gatherRows(mnist.train, labelRows(mnist, n, seed)), options, {
              onBatchEnd: (e) => {
                if (stopped()) run.stop();
                const fraction = (e.epoch + (e.batch + 1) / e.batchesPerEpoch) / options.epochs;
                callbacks.onProgress?.(before + share * 0.9 * fraction, total, `${key}, seed ${seed}: ${n} labels, epoch ${e.epoch + 1}`);
              },
            });
            const result = await run.run();
            if (result.reason === 'stopped' || stopped()) return 'stopped';
            const test = await evaluate(model, mnist.test, { scaling: config.scaling, batchSize: 256 });
            done = before + share;
            callbacks.onPoint?.({ trunk: key, labels: n, seed, accuracy: test.accuracy });
            callbacks.onProgress?.(done, total, `${key}, seed ${seed}: ${n} labels`);
          } finally {
            model.dispose();
          }
        }
      }
    }
  }
  return 'completed';
}
