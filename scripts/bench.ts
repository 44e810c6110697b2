/**
 * `npm run bench -- --json <file>`: how fast the pretext model trains in headless Chromium on each
 * backend, worker against main thread, how smooth the page stays meanwhile, how long the MNIST assets
 * and the 40,000 rotated images take, and whether tf.memory() returns to where it started.
 *
 * It starts the Vite dev server, opens bench.html (src/bench) once per backend and mode in Chromium
 * (e2e/chromium.ts: Debian's or Playwright's, SwiftShader for WebGL), prints a table with the issue's
 * targets marked PASS/MISS, and writes JSON (default bench-results/bench.json). A MISS is information;
 * only errors (a run that broke, a server or browser that would not start) make the exit code non-zero.
 *
 * First, it builds the app (`vite build`) and measures a first visit to that build under `vite preview`
 * (scripts/bench-first-load.ts): JavaScript and asset bytes, and the time to the first usable panel. That
 * lands in the JSON as `firstLoad`, beside the per-backend figures.
 *
 * Before the browser starts, it times a digit head trained on cached trunk features in Node
 * (scripts/bench-heads.ts), written to the JSON as `headsOnCachedFeatures`, its target ("1,000-label head < 1 s")
 * in the target list.
 */
import { formatProbeBench, measureProbe, probeTarget, type ProbeBench } from './bench-probe';
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { dirname } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import type { BenchParams } from '../src/bench/types';
import { runPage, startServer } from './bench-pages';
import { FULL_PLAN, QUICK_PLAN, USAGE, parseBenchArgs, type BackendPlan, type BenchArgs } from './bench-plan';
import { buildReport, formatReport, type Machine, type RunRecord } from './bench-report';
import { formatFirstLoad, measureFirstLoad, type FirstLoadFailed, type FirstLoadReport } from './bench-first-load';
import { formatHeadBench, headTarget, measureHeads, type HeadBench } from './bench-heads';
import type { TaskRecord } from './bench-tasks';
import { formatTaskProfile, profileTasks, type TaskProfile } from './task-profile';
import { TASK_IDS, type TaskId } from '../src/ml/tasks/registry';

const log = (line: string): void => console.log(line);

function paramsFor(plan: BackendPlan, mode: BenchParams['mode']): BenchParams {
  return {
    backend: plan.backend,
    mode,
    images: plan.images,
    warmupEpochs: plan.warmupEpochs,
    epochs: plan.epochs,
    memory: plan.memory && mode === 'worker',
    rotations: true,
    threads: null,
    task: 'rotation',
  };
}

/** A thread-count comparison run: pretext training only, in the benchmark's worker with `threads` WASM threads. */
function threadParamsFor(plan: BackendPlan, threads: number): BenchParams {
  return { ...paramsFor(plan, 'worker'), warmupEpochs: 1, epochs: plan.threadEpochs, memory: false, rotations: false, threads };
}

/** A per-task run: that task's pretext training only, in the app's worker (its own thread choice), a few epochs of a few batches. */
function taskParamsFor(plan: BackendPlan, task: TaskId): BenchParams {
  return { ...paramsFor(plan, 'worker'), images: plan.taskImages, warmupEpochs: 1, epochs: plan.taskEpochs, memory: false, rotations: false, task };
}

function timeoutFor(plan: BackendPlan): number {
  const images = plan.images * (plan.warmupEpochs + plan.epochs);
  return (images / plan.slowestImagesPerSecond) * 1_000 + (plan.memory ? 240_000 : 0) + 180_000;
}

/** Loads the page once, small, so the dev server has transformed every module before anything is timed. */
async function warmUp(browser: Browser, base: string): Promise<void> {
  const tiny: BenchParams = { backend: 'wasm', mode: 'worker', images: 192, warmupEpochs: 0, epochs: 1, memory: false, rotations: false, threads: null, task: 'rotation' };
  for (const mode of ['worker', 'main'] as const) {
    const result = await runPage(browser, base, { ...tiny, mode }, 300_000, `warm-up/${mode}`);
    if (!result.ok) log(`  warm-up (${mode}) did not finish: ${result.error}`);
  }
}

