/**
 * One benchmark run on the page: start the engine (worker or main thread) on a backend, load MNIST over
 * HTTP, time the lecture's 40,000 rotated images, train the pretext model at batch 192 for warm-up plus
 * measured epochs while timing animation frames (rotation's, or another task's when the URL names one), then (optionally) train both heads and compare the
 * engine's tensor count before and after.
 */
import { presetConfig, type ExperimentConfig } from '../ml/config/presets';
import { overrideWasmThreads } from '../runtime/backends';
import { startEngine, type EngineClient } from '../client/client';
import { dataPayload, loadMnistOverHttp } from '../client/load-data';
import { experimentSpecs, runId, type TrunkUse } from '../ml/experiment/runs';
import { FrameGapMonitor, type FrameGap } from './frames';
import { EngineInbox } from './inbox';
import { startThreadsWorker } from './threads-client';
import { epochRates, gapSummary, summarize, type BatchSample } from './stats';
import type { BenchParams, BenchRunOk, BenchRunResult, LongestGap, MemoryCycles, RateSummary } from './types';

const SHORT_MS = 120_000;

/** The asked-for backend (or mode) is not there: recorded as "unavailable", not as an error. */
class Unavailable extends Error {}
const TRAIN_MS = 30 * 60_000;
/** How long to keep re-reading the tensor count after a reset while it is above where it started. */
const SETTLE_MS = 10_000;

/** The lecture's settings, cut down to `params.images` rotated images per epoch and the heads to one epoch. */
export function benchConfig(params: BenchParams): ExperimentConfig {
  const lecture = presetConfig('lecture');
  return {
    ...lecture,
    preset: 'custom',
    task: params.task,
    splits: { ...lecture.splits, pretextCount: params.images / 4 },
    pretext: { ...lecture.pretext, epochs: params.warmupEpochs + params.epochs },
    downstream: { ...lecture.downstream, epochs: 1 },
    supervised: { ...lecture.supervised, epochs: 1 },
  };
}

function rates(values: readonly number[], what: string): RateSummary {
  const summary = summarize(values.filter(Number.isFinite));
  if (summary === null) throw new Error(`No measured epoch produced ${what}.`);
  return summary;
}

async function trainStep(inbox: EngineInbox, client: EngineClient, use: TrunkUse, config: ExperimentConfig): Promise<number> {
  const spec = experimentSpecs(config)[use];
  client.send({ type: 'train', spec, config });
  await inbox.next('runEnded', TRAIN_MS, (e) => e.run === runId(spec));
  return (await inbox.next('memory', SHORT_MS)).event.numTensors;
}

function locate(gap: FrameGap | null, samples: readonly BatchSample[], trainStarted: number): LongestGap | null {
  if (gap === null) return null;
  const began = gap.at - gap.ms;
  const last = samples.filter((s) => s.at <= began).at(-1);
  return { ms: gap.ms, startedAtMs: began - trainStarted, afterEpoch: last?.epoch ?? null, afterBatch: last?.batch ?? null };
}

/** Resets the engine and reads its tensor count, again every 250 ms until it is back to `before` or SETTLE_MS passed. */
async function tensorsAfterReset(inbox: EngineInbox, client: EngineClient, before: number): Promise<{ immediate: number; settled: number; settledBytes: number; waitedMs: number }> {
  const started = performance.now();
  client.send({ type: 'reset' });
  let memory = (await inbox.next('memory', SHORT_MS)).event;
  const immediate = memory.numTensors;
  while (memory.numTensors !== before && performance.now() - started < SETTLE_MS) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    client.send({ type: 'reset' });
    memory = (await inbox.next('memory', SHORT_MS)).event;
  }
  return { immediate, settled: memory.numTensors, settledBytes: memory.numBytes, waitedMs: performance.now() - started };
}

/** How many train-and-reset cycles the memory check runs. */
const MEMORY_CYCLES = 10;

