/**
 * Turning the benchmark page's results into the JSON `npm run bench` writes, the table it prints, and the
 * issue's targets with PASS/MISS (informational: a MISS never fails the process).
 */
import type { BackendName } from '../src/ml/backends/activate';
import type { EngineMode } from '../src/runtime/messages';
import { formatThreadRuns, issue12Targets, lectureMinutes, threadRuns, type ThreadRun } from './bench-threads';
import { formatTaskRuns, issue26Targets, taskRuns, type TaskRecord, type TaskRun } from './bench-tasks';
import type { TaskProfile } from './task-profile';
import type { BenchRunOk, BenchRunResult, EpochRate, GapSummary, LongestGap, MemoryCycles, RateSummary, TensorCounts } from '../src/bench/types';

/** One page run, as asked for. */
export interface RunRecord {
  readonly backend: BackendName;
  /** The mode asked for; the result says where the engine actually ran. */
  readonly mode: EngineMode;
  /** WASM threads fixed for a thread-comparison run (the benchmark's own worker); null: the app's choice. */
  readonly threads: number | null;
  readonly result: BenchRunResult;
  /** The machine's 1-minute load average when the run started and ended (other work competing for cores). */
  readonly load: { readonly start: number; readonly end: number };
}

/** The figures of one successful run. */
export interface ModeFigures {
  readonly status: 'ok';
  readonly mode: EngineMode;
  readonly imagesPerSecond: RateSummary;
  readonly wallImagesPerSecond: RateSummary;
  readonly frameGapMs: GapSummary | null;
  readonly frameGapMsAfterWarmup: GapSummary | null;
  readonly longestFrameGap: LongestGap | null;
  readonly imagesPerEpoch: number;
  readonly warmupEpochs: number;
  readonly measuredEpochs: number;
  readonly epochs: readonly EpochRate[];
  readonly mnistLoadMs: number;
  readonly rotationBuildMs: number | null;
  readonly tensors: TensorCounts;
  /** Ten train-reset cycles in one engine (null when not measured). */
  readonly memoryCycles: MemoryCycles | null;
  readonly notes: readonly string[];
  readonly loadAverage: RunRecord['load'];
}

/** A run that measured nothing, and why. */
export interface Missing {
  readonly status: 'unavailable' | 'error' | 'not run';
  readonly reason: string;
}

/** A backend's entry in the JSON: the primary (worker) run's figures plus the main-thread comparison. */
export type BackendReport = Missing | (ModeFigures & {
  readonly renderer: string | null;
  readonly softwareRenderer: boolean;
  readonly backendReason: string;
  readonly wasmThreads: number | null;
  readonly mainThread: ModeFigures | Missing;
  /** Worker images/s over main-thread images/s (medians, trainer's clock); null without both. */
  readonly workerToMainRatio: number | null;
  /** The same ratio by the page's wall clock. */
  readonly workerToMainWallRatio: number | null;
  /** The Lecture protocol's pretext (2,000,000 images) at the worker's median speed, in minutes. */
  readonly projectedLectureMinutes: number | null;
  /** Training in a worker with a fixed number of WASM threads, keyed "1", "2" (empty if not measured). */
  readonly threadRuns: Record<string, ThreadRun>;
  /** Every pretext task trained in the worker, keyed by task id (empty if not measured). */
  readonly tasks: Record<string, TaskRun>;
});

/** One of the issue's targets. `pass` is null when there is nothing to judge. */
export interface Target {
  readonly name: string;
  readonly goal: string;
  readonly value: string;
  readonly pass: boolean | null;
}

