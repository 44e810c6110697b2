import { describe, expect, it } from 'vitest';
import type { BenchRunOk, BenchRunResult } from '../src/bench/types';
import type { TaskId } from '../src/ml/tasks/registry';
import { issue26Targets, taskRuns, type TaskRecord } from './bench-tasks';
import type { TaskProfile } from './task-profile';

function ok(median: number): BenchRunResult {
  const rate = { median, min: median - 10, max: median + 10 };
  const partial: Partial<BenchRunOk> = {
    ok: true, imagesPerSecond: rate, wallImagesPerSecond: rate, imagesPerEpoch: 3_840, batchSize: 192,
    epochs: [{ epoch: 0, warmup: true, images: 3_840, trainMs: 1, imagesPerSecond: 1, wallMs: 1, wallImagesPerSecond: 1 },
      { epoch: 1, warmup: false, images: 3_840, trainMs: 1, imagesPerSecond: median, wallMs: 1, wallImagesPerSecond: median }],
  };
  return partial as BenchRunOk;
}

const record = (task: TaskId, result: BenchRunResult): TaskRecord => ({ backend: 'wasm', task, result, load: { start: 1, end: 2 } });

describe('per-task benchmark figures', () => {
  const profile: TaskProfile = {
    task: 'colorization', steps: 4, batchSize: 192, stepMs: 100,
    kernelMs: { forward: 30, backward: 60, total: 90 },
    top: [{ pass: 'backward', kernel: 'BatchMatMul', inputShapes: '[[1,192,288],[1,192,3920]]', ms: 20 }],
  };

  it('gives every task its speed, its Lecture time and its ratio to rotation, with the kernel profile beside', () => {
    const runs = taskRuns([record('rotation', ok(6_000)), record('colorization', ok(2_000))], 'wasm', { colorization: profile });
    expect(runs.rotation).toMatchObject({ status: 'ok', toRotation: 1, batchesPerEpoch: 20, measuredEpochs: 1, kernels: null });
    expect(runs.colorization).toMatchObject({ status: 'ok', toRotation: 2_000 / 6_000, kernels: { forwardMs: 30, backwardMs: 60 } });
    const run = runs.colorization;
    expect(run.status === 'ok' ? run.projectedLectureMinutes : null).toBeCloseTo(2_000_000 / 2_000 / 60);
  });

  it('judges rotation against 6,700 images/s and every task against half of rotation', () => {
    const slow = issue26Targets(taskRuns([record('rotation', ok(6_000)), record('colorization', ok(2_000))], 'wasm'));
    expect(slow.map((t) => t.pass)).toEqual([false, false]);
    const fast = issue26Targets(taskRuns([record('rotation', ok(7_000)), record('jigsaw', ok(3_600))], 'wasm'));
    expect(fast.map((t) => t.pass)).toEqual([true, true]);
    const failed: BenchRunResult = { ok: false, kind: 'error', params: null, error: 'boom', notes: [] };
    const missing = issue26Targets(taskRuns([record('rotation', ok(7_000)), record('jigsaw', failed)], 'wasm'));
    expect(missing[1]).toMatchObject({ pass: false });
    expect(missing[1].value).toContain('not measured: jigsaw');
  });
});
