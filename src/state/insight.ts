/**
 * The page's side of the insight bench: the live sweep's and the probes' state, folded from the engine's
 * `insight` events by a pure reducer, and the actions the curve panel calls. A small store of its own (read
 * with useSyncExternalStore), since only the curve panel reads it and the lab's state need not change.
 */
import { useSyncExternalStore } from 'react';
import type { SweepEnd } from '../ml/experiment/sweep';
import type { SweepPoint, SweepRequest } from '../ml/experiment/sweep-request';
import type { ProbeRow } from '../ml/features/probe-trunk';
import type { InsightEvent, ProbeSource } from '../runtime/insight-messages';
import { getState, onEvent, send, validConfig } from './store';

/** The live sweep. */
export type SweepState =
  | { readonly status: 'idle' }
  | {
    readonly status: 'running' | 'stopping' | 'done';
    readonly request: SweepRequest;
    readonly points: readonly SweepPoint[];
    readonly done: number;
    readonly total: number;
    readonly elapsedMs: number;
    readonly message: string;
    /** How it ended, once done; with the reason when it failed. */
    readonly end: SweepEnd | 'failed' | null;
    readonly failure: string | null;
  };

/** The probes. */
export type ProbeState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' | 'done' | 'failed'; readonly trunks: readonly string[]; readonly rows: Readonly<Record<string, readonly ProbeRow[]>>; readonly trainCount: number; readonly testCount: number; readonly message: string | null };

/** Everything the curve panel shows of the bench. */
export interface InsightState {
  readonly sweep: SweepState;
  readonly probe: ProbeState;
}

/** Nothing has run. */
export const INITIAL_INSIGHT: InsightState = { sweep: { status: 'idle' }, probe: { status: 'idle' } };

/** Folds one insight event into the state (pure). */
export function reduceInsight(state: InsightState, event: InsightEvent): InsightState {
  const s = state.sweep;
  switch (event.type) {
    case 'sweepStarted':
      return s.status === 'idle' ? state : { ...state, sweep: { ...s, total: event.total } };
    case 'sweepProgress':
      return s.status === 'idle' ? state : { ...state, sweep: { ...s, done: event.done, total: event.total, elapsedMs: event.elapsedMs, message: event.message } };
    case 'sweepPoint':
      return s.status === 'idle' ? state : { ...state, sweep: { ...s, points: [...s.points, event.point] } };
    case 'sweepEnded':
      if (s.status === 'idle') return state;
      return { ...state, sweep: { ...s, status: 'done', end: event.end, elapsedMs: event.elapsedMs, failure: event.message ?? null, done: event.end === 'completed' ? s.total : s.done } };
    case 'probeStarted':
      return { ...state, probe: { status: 'running', trunks: event.trunks, rows: {}, trainCount: event.trainCount, testCount: event.testCount, message: null } };
    case 'probeRow': {
      const p = state.probe;
      if (p.status === 'idle') return state;
      return { ...state, probe: { ...p, rows: { ...p.rows, [event.trunk]: [...(p.rows[event.trunk] ?? []), event.row] } } };
    }
    case 'probeEnded': {
      const p = state.probe;
      const base = p.status === 'idle' ? { trunks: [], rows: {}, trainCount: 0, testCount: 0 } : p;
      return { ...state, probe: { ...base, status: event.ok ? 'done' : 'failed', message: event.message ?? null } };
    }
  }
}

/**
 * Seconds left, from the share of the work done so far and the time it took; null until enough is done
 * for the rate to mean something.
 */
export function etaSeconds(done: number, total: number, elapsedMs: number): number | null {
  if (total <= 0 || done <= 0 || done / total < 0.02 || elapsedMs < 1000) return null;
  return Math.max(0, ((total - done) * elapsedMs) / done / 1000);
}

let state: InsightState = INITIAL_INSIGHT;
const listeners = new Set<() => void>();

function update(next: InsightState): void {
  state = next;
  for (const listener of listeners) listener();
}

onEvent((event) => {
  if (event.type === 'insight') update(reduceInsight(state, event.event));
});

/** React hook: a part of the bench's state. */
export function useInsight<T>(select: (s: InsightState) => T): T {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => select(state),
  );
}

/** Starts a live sweep (the panel has checked the request; the engine checks it again). */
export function startSweep(request: SweepRequest): void {
  const config = validConfig();
  if (!config) return;
  if (send({ type: 'insight', command: { type: 'sweep', request, config } })) {
    update({ ...state, sweep: { status: 'running', request, points: [], done: 0, total: 1, elapsedMs: 0, message: 'starting', end: null, failure: null } });
  }
}

/** Asks the running sweep to stop after its current batch or head. */
export function stopSweep(): void {
  const s = state.sweep;
  if (s.status !== 'running') return;
  if (send({ type: 'insight', command: { type: 'stopSweep' } })) update({ ...state, sweep: { ...s, status: 'stopping' } });
}

/** Probes the given trunks block by block. */
export function runProbes(sources: readonly ProbeSource[]): void {
  if (send({ type: 'insight', command: { type: 'probe', sources, config: getState().config } })) {
    update({ ...state, probe: { status: 'running', trunks: [], rows: {}, trainCount: 0, testCount: 0, message: null } });
  }
}