/** Where and when the benchmark ran. */
export interface Machine {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly platform: string;
  readonly node: string;
  readonly chromium: string;
  readonly chromiumPath: string;
  readonly hardwareConcurrency: number | null;
  readonly crossOriginIsolated: boolean | null;
  readonly userAgent: string | null;
  /** 1-minute load averages when the benchmark started and ended: above `cores` means other work competed. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly date: string;
}

/** The whole JSON file. */
export interface BenchReport {
  readonly machine: Machine;
  /** Which run the top-level figures come from, e.g. "wasm/worker". */
  readonly figuresFrom: string | null;
  readonly mnistLoadMs: number | null;
  readonly rotationBuildMs: number | null;
  readonly rotationCount: number | null;
  readonly tensorsBefore: number | null;
  readonly tensorsAfter: number | null;
  /** Right after the reset, before in-flight work (e.g. an autosave) let go of its tensors. */
  readonly tensorsAfterResetImmediate: number | null;
  readonly tensorsWithModels: number | null;
  /** The primary run's ten train-reset cycles: does memory stay flat? */
  readonly memoryCycles: MemoryCycles | null;
  readonly backends: Partial<Record<BackendName, BackendReport>>;
  readonly targets: readonly Target[];
  readonly durationSeconds: number;
}

function figures(result: BenchRunOk, load: RunRecord['load']): ModeFigures {
  return {
    status: 'ok',
    mode: result.mode,
    imagesPerSecond: result.imagesPerSecond,
    wallImagesPerSecond: result.wallImagesPerSecond,
    frameGapMs: result.frameGapMs,
    frameGapMsAfterWarmup: result.frameGapMsAfterWarmup,
    longestFrameGap: result.longestFrameGap,
    imagesPerEpoch: result.imagesPerEpoch,
    warmupEpochs: result.params.warmupEpochs,
    measuredEpochs: result.epochs.filter((e) => !e.warmup).length,
    epochs: result.epochs,
    mnistLoadMs: result.mnistLoadMs,
    rotationBuildMs: result.rotationBuildMs,
    tensors: result.tensors,
    memoryCycles: result.memoryCycles ?? null,
    notes: result.notes,
    loadAverage: load,
  };
}

function missing(record: RunRecord | undefined): Missing {
  if (!record) return { status: 'not run', reason: 'not part of this benchmark' };
  if (record.result.ok) throw new Error('missing() called on a successful run');
  const notes = record.result.notes.length ? ` [${record.result.notes.join('; ')}]` : '';
  return { status: record.result.kind, reason: record.result.error + notes };
}

function ratio(a: number, b: number): number | null {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : null;
}

/** The JSON entry for one backend from its worker run and (if any) its main-thread run. */
export function backendReport(worker: RunRecord | undefined, main: RunRecord | undefined, threads: Record<string, ThreadRun> = {},
  tasks: Record<string, TaskRun> = {}): BackendReport {
  if (!worker?.result.ok) return missing(worker);
  const result = worker.result;
  const mainFigures = main?.result.ok ? figures(main.result, main.load) : missing(main);
  return {
    ...figures(result, worker.load),
    renderer: result.backend.name === 'webgl' ? result.backend.renderer : null,
    softwareRenderer: result.backend.name === 'webgl' && result.backend.softwareRenderer,
    backendReason: result.backend.reason,
    wasmThreads: result.backend.threads,
    mainThread: mainFigures,
    workerToMainRatio: mainFigures.status === 'ok' ? ratio(result.imagesPerSecond.median, mainFigures.imagesPerSecond.median) : null,
    workerToMainWallRatio: mainFigures.status === 'ok' ? ratio(result.wallImagesPerSecond.median, mainFigures.wallImagesPerSecond.median) : null,
    projectedLectureMinutes: lectureMinutes(result.imagesPerSecond.median),
    threadRuns: threads,
    tasks,
  };
}

const fmt = (value: number, digits = 0): string => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The issue's targets, judged on the results. */
export function judgeTargets(backends: BenchReport['backends']): Target[] {
  const targets: Target[] = [];
  for (const [name, report] of Object.entries(backends) as [BackendName, BackendReport][]) {
    if (report.status !== 'ok') continue;
    const gap = report.frameGapMs;
    targets.push({
      name: `frame gap while training (${name}, ${report.mode})`,
      goal: 'max <= 50 ms',
      value: gap ? `${fmt(gap.max, 1)} ms` : 'no frames drawn',
      pass: gap ? gap.max <= 50 : false,
    });
    if (report.mainThread.status === 'ok') {
      targets.push({
        name: `worker vs main thread (${name})`,
        goal: '>= 0.9x',
        value: report.workerToMainRatio === null ? 'n/a' : `${fmt(report.workerToMainRatio, 2)}x`,
        pass: report.workerToMainRatio === null ? null : report.workerToMainRatio >= 0.9,
      });
    }
  }
  const wasm = backends.wasm;
  targets.push({
    name: 'WASM training speed (worker, median)',
    goal: '>= 700 images/s',
    value: wasm?.status === 'ok' ? `${fmt(wasm.imagesPerSecond.median)} images/s` : 'not measured',
    pass: wasm?.status === 'ok' ? wasm.imagesPerSecond.median >= 700 : null,
  });
  if (wasm?.status === 'ok') targets.push(...issue12Targets(wasm.imagesPerSecond.median, wasm.threadRuns), ...issue26Targets(wasm.tasks));
  for (const [name, report] of Object.entries(backends) as [BackendName, BackendReport][]) {
    if (report.status !== 'ok' || report.tensors.after === null) continue;
    const { before, after, afterResetImmediate } = report.tensors;
    targets.push({
      name: `tf.memory() tensors after == before (${name})`,
      goal: 'equal',
      value: `${before} before, ${after} after${afterResetImmediate !== after ? ` (${afterResetImmediate} right after the reset)` : ''}`,
      pass: after === before,
    });
    const cycles = report.memoryCycles;
    if (cycles) {
      const last = cycles.afterEach.at(-1);
      targets.push({
        name: `memory flat over ${cycles.cycles} train-reset cycles (${name})`,
        goal: 'tensors and bytes back to the start after every cycle',
        value: `${cycles.before.tensors} tensors / ${cycles.before.bytes} bytes at the start, ${last?.tensors ?? 'n/a'} / ${last?.bytes ?? 'n/a'} after the last cycle`,
        pass: cycles.flat,
      });
    }
  }
  return targets;
}

/** The run the top-level figures come from: wasm's worker run if it worked, else the first that did. */
export function primaryRun(records: readonly RunRecord[]): RunRecord | undefined {
  const ok = records.filter((r) => r.result.ok && r.result.tensors.after !== null && r.threads === null);
  return ok.find((r) => r.backend === 'wasm' && r.mode === 'worker') ?? ok[0] ?? records.find((r) => r.result.ok);
}

function rateCell(r: RateSummary): string {
  return `${fmt(r.median)} [${fmt(r.min)}-${fmt(r.max)}]`;
}

function gapCell(g: GapSummary | null): string {
  return g ? `${fmt(g.max, 1)} / ${fmt(g.p95, 1)}` : 'no frames';
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
}

/** The human-readable summary printed at the end of a run. */
export function formatReport(report: BenchReport, records: readonly RunRecord[]): string {
  const header = ['backend', 'mode', 'images/s median [min-max]', 'wall images/s', 'frame gap max / p95 ms', 'img/epoch', 'load avg', 'notes'];
  const rows: string[][] = [];
  for (const record of records) {
    const r = record.result;
    if (!r.ok) {
      rows.push([record.backend, record.mode, r.kind.toUpperCase(), '', '', '', '', r.error]);
      continue;
    }
    const notes = [
      r.mode !== record.mode ? `ran in ${r.mode} (asked ${record.mode})` : '',
      r.backend.name === 'webgl' && r.backend.renderer ? r.backend.renderer : '',
      r.backend.name === 'wasm' && r.backend.threads !== null ? `${r.backend.threads} wasm threads` : '',
      r.backend.simdKernels === true ? 'own SIMD kernels' : r.backend.simdKernels === false ? 'WITHOUT own SIMD kernels' : '',
    ].filter(Boolean).join('; ');
    const load = `${fmt(record.load.start, 1)}-${fmt(record.load.end, 1)}`;
    const mode = record.threads === null ? r.mode : `${r.mode}, ${record.threads}t`;
    rows.push([record.backend, mode, rateCell(r.imagesPerSecond), rateCell(r.wallImagesPerSecond), gapCell(r.frameGapMs), fmt(r.imagesPerEpoch), load, notes]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === header.length - 1 ? 0 : r[i].length))));
  const lines = [row(header, widths), row(widths.map((w) => '-'.repeat(w)), widths), ...rows.map((r) => row(r, widths))];
  const notes = records.flatMap((r) => r.result.notes.map((n) => `  ${r.backend}/${r.mode}: ${n}`));
  if (notes.length) lines.push('Notes from the runs:', ...notes);
  lines.push('');
  for (const [name, b] of Object.entries(report.backends) as [BackendName, BackendReport][]) {
    if (b.status === 'ok') lines.push(...formatThreadRuns(name, b.threadRuns), ...formatTaskRuns(name, b.tasks));
    if (b.status === 'ok' && b.workerToMainRatio !== null) {
      lines.push(`${name}: worker / main = ${fmt(b.workerToMainRatio, 2)}x (trainer clock), ${b.workerToMainWallRatio === null ? 'n/a' : `${fmt(b.workerToMainWallRatio, 2)}x`} (wall clock)`);
    }
  }
  const ms = (v: number | null): string => (v === null ? 'n/a' : `${fmt(v)} ms`);
  lines.push(`MNIST assets loaded over HTTP: ${ms(report.mnistLoadMs)}; ${report.rotationCount === null ? 'rotated images' : `${fmt(report.rotationCount)} rotated images`} built: ${ms(report.rotationBuildMs)} (${report.figuresFrom ?? 'no run'})`);
  lines.push(`tf.memory().numTensors: ${report.tensorsBefore ?? 'n/a'} before, ${report.tensorsWithModels ?? 'n/a'} with the three models, ${report.tensorsAfterResetImmediate ?? 'n/a'} right after reset, ${report.tensorsAfter ?? 'n/a'} once settled`);
  if (report.memoryCycles) {
    const c = report.memoryCycles;
    lines.push(`Memory over ${c.cycles} train-reset cycles: start ${c.before.tensors} tensors / ${c.before.bytes} bytes; after each: ${c.afterEach.map((m) => `${m.tensors}/${m.bytes}`).join(', ')} (${c.flat ? 'flat' : 'NOT flat'})`);
  }
  const { cores, loadAverage } = report.machine;
  // The browser itself adds 1-2 to the load while it trains, so only the reading taken before it started says
  // whether other work was already competing; per-run readings are in the table's "load avg" column.
  if (loadAverage.start > cores) {
    lines.push(`Note: the machine was already busy when the benchmark started (load average ${fmt(loadAverage.start, 1)} on ${cores} cores): figures may understate an idle machine.`);
  }
  lines.push('');
  lines.push('Targets (informational):');
  const nameWidth = Math.max(...report.targets.map((t) => t.name.length));
  for (const t of report.targets) {
    const verdict = t.pass === null ? 'N/A ' : t.pass ? 'PASS' : 'MISS';
    lines.push(`  ${verdict}  ${t.name.padEnd(nameWidth)}  ${t.value} (target ${t.goal})`);
  }
  return lines.join('\n');
}