/**
 * Train, reset, retrain, ten times in one engine: the pretext model (192 rotated images, one epoch) and its
 * frozen-feature head (one epoch on the lecture's 1,000 labels), then a reset. A leak of even one tensor per
 * run shows as a count that creeps up cycle after cycle; flat means every cycle ends where the first began.
 */
async function memoryCycles(inbox: EngineInbox, client: EngineClient, progress: (line: string) => void): Promise<MemoryCycles> {
  const lecture = presetConfig('lecture');
  const config: ExperimentConfig = {
    ...lecture, preset: 'custom',
    splits: { ...lecture.splits, pretextCount: 48 },
    pretext: { ...lecture.pretext, epochs: 1 },
    downstream: { ...lecture.downstream, epochs: 1 },
  };
  client.send({ type: 'reset' });
  const start = (await inbox.next('memory', SHORT_MS)).event;
  const afterEach: { tensors: number; bytes: number }[] = [];
  for (let cycle = 0; cycle < MEMORY_CYCLES; cycle++) {
    await trainStep(inbox, client, 'pretext', config);
    await trainStep(inbox, client, 'transfer', config);
    const reset = await tensorsAfterReset(inbox, client, start.numTensors);
    afterEach.push({ tensors: reset.settled, bytes: reset.settledBytes });
    progress(`memory cycle ${cycle + 1}/${MEMORY_CYCLES}: ${reset.settled} tensors, ${reset.settledBytes} bytes after reset (started at ${start.numTensors}, ${start.numBytes})`);
  }
  const flat = afterEach.every((m) => m.tensors === start.numTensors && m.bytes === start.numBytes);
  return { cycles: MEMORY_CYCLES, before: { tensors: start.numTensors, bytes: start.numBytes }, afterEach, flat };
}

