/**
 * The benchmark's per-task figures (issue 26): every pretext task trained in the app's worker on WASM, its
 * images/s (median, min, max over the measured epochs), the Lecture budget's pretext time at that speed, its
 * speed against rotation's in the same benchmark, and where its training step's time goes kernel by kernel
 * (scripts/task-profile.ts, in Node on one thread).
 */
import type { BenchRunResult, RateSummary } from '../src/bench/types';
import type { BackendName } from '../src/ml/backends/activate';
import type { TaskId } from '../src/ml/tasks/registry';
import { lectureMinutes } from './bench-threads';
import type { TaskProfile } from './task-profile';

/** One per-task page run. */
export interface TaskRecord {
  readonly backend: BackendName;
  readonly task: TaskId;
  readonly result: BenchRunResult;
  readonly load: { readonly start: number; readonly end: number };
}

/** A task's kernel profile as the JSON carries it. */
export interface TaskKernels {
  /** Where it was measured: Node, the WASM backend, one thread (the browser's two threads share the same kernels). */
  readonly measuredIn: string;
  readonly stepMs: number;
  readonly forwardMs: number;
  readonly backwardMs: number;
  readonly top: TaskProfile['top'];
}

/** One task's entry in `backends.wasm.tasks`. */
export type TaskRun =
  | {
      readonly status: 'ok';
      readonly task: TaskId;
      readonly imagesPerSecond: RateSummary;
      readonly wallImagesPerSecond: RateSummary;
      readonly imagesPerEpoch: number;
      readonly batchesPerEpoch: number;
      readonly measuredEpochs: number;
      /** The Lecture budget's pretext (2,000,000 examples, the same for every task) at the median speed. */
      readonly projectedLectureMinutes: number | null;
      /** This task's median over rotation's, both from this benchmark's per-task runs. */
      readonly toRotation: number | null;
      readonly loadAverage: { readonly start: number; readonly end: number };
      readonly kernels: TaskKernels | null;
    }
  | { readonly status: 'unavailable' | 'error'; readonly task: TaskId; readonly reason: string; readonly kernels: TaskKernels | null };

function kernelsOf(profile: TaskProfile | undefined): TaskKernels | null {
  if (!profile) return null;
  return {
    measuredIn: 'Node, WASM, 1 thread',
    stepMs: profile.stepMs,
    forwardMs: profile.kernelMs.forward,
    backwardMs: profile.kernelMs.backward,
    top: profile.top,
  };
}

/** The per-task runs of `backend`, keyed by task id, with the Node profiles where there are some. */
export function taskRuns(records: readonly TaskRecord[], backend: BackendName, profiles: Readonly<Record<string, TaskProfile>> = {}): Record<string, TaskRun> {
  const runs: Record<string, TaskRun> = {};
  const mine = records.filter((r) => r.backend === backend);
  const rotation = mine.find((r) => r.task === 'rotation')?.result;
  const rotationMedian = rotation?.ok ? rotation.imagesPerSecond.median : null;
  for (const r of mine) {
    const res = r.result;
    const kernels = kernelsOf(profiles[r.task]);
    runs[r.task] = res.ok
      ? {
          status: 'ok',
          task: r.task,
          imagesPerSecond: res.imagesPerSecond,
          wallImagesPerSecond: res.wallImagesPerSecond,
          imagesPerEpoch: res.imagesPerEpoch,
          batchesPerEpoch: Math.ceil(res.imagesPerEpoch / res.batchSize),
          measuredEpochs: res.epochs.filter((e) => !e.warmup).length,
          projectedLectureMinutes: lectureMinutes(res.imagesPerSecond.median),
          toRotation: rotationMedian ? res.imagesPerSecond.median / rotationMedian : null,
          loadAverage: r.load,
          kernels,
        }
      : { status: res.kind, task: r.task, reason: res.error, kernels };
  }
  return runs;
}

const whole = (v: number): string => v.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** Printable lines: one per task, then its costliest kernels. */
export function formatTaskRuns(backend: BackendName, runs: Record<string, TaskRun>): string[] {
  const lines: string[] = [];
  for (const run of Object.values(runs)) {
    if (run.status !== 'ok') {
      lines.push(`${backend}, task ${run.task}: ${run.status}: ${run.reason}`);
      continue;
    }
    const { median, min, max } = run.imagesPerSecond;
    const minutes = run.projectedLectureMinutes === null ? 'n/a' : `${run.projectedLectureMinutes.toFixed(1)} min`;
    const ratio = run.toRotation === null ? 'n/a' : `${run.toRotation.toFixed(2)}x rotation`;
    lines.push(`${backend}, task ${run.task}: ${whole(median)} images/s [${whole(min)}-${whole(max)}] (${ratio}), Lecture pretext ${minutes}, `
      + `${run.measuredEpochs} x ${run.batchesPerEpoch} batches, load ${run.loadAverage.start.toFixed(1)}-${run.loadAverage.end.toFixed(1)}`);
    const k = run.kernels;
    if (k) {
      lines.push(`    kernels (${k.measuredIn}): step ${k.stepMs.toFixed(1)} ms, forward ${k.forwardMs.toFixed(1)} ms, backward ${k.backwardMs.toFixed(1)} ms; costliest: `
        + k.top.slice(0, 4).map((t) => `${t.pass === 'forward' ? 'fwd' : 'bwd'} ${t.kernel} ${t.inputShapes} ${t.ms.toFixed(1)} ms`).join(', '));
    }
  }
  return lines;
}

/** One target line, as scripts/bench-report.ts's Target. */
interface TargetLine {
  readonly name: string;
  readonly goal: string;
  readonly value: string;
  readonly pass: boolean | null;
}

/** Issue 26's targets: every task at least half rotation's speed, rotation at 6,700 images/s or more (same benchmark). */
export function issue26Targets(runs: Record<string, TaskRun>): TargetLine[] {
  const ok = Object.values(runs).filter((r): r is Extract<TaskRun, { status: 'ok' }> => r.status === 'ok');
  const rotation = ok.find((r) => r.task === 'rotation');
  if (!rotation) return [];
  const slowest = ok.reduce((a, b) => (b.imagesPerSecond.median < a.imagesPerSecond.median ? b : a));
  const missing = Object.values(runs).filter((r) => r.status !== 'ok').map((r) => r.task);
  return [
    {
      name: 'rotation pretext speed, issue 26 (worker, per-task run, median)',
      goal: '>= 6,700 images/s',
      value: `${whole(rotation.imagesPerSecond.median)} images/s (Lecture pretext ${rotation.projectedLectureMinutes?.toFixed(1) ?? 'n/a'} min)`,
      pass: rotation.imagesPerSecond.median >= 6_700,
    },
    {
      name: 'every task at least half as fast as rotation, issue 26',
      goal: '>= 0.5x rotation',
      value: `slowest: ${slowest.task} ${whole(slowest.imagesPerSecond.median)} images/s (${slowest.toRotation?.toFixed(2) ?? 'n/a'}x)${missing.length ? `; not measured: ${missing.join(', ')}` : ''}`,
      pass: missing.length === 0 && slowest.toRotation !== null && slowest.toRotation >= 0.5,
    },
  ];
}
