/**
 * Where a pretext training step's time goes, kernel by kernel: tfjs's profiler over the app's own training step
 * (the task's model, batch, objective and Keras Adam, as src/ml/train/trainer.ts runs them) on the active backend.
 * DOM-free and Node-free, so it runs in Node (scripts/task-profile.ts, `npm run bench`) and on a page alike.
 */
import * as tf from '#tf';
import { presetConfig } from '../ml/config/presets';
import type { ImageSet } from '../ml/data/mnist';
import { pretextTrainSet } from '../ml/experiment/protocol';
import { experimentSpecs, trainOptionsFor } from '../ml/experiment/runs';
import { buildTaskModel, trainableVariables } from '../ml/models/architecture';
import { makeBatch } from '../ml/train/batches';
import { objectiveFor } from '../ml/train/objective';
import { createOptimizer, disposeOptimizer } from '../ml/train/optimizers';
import { taskById, type TaskId } from '../ml/tasks/registry';

/** One kernel's share of a step: forward or backward (the optimiser's updates count as backward). */
export interface KernelRow {
  readonly pass: 'forward' | 'backward';
  readonly kernel: string;
  readonly inputShapes: string;
  readonly ms: number;
}

/** One task's profile: kernel time per step, split by pass, and the costliest kernels. */
export interface TaskProfile {
  readonly task: TaskId;
  readonly steps: number;
  readonly batchSize: number;
  /** Wall time per step outside the profiler (Node, one thread), batch building included. */
  readonly stepMs: number;
  readonly kernelMs: { readonly forward: number; readonly backward: number; readonly total: number };
  /** The costliest kernels, by mean ms per step. */
  readonly top: readonly KernelRow[];
}

const PROFILE_STEPS = 4;
const WARMUP_STEPS = 3;
const TIMED_STEPS = 10;
const TOP = 16;

/** Profiles one task's training step on the active backend. */
export async function profileTask(task: TaskId, images: { pretext: ImageSet }): Promise<TaskProfile> {
  const lecture = presetConfig('lecture');
  const config = { ...lecture, task };
  const spec = experimentSpecs(config).pretext;
  const options = trainOptionsFor(spec, config);
  const data = pretextTrainSet(config, images.pretext);
  const model = buildTaskModel(taskById(task), config.seed);
  const objective = objectiveFor(options.objective ?? { kind: 'classify' }, options.scaling);
  const optimizer = createOptimizer(options.optimizer);
  const variables = trainableVariables(model);
  const batchSize = options.batchSize;
  let next = 0;
  const rows = (): Uint32Array => {
    const r = new Uint32Array(batchSize);
    for (let i = 0; i < batchSize; i++) r[i] = (next + i) % data.count;
    next = (next + batchSize) % data.count;
    return r;
  };
  // The batch's score too, as the trainer computes it every step (its progress events and epoch accuracy read it).
  const step = (batch: { xs: tf.Tensor; ys: tf.Tensor }): void => {
    let score: tf.Scalar | undefined;
    const loss = optimizer.minimize(() => {
      const output = model.apply(batch.xs) as tf.Tensor;
      score = tf.keep(objective.scoreSum(batch.ys, output));
      return objective.meanLoss(batch.ys, output);
    }, true, variables);
    loss?.dataSync();
    score?.dataSync();
    tf.dispose([...(loss ? [loss] : []), ...(score ? [score] : [])]);
  };
  const forward = (batch: { xs: tf.Tensor; ys: tf.Tensor }): void => {
    tf.tidy(() => {
      const output = model.apply(batch.xs) as tf.Tensor;
      tf.dispose([objective.scoreSum(batch.ys, output), objective.meanLoss(batch.ys, output)]);
    });
  };
  const withBatch = <T>(f: (batch: { xs: tf.Tensor; ys: tf.Tensor }) => T): T => {
    const batch = makeBatch(data, rows(), options.scaling, objective);
    try {
      return f(batch);
    } finally {
      tf.dispose([batch.xs, batch.ys]);
    }
  };
  try {
    for (let i = 0; i < WARMUP_STEPS; i++) withBatch(step);
    const started = performance.now();
    for (let i = 0; i < TIMED_STEPS; i++) withBatch(step);
    const stepMs = (performance.now() - started) / TIMED_STEPS;
    const forwardCount = await withBatch(async (b) => (await tf.profile(() => forward(b))).kernels.length);
    const rowsByKey = new Map<string, KernelRow>();
    const kernelMs = { forward: 0, backward: 0, total: 0 };
    for (let s = 0; s < PROFILE_STEPS; s++) {
      const info = await withBatch((b) => tf.profile(() => step(b)));
      info.kernels.forEach((k, j) => {
        // An op written with customGrad (fused.matMul, logSoftmax) is timed as a whole around the kernels it
        // runs, which are timed too: counting both would count its time twice.
        if (k.name.endsWith('__op')) return;
        const pass = j < forwardCount ? 'forward' : 'backward';
        const ms = Number(k.kernelTimeMs) / PROFILE_STEPS;
        const inputShapes = JSON.stringify(k.inputShapes);
        const key = `${pass} ${k.name} ${inputShapes}`;
        const row = rowsByKey.get(key);
        rowsByKey.set(key, { pass, kernel: k.name, inputShapes, ms: (row?.ms ?? 0) + ms });
        kernelMs[pass] += ms;
        kernelMs.total += ms;
      });
    }
    const top = [...rowsByKey.values()].sort((a, b) => b.ms - a.ms).slice(0, TOP);
    return { task, steps: PROFILE_STEPS, batchSize, stepMs, kernelMs, top };
  } finally {
    disposeOptimizer(optimizer, options.optimizer);
    model.dispose();
  }
}

/** Printable lines: one header per task and its costliest kernels. */
export function formatTaskProfile(p: TaskProfile): string[] {
  const { forward, backward, total } = p.kernelMs;
  return [
    `${p.task}: ${p.stepMs.toFixed(1)} ms per step of ${p.batchSize} (${((p.batchSize * 1000) / p.stepMs).toFixed(0)} images/s, Node, 1 thread); kernels ${total.toFixed(1)} ms: forward ${forward.toFixed(1)}, backward ${backward.toFixed(1)}`,
    ...p.top.map((r) => `  ${r.ms.toFixed(2).padStart(7)} ms  ${r.pass === 'forward' ? 'fwd' : 'bwd'} ${r.kernel} ${r.inputShapes}`),
  ];
}