async function measure(params: BenchParams, inbox: EngineInbox, client: EngineClient, progress: (line: string) => void): Promise<BenchRunOk> {
  const runStarted = performance.now();
  const { event: ready } = await inbox.next('ready', SHORT_MS);
  const notes = [...inbox.notes];
  if (ready.backend.name !== params.backend) {
    throw new Unavailable(`asked for ${params.backend}, the engine started ${ready.backend.name} instead (${ready.backend.reason})`);
  }
  if (ready.mode !== params.mode) notes.push(`asked for mode ${params.mode}, the engine runs in mode ${ready.mode}`);
  progress(`ready: ${ready.backend.name} in ${ready.mode}${ready.backend.renderer ? ` (${ready.backend.renderer})` : ''}`);

  client.send({ type: 'reset' });
  const before = (await inbox.next('memory', SHORT_MS)).event.numTensors;

  const loadStarted = performance.now();
  const mnist = await loadMnistOverHttp();
  const mnistLoadMs = performance.now() - loadStarted;
  const { data, transfer } = dataPayload(mnist);
  client.send({ type: 'loadData', data }, transfer);
  await inbox.next('dataLoaded', SHORT_MS);
  progress(`MNIST loaded in ${mnistLoadMs.toFixed(0)} ms`);

  let rotationBuildMs: number | null = null;
  let rotationCount: number | null = null;
  if (params.rotations) {
    client.send({ type: 'makeExamples', config: presetConfig('lecture') });
    const { event } = await inbox.next('examplesReady', SHORT_MS);
    rotationBuildMs = event.ms;
    rotationCount = event.count;
    progress(`${event.count} rotated images built in ${event.ms.toFixed(0)} ms`);
  }

  const config = benchConfig(params);
  const totalEpochs = config.pretext.epochs;
  const frames = new FrameGapMonitor();
  frames.start();
  const trainStarted = performance.now();
  const pretext = runId(experimentSpecs(config).pretext);
  client.send({ type: 'train', spec: experimentSpecs(config).pretext, config });
  let warmupEnded = trainStarted;
  for (let epoch = 0; epoch < totalEpochs; epoch++) {
    const { event, at } = await inbox.next('epoch', TRAIN_MS, (e) => e.run === pretext && e.event.epoch === epoch);
    if (epoch === params.warmupEpochs - 1) warmupEnded = at;
    // The loss in full (shortest round-trip digits): two runs that print the same losses computed the same numbers,
    // which is how a speed change is shown to leave training untouched.
    progress(`pretext epoch ${epoch + 1}/${totalEpochs}${epoch < params.warmupEpochs ? ' (warm-up)' : ''}: accuracy ${(event.event.accuracy * 100).toFixed(1)}%, loss ${event.event.loss}`);
  }
  frames.stop();

  const samples: BatchSample[] = [];
  for (const { event, at } of inbox.received) {
    if (event.type === 'batch' && event.run === pretext) samples.push({ ...event.event, at });
  }
  const epochs = epochRates(samples, trainStarted, params.warmupEpochs);
  const measured = epochs.filter((e) => !e.warmup);

  await inbox.next('runEnded', TRAIN_MS, (e) => e.run === pretext);
  const afterPretext = (await inbox.next('memory', SHORT_MS)).event.numTensors;
  let afterSteps: number | null = null;
  let afterResetImmediate: number | null = null;
  let after: number | null = null;
  if (params.memory) {
    progress('training the self-supervised head and the supervised baseline (one epoch each)');
    await trainStep(inbox, client, 'transfer', config);
    afterSteps = await trainStep(inbox, client, 'scratch', config);
    const reset = await tensorsAfterReset(inbox, client, before);
    afterResetImmediate = reset.immediate;
    after = reset.settled;
    if (reset.immediate !== reset.settled) {
      notes.push(`${reset.immediate - before} tensors were still alive right after the reset; ${reset.settled - before} after ${Math.round(reset.waitedMs)} ms`);
    }
    progress(`tensors: ${before} before, ${afterSteps} with three models, ${afterResetImmediate} right after reset, ${after} settled`);
  }
  const cycles = params.memory ? await memoryCycles(inbox, client, progress) : null;

  return {
    ok: true,
    params,
    backend: ready.backend,
    mode: ready.mode,
    notes,
    crossOriginIsolated: globalThis.crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    userAgent: navigator.userAgent,
    mnistLoadMs,
    rotationBuildMs,
    rotationCount,
    pretextCount: config.splits.pretextCount,
    imagesPerEpoch: config.splits.pretextCount * 4,
    batchSize: config.pretext.batchSize,
    epochs,
    imagesPerSecond: rates(measured.map((e) => e.imagesPerSecond), 'a training rate'),
    wallImagesPerSecond: rates(measured.map((e) => e.wallImagesPerSecond), 'a wall-clock rate'),
    frameGapMs: gapSummary(frames.gapsSince()),
    frameGapMsAfterWarmup: gapSummary(frames.gapsSince(warmupEnded)),
    longestFrameGap: locate(frames.longest(), samples, trainStarted),
    tensors: { before, afterPretext, afterSteps, afterResetImmediate, after },
    memoryCycles: cycles,
    totalMs: performance.now() - runStarted,
  };
}

/** Runs the benchmark described by `params`; never throws (a failure is a result too). */
export async function runBench(params: BenchParams, progress: (line: string) => void): Promise<BenchRunResult> {
  const inbox = new EngineInbox();
  let client: EngineClient | null = null;
  try {
    if (params.threads !== null && params.mode === 'main') overrideWasmThreads(params.threads);
    client = params.threads !== null && params.mode === 'worker'
      ? await startThreadsWorker(inbox.listener, params.backend, params.threads)
      : await startEngine(inbox.listener, params.backend, params.mode === 'main');
    return await measure(params, inbox, client, progress);
  } catch (err) {
    const unavailable = client === null || err instanceof Unavailable;
    return { ok: false, kind: unavailable ? 'unavailable' : 'error', params, error: err instanceof Error ? err.message : String(err), notes: inbox.notes };
  } finally {
    client?.dispose();
  }
}