function machineInfo(browser: Browser, executablePath: string | undefined, records: readonly RunRecord[], loadAtStart: number): Machine {
  const first = records.find((r) => r.result.ok)?.result;
  const page = first?.ok ? first : null;
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${osType()} ${release()} ${arch()}`,
    node: process.version,
    chromium: browser.version(),
    chromiumPath: executablePath ?? "Playwright's bundled Chromium",
    hardwareConcurrency: page?.hardwareConcurrency ?? null,
    crossOriginIsolated: page?.crossOriginIsolated ?? null,
    userAgent: page?.userAgent ?? null,
    loadAverage: { start: loadAtStart, end: loadavg()[0] },
    date: new Date().toISOString(),
  };
}

async function main(): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    log(USAGE);
    return 0;
  }
  const started = performance.now();
  const loadAtStart = loadavg()[0];
  const data = spawnSync('npm', ['run', '--silent', 'data'], { stdio: 'inherit' });
  if (data.status !== 0) throw new Error('`npm run data` failed: the MNIST assets are needed in public/data.');
  // In Node, before the browser starts, so the two do not compete for the cores.
  log('Heads on cached features (Node, WASM): 1,000 labels, 50 epochs…');
  const headsOnCachedFeatures: HeadBench | { readonly status: 'error'; readonly reason: string } = await measureHeads().catch(
    (err: unknown) => ({ status: 'error' as const, reason: err instanceof Error ? err.message : String(err) }),
  );
  log('status' in headsOnCachedFeatures ? `  failed: ${headsOnCachedFeatures.reason}` : formatHeadBench(headsOnCachedFeatures));
  log('The linear probe (Node): 1,000 labels x 288 features, and a live reading beside a Lecture epoch…');
  const probe: ProbeBench | { readonly status: 'error'; readonly reason: string } = await measureProbe().catch(
    (err: unknown) => ({ status: 'error' as const, reason: err instanceof Error ? err.message : String(err) }),
  );
  log('status' in probe ? `  failed: ${probe.reason}` : formatProbeBench(probe));
  const taskBackends = (args.quick ? QUICK_PLAN : FULL_PLAN).filter((p) => args.backends.includes(p.backend) && p.taskImages > 0);
  let profiles: Record<string, TaskProfile> = {};
  if (taskBackends.some((p) => p.backend === 'wasm')) {
    log("Where each task's training step spends its time (Node, WASM, 1 thread)…");
    profiles = await profileTasks().catch((err: unknown) => {
      log(`  failed: ${err instanceof Error ? err.message : String(err)}`);
      return {};
    });
    for (const p of Object.values(profiles)) log(formatTaskProfile(p).join('\n'));
  }
  log('Building the app for the first-load measurement (vite build)…');
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });

  const plans = (args.quick ? QUICK_PLAN : FULL_PLAN).filter((p) => args.backends.includes(p.backend));
  const { server, base } = await startServer(args.port);
  const launch = chromiumLaunchOptions({ webgpu: true }); // WebGPU is measured where the browser offers it
  let browser: Browser | null = null;
  const records: RunRecord[] = [];
  const taskRecords: TaskRecord[] = [];
  try {
    browser = await chromium.launch(launch);
    log(`Benchmark on ${base} in Chromium ${browser.version()} (${cpus().length} cores)${args.quick ? ', quick sizes' : ''}`);
    log('first load: the production build under vite preview');
    const firstLoad: FirstLoadReport | FirstLoadFailed = built.status === 0
      ? await measureFirstLoad(browser, args.port + 1, args.quick ? 1 : 3, log)
      : { status: 'error', reason: '`vite build` failed' };
    await warmUp(browser, base);
    for (const plan of plans) {
      for (const mode of plan.modes) {
        const params = paramsFor(plan, mode);
        log(`${plan.backend}/${mode}: ${params.warmupEpochs} warm-up + ${params.epochs} epochs of ${params.images} rotated images, batch 192`);
        const loadStart = loadavg()[0];
        const result = await runPage(browser, base, params, timeoutFor(plan), `${plan.backend}/${mode}`);
        if (!result.ok) log(`  ${plan.backend}/${mode}: ${result.kind}: ${result.error}`);
        records.push({ backend: plan.backend, mode, threads: null, result, load: { start: loadStart, end: loadavg()[0] } });
        // A backend that is not there in a worker is not there on the main thread either.
        if (!result.ok && result.kind === 'unavailable' && mode === 'worker') break;
      }
      if (!records.some((r) => r.backend === plan.backend && r.result.ok)) continue;
      for (const threads of plan.threadCounts) {
        const params = threadParamsFor(plan, threads);
        log(`${plan.backend}/worker, ${threads} thread(s): 1 warm-up + ${params.epochs} epochs of ${params.images} rotated images, batch 192`);
        const loadStart = loadavg()[0];
        const result = await runPage(browser, base, params, timeoutFor(plan), `${plan.backend}/${threads} thread(s)`);
        if (!result.ok) log(`  ${plan.backend}/${threads} thread(s): ${result.kind}: ${result.error}`);
        records.push({ backend: plan.backend, mode: 'worker', threads, result, load: { start: loadStart, end: loadavg()[0] } });
      }
      if (plan.taskImages > 0) {
        for (const task of TASK_IDS) {
          const params = taskParamsFor(plan, task);
          log(`${plan.backend}/worker, task ${task}: 1 warm-up + ${params.epochs} epochs of ${params.images} examples (${params.images / 192} batches of 192)`);
          const loadStart = loadavg()[0];
          const result = await runPage(browser, base, params, timeoutFor(plan), `${plan.backend}/${task}`);
          if (!result.ok) log(`  ${plan.backend}/${task}: ${result.kind}: ${result.error}`);
          taskRecords.push({ backend: plan.backend, task, result, load: { start: loadStart, end: loadavg()[0] } });
        }
      }
    }
    const judged = buildReport(records, machineInfo(browser, launch.executablePath, records, loadAtStart), Math.round((performance.now() - started) / 1000),
      taskRecords, profiles);
    // The head's target joins the list, so "1,000-label head < 1 s" is judged beside the browser's targets.
    const targets = [
      ...judged.targets,
      ...('status' in headsOnCachedFeatures ? [] : [headTarget(headsOnCachedFeatures)]),
      ...('status' in probe ? [] : [probeTarget(probe)]),
    ];
    const report = { ...judged, targets, firstLoad, headsOnCachedFeatures, probe };
    log('');
    log(formatReport(report, records));
    log(formatFirstLoad(firstLoad));
    if (!('status' in headsOnCachedFeatures)) log(formatHeadBench(headsOnCachedFeatures));
    if (!('status' in probe)) log(formatProbeBench(probe));
    await mkdir(dirname(args.jsonPath), { recursive: true });
    await writeFile(args.jsonPath, `${JSON.stringify(report, null, 2)}\n`);
    log(`\nWrote ${args.jsonPath} (${report.durationSeconds} s in all).`);
  } finally {
    await browser?.close();
    await server.close();
  }
  const errors = records.filter((r) => !r.result.ok && r.result.kind === 'error');
  if (errors.length) console.error(`${errors.length} run(s) failed with an error: ${errors.map((r) => `${r.backend}/${r.mode}`).join(', ')}`);
  return errors.length || records.every((r) => !r.result.ok) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack ?? err.message : String(err));
    process.exit(1);
  },
);