/** Assembles the JSON report from the page runs. */
export function buildReport(records: readonly RunRecord[], machine: Machine, durationSeconds: number,
  taskRecords: readonly TaskRecord[] = [], profiles: Readonly<Record<string, TaskProfile>> = {}): BenchReport {
  const find = (backend: BackendName, mode: EngineMode): RunRecord | undefined => records.find((r) => r.backend === backend && r.mode === mode && r.threads === null);
  const backends: Partial<Record<BackendName, BackendReport>> = {};
  for (const backend of [...new Set(records.map((r) => r.backend))]) {
    backends[backend] = backendReport(find(backend, 'worker'), find(backend, 'main'), threadRuns(records, backend), taskRuns(taskRecords, backend, profiles));
  }
  const primary = primaryRun(records);
  const p = primary?.result.ok ? primary.result : null;
  return {
    machine,
    figuresFrom: primary && p ? `${primary.backend}/${p.mode}` : null,
    mnistLoadMs: p?.mnistLoadMs ?? null,
    rotationBuildMs: p?.rotationBuildMs ?? null,
    rotationCount: p?.rotationCount ?? null,
    tensorsBefore: p?.tensors.before ?? null,
    tensorsAfter: p?.tensors.after ?? null,
    tensorsAfterResetImmediate: p?.tensors.afterResetImmediate ?? null,
    tensorsWithModels: p?.tensors.afterSteps ?? null,
    memoryCycles: p?.memoryCycles ?? null,
    backends,
    targets: judgeTargets(backends),
    durationSeconds,
  };
}
