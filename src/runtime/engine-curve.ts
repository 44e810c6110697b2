/**
 * The engine's insight bench: live label-efficiency sweeps and block-by-block probes, run on the models the
 * engine already holds. One job at a time; a sweep runs in the background so a Stop can arrive while it works,
 * and yields between batches and heads so the worker keeps answering.
 */
import type * as tf from '#tf';
import type { Mnist } from '../ml/data/mnist';
import { SettingError } from '../ml/config/validate';
import { parseRunId, type RunId } from '../ml/experiment/runs';
import { runSweep } from '../ml/experiment/sweep';
import { sourceTask, type SweepRequest } from '../ml/experiment/sweep-request';
import { gatherRows, labelRows } from '../ml/experiment/label-pool';
import { buildTaskModel } from '../ml/models/architecture';
import { isTaskId, taskById } from '../ml/tasks/registry';
import { probeTrunk } from '../ml/features/probe-trunk';
import type { ExperimentConfig } from '../ml/config/presets';
import type { EngineEvent } from './messages';
import { probeKey, type InsightCommand, type InsightEvent, type ProbeSource } from './insight-messages';

/** What the bench reads from the engine. */
export interface InsightHost {
  mnist(): Mnist | null;
  model(run: RunId): tf.LayersModel | undefined;
  /** The run training right now, whose weights are moving: never swept or probed. */
  training(): RunId | null;
}

/**
 * Labelled digits a probe trains on: the first 500 of the lecture's labelled set (training images 10,000-10,499).
 * Small on purpose: after conv1 + pool every digit is 3,136 numbers, and a probe there is the costliest step;
 * the question is which block reads the digit best, and 500 digits answer it in seconds rather than minutes.
 */
export const PROBE_TRAIN_LABELS = 500;
/** Test digits a probe is scored on: the first 1,000 test images (a standard error of about 1 point at 90%). */
export const PROBE_TEST_COUNT = 1_000;

/** Runs sweeps and probes for the engine. */
export class InsightBench {
  private job: 'sweep' | 'probe' | null = null;
  private stopRequested = false;
  private readonly emit: (event: EngineEvent) => void;
  private readonly host: InsightHost;

  constructor(emit: (event: EngineEvent) => void, host: InsightHost) {
    this.emit = emit;
    this.host = host;
  }

  private say(event: InsightEvent): void {
    this.emit({ type: 'insight', event });
  }

  /** What runs now, if anything: training must wait, since a sweep or probe reads the models it would replace. */
  get busy(): 'sweep' | 'probe' | null {
    return this.job;
  }

  /** Handles one insight command; a sweep is started and left running. */
  async handle(command: InsightCommand): Promise<void> {
    switch (command.type) {
      case 'stopSweep': this.stopRequested = true; return;
      case 'sweep': {
        if (this.refuseIfBusy()) return;
        void this.sweep(command.request, command.config);
        return;
      }
      case 'probe': {
        if (this.refuseIfBusy()) return;
        await this.probe(command.sources, command.config);
        return;
      }
    }
  }

  private refuseIfBusy(): boolean {
    if (this.job === null) return false;
    this.emit({ type: 'error', message: `A ${this.job} is still running: wait for it, or stop it first.` });
    return true;
  }

  private modelFor(run: RunId): tf.LayersModel | undefined {
    return run === this.host.training() ? undefined : this.host.model(run);
  }

  private async sweep(request: SweepRequest, config: ExperimentConfig): Promise<void> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const mnist = this.host.mnist();
    this.job = 'sweep';
    this.stopRequested = false;
    try {
      if (!mnist) throw new Error('The MNIST data is not loaded yet.');
      let announced = false;
      const end = await runSweep(mnist, request, config, (run) => this.modelFor(run), {
        onPoint: (point) => this.say({ type: 'sweepPoint', point }),
        onProgress: (done, total, message) => {
          if (!announced) this.say({ type: 'sweepStarted', total });
          announced = true;
          this.say({ type: 'sweepProgress', done, total, elapsedMs: elapsed(), message });
        },
        shouldStop: () => this.stopRequested,
      });
      this.say({ type: 'sweepEnded', end, elapsedMs: elapsed() });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.say({ type: 'sweepEnded', end: 'failed', elapsedMs: elapsed(), message, ...(err instanceof SettingError ? { setting: err.setting } : {}) });
    } finally {
      this.job = null;
    }
  }

  private async probe(sources: readonly ProbeSource[], config: ExperimentConfig): Promise<void> {
    const mnist = this.host.mnist();
    this.job = 'probe';
    try {
      if (!mnist) throw new Error('The MNIST data is not loaded yet.');
      if (sources.length === 0) throw new Error('Choose at least one trunk to probe.');
      const testCount = Math.min(PROBE_TEST_COUNT, mnist.test.count);
      const train = gatherRows(mnist.train, labelRows(mnist, PROBE_TRAIN_LABELS, 1));
      const test = gatherRows(mnist.test, Array.from({ length: testCount }, (_, i) => i));
      this.say({ type: 'probeStarted', trunks: sources.map(probeKey), trainCount: train.count, testCount });
      for (const source of sources) {
        const key = probeKey(source);
        // A random trunk is the rotation pretext model before any training: the same layers, conv3 included.
        const random = source.kind === 'random' ? buildTaskModel(taskById('rotation'), source.seed) : null;
        const model = random ?? (source.kind === 'run' ? this.modelFor(source.run) : undefined);
        if (!model) throw new Error(`There is no model for ${key} to probe: train or load it first.`);
        const seed = source.kind === 'random' ? source.seed : (parseRunId(source.run, isTaskId)?.seed ?? 1);
        try {
          await probeTrunk(model, train, test, { scaling: config.scaling, seed }, (row) => this.say({ type: 'probeRow', trunk: key, row }));
        } finally {
          random?.dispose();
        }
      }
      this.say({ type: 'probeEnded', ok: true });
    } catch (err) {
      this.say({ type: 'probeEnded', ok: false, message: err instanceof Error ? err.message : String(err) });
    } finally {
      this.job = null;
    }
  }
}

/** Whether a run id names a pretext model the bench can sweep as a trunk. */
export function isSweepSource(run: RunId): boolean {
  return sourceTask(run) !== null;
}
