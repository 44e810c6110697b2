/**
 * The benchmark's WASM thread comparison (training in a worker with 1 and with 2 threads) and the Lecture
 * protocol's projected pretext time: the figures issue 12 asks for beside images/s.
 */
import type { GapSummary, RateSummary } from '../src/bench/types';
import type { BackendName } from '../src/ml/backends/activate';

/** The Lecture protocol's pretext training: 40,000 rotated images x 50 epochs. */
export const LECTURE_PRETEXT_IMAGES = 2_000_000;

/** Minutes the Lecture protocol's pretext training takes at `imagesPerSecond` (null if unknown). */
export function lectureMinutes(imagesPerSecond: number | null | undefined): number | null {
  return imagesPerSecond && Number.isFinite(imagesPerSecond) && imagesPerSecond > 0
    ? LECTURE_PRETEXT_IMAGES / imagesPerSecond / 60
    : null;
}

/** One thread-count run's figures, or why it has none. */
export type ThreadRun =
  | {
      readonly status: 'ok';
      readonly threads: number;
      /** What the engine reported (null: the backend is not WASM; 1 where the page is not cross-origin isolated). */
      readonly wasmThreads: number | null;
      readonly imagesPerSecond: RateSummary;
      readonly projectedLectureMinutes: number | null;
      readonly frameGapMs: GapSummary | null;
      readonly frameGapMsAfterWarmup: GapSummary | null;
      readonly loadAverage: { readonly start: number; readonly end: number };
    }
  | { readonly status: 'unavailable' | 'error'; readonly threads: number; readonly reason: string };

/** The smallest slice of a run record this module needs (scripts/bench-report.ts's RunRecord fits). */
export interface ThreadRecord {
  readonly backend: BackendName;
  readonly threads: number | null;
  readonly load: { readonly start: number; readonly end: number };
  readonly result:
    | { readonly ok: true; readonly backend: { readonly threads: number | null }; readonly imagesPerSecond: RateSummary; readonly frameGapMs: GapSummary | null; readonly frameGapMsAfterWarmup: GapSummary | null }
    | { readonly ok: false; readonly kind: 'unavailable' | 'error'; readonly error: string };
}

/** The thread-count runs of `backend`, keyed by thread count ("1", "2"). */
export function threadRuns(records: readonly ThreadRecord[], backend: BackendName): Record<string, ThreadRun> {
  const runs: Record<string, ThreadRun> = {};
  for (const r of records) {
    if (r.backend !== backend || r.threads === null) continue;
    const res = r.result;
    runs[String(r.threads)] = res.ok
      ? {
          status: 'ok',
          threads: r.threads,
          wasmThreads: res.backend.threads,
          imagesPerSecond: res.imagesPerSecond,
          projectedLectureMinutes: lectureMinutes(res.imagesPerSecond.median),
          frameGapMs: res.frameGapMs,
          frameGapMsAfterWarmup: res.frameGapMsAfterWarmup,
          loadAverage: r.load,
        }
      : { status: res.kind, threads: r.threads, reason: res.error };
  }
  return runs;
}

/** Printable lines comparing the thread counts, one per run. */
export function formatThreadRuns(backend: BackendName, runs: Record<string, ThreadRun>): string[] {
  return Object.values(runs).map((run) => {
    if (run.status !== 'ok') return `${backend}, ${run.threads} thread(s): ${run.status}: ${run.reason}`;
    const { median, min, max } = run.imagesPerSecond;
    const gap = run.frameGapMs ? `${run.frameGapMs.max.toFixed(1)} / ${run.frameGapMs.p95.toFixed(1)} ms` : 'no frames';
    const minutes = run.projectedLectureMinutes === null ? 'n/a' : `${run.projectedLectureMinutes.toFixed(1)} min`;
    return `${backend}, ${run.threads} thread(s) (engine reports ${run.wasmThreads ?? 'n/a'}): ${median.toFixed(0)} images/s [${min.toFixed(0)}-${max.toFixed(0)}], `
      + `frame gap max / p95 ${gap}, Lecture pretext ${minutes}, load ${run.loadAverage.start.toFixed(1)}-${run.loadAverage.end.toFixed(1)}`;
  });
}

/** One target line, as scripts/bench-report.ts's Target. */
interface TargetLine {
  readonly name: string;
  readonly goal: string;
  readonly value: string;
  readonly pass: boolean | null;
}

const whole = (v: number): string => v.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** Issue 12's targets: 3,400 images/s (6,700 stretch) in the worker, and frame gaps <= 50 ms per thread count. */
export function issue12Targets(imagesPerSecond: number, runs: Record<string, ThreadRun>): TargetLine[] {
  const minutes = lectureMinutes(imagesPerSecond);
  const targets: TargetLine[] = [3_400, 6_700].map((goal) => ({
    name: `WASM training speed, issue 12${goal > 3_400 ? ' stretch' : ''} (worker, median)`,
    goal: `>= ${whole(goal)} images/s`,
    value: `${whole(imagesPerSecond)} images/s (Lecture pretext ${minutes === null ? 'n/a' : minutes.toFixed(1)} min)`,
    pass: imagesPerSecond >= goal,
  }));
  for (const run of Object.values(runs)) {
    if (run.status !== 'ok') continue;
    targets.push({
      name: `frame gap while training (wasm, worker, ${run.threads} thread${run.threads > 1 ? 's' : ''})`,
      goal: 'max <= 50 ms',
      value: run.frameGapMs ? `${run.frameGapMs.max.toFixed(1)} ms at ${whole(run.imagesPerSecond.median)} images/s` : 'no frames drawn',
      pass: run.frameGapMs ? run.frameGapMs.max <= 50 : false,
    });
  }
  return targets;
}
