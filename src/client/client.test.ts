/**
 * The start-up watchdog (client.ts): a worker that never says `ready` is ended and replaced once; two silent
 * ones mean the main thread. Driven with fake workers and fake timers, so 20 s pass in no time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendInfo, Command, EngineEvent, ModelSummaries } from '../runtime/messages';
import { READY_TIMEOUT_MS, spawn, startInWorker, type WorkerFactory, type WorkerLike } from './client';

/** A worker that does nothing until the test makes it speak. */
class FakeWorker implements WorkerLike {
  onmessage: ((message: MessageEvent<EngineEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly posted: Command[] = [];
  terminated = false;
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
  postMessage(command: Command): void {
    this.posted.push(command);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The worker sends an event to the page. */
  say(event: EngineEvent): void {
    if (!this.terminated) this.onmessage?.({ data: event } as MessageEvent<EngineEvent>);
  }
}

const BACKEND: BackendInfo = { name: 'wasm', reason: 'test', renderer: null, softwareRenderer: false, threads: 2, simdKernels: true };
// The client never reads the summaries; the page's reducer does.
const READY: EngineEvent = { type: 'ready', backend: BACKEND, mode: 'worker', webgl2InWorker: false, summaries: {} as ModelSummaries };

/** A factory that records every worker it makes. */
function factory(): { make: WorkerFactory; made: FakeWorker[] } {
  const made: FakeWorker[] = [];
  return { made, make: (name) => { const w = new FakeWorker(name); made.push(w); return w; } };
}

const plan = (make: WorkerFactory) => ({ attempt: () => ({ factory: make, timeoutMs: READY_TIMEOUT_MS }) });

describe('the start-up watchdog', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('waits for a slow worker that does answer in time, and never ends it', async () => {
    const { make, made } = factory();
    const events: EngineEvent[] = [];
    const outcome = startInWorker((e) => events.push(e), 'auto', false, plan(make));
    await vi.advanceTimersByTimeAsync(READY_TIMEOUT_MS - 1);
    made[0].say(READY);
    await vi.advanceTimersByTimeAsync(READY_TIMEOUT_MS * 2);
    const result = await outcome;
    expect('client' in result && result.client.mode).toBe('worker');
    expect(made).toHaveLength(1);
    expect(made[0].terminated).toBe(false);
    expect(events.map((e) => e.type)).toEqual(['ready']);
    // The start order travels in the worker's name, not in a message the page's busy thread would hold up.
    expect(made[0].name).toBe('pretext-lab-engine?backend=auto');
    expect(made[0].posted).toEqual([]);
  });

  it('ends a silent worker after the timeout and starts one fresh worker, which is used', async () => {
    const { make, made } = factory();
    const events: EngineEvent[] = [];
    const outcome = startInWorker((e) => events.push(e), 'wasm', true, plan(make));
    await vi.advanceTimersByTimeAsync(READY_TIMEOUT_MS - 1);
    expect(made).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(made[0].terminated).toBe(true);
    expect(made).toHaveLength(2);
    expect(made[1].name).toBe('pretext-lab-engine?backend=wasm&webgl=off');
    made[1].say(READY);
    const result = await outcome;
    expect('client' in result).toBe(true);
    if ('client' in result) {
      result.client.send({ type: 'reset' });
      expect(made[1].posted).toEqual([{ type: 'reset' }]);
    }
    expect(made[1].terminated).toBe(false);
    expect(events.map((e) => e.type)).toEqual(['ready']);
  });

  it('gives up after two silent workers and says why, for the main-thread fallback to show', async () => {
    const { make, made } = factory();
    const outcome = startInWorker(() => undefined, 'auto', false, plan(make));
    await vi.advanceTimersByTimeAsync(READY_TIMEOUT_MS * 2);
    expect(await outcome).toEqual({ problem: 'the training worker did not start, twice (no answer within 20 s)' });
    expect(made).toHaveLength(2);
    expect(made.every((w) => w.terminated)).toBe(true);
    // A silent worker that wakes up late is not listened to.
    made[0].say(READY);
    await vi.advanceTimersByTimeAsync(READY_TIMEOUT_MS);
    expect(made).toHaveLength(2);
  });

  it('does not retry a worker that failed with an error (the same error would come back)', async () => {
    const { make, made } = factory();
    const outcome = startInWorker(() => undefined, 'auto', false, plan(make));
    made[0].say({ type: 'error', message: 'No TensorFlow.js backend could start' });
    expect(await outcome).toEqual({ problem: 'the training worker could not be used (No TensorFlow.js backend could start)' });
    expect(made).toHaveLength(1);
    expect(made[0].terminated).toBe(true);
  });

  it('refuses a worker without WebGL2 when WebGL was asked for', async () => {
    const { make, made } = factory();
    const outcome = startInWorker(() => undefined, 'webgl', false, plan(make));
    made[0].say(READY);
    expect(await outcome).toEqual({ problem: 'the training worker could not be used (WebGL2 is not available inside a Web Worker in this browser)' });
    expect(made[0].terminated).toBe(true);
  });

  it('adopts the worker started before the page (boot.ts), with the events it sent before anyone listened', async () => {
    const { make, made } = factory();
    const early = spawn(make, 'auto', false, READY_TIMEOUT_MS);
    made[0].say({ type: 'info', message: 'early word' });
    made[0].say(READY);
    const events: EngineEvent[] = [];
    const result = await startInWorker((e) => events.push(e), 'auto', false, { ...plan(make), adopt: early });
    expect('client' in result).toBe(true);
    expect(made).toHaveLength(1);
    expect(events.map((e) => e.type)).toEqual(['info', 'ready']);
  });

  it('ends an early worker started for another choice and starts the one asked for', async () => {
    const { make, made } = factory();
    const early = spawn(make, 'auto', false, READY_TIMEOUT_MS);
    const outcome = startInWorker(() => undefined, 'cpu', false, { ...plan(make), adopt: early });
    expect(made[0].terminated).toBe(true);
    expect(made[1].name).toBe('pretext-lab-engine?backend=cpu');
    made[1].say(READY);
    expect('client' in (await outcome)).toBe(true);
  });
});
