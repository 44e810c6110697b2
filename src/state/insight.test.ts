import { describe, expect, it } from 'vitest';
import { INITIAL_INSIGHT, etaSeconds, reduceInsight, type InsightState } from './insight';

const running: InsightState = {
  ...INITIAL_INSIGHT,
  sweep: { status: 'running', request: { trunks: [{ use: 'random' }], labels: [10, 20], seeds: [1], head: 'lecture' as const }, points: [], done: 0, total: 1, elapsedMs: 0, message: '', end: null, failure: null },
};

describe('the insight bench state', () => {
  it('folds a sweep from start to end, keeping its points', () => {
    let s = reduceInsight(running, { type: 'sweepStarted', total: 40 });
    s = reduceInsight(s, { type: 'sweepProgress', done: 10, total: 40, elapsedMs: 5000, message: 'random, seed 1: 10 labels' });
    s = reduceInsight(s, { type: 'sweepPoint', point: { trunk: 'random', labels: 10, seed: 1, accuracy: 0.4 } });
    expect(s.sweep).toMatchObject({ status: 'running', done: 10, total: 40, points: [{ accuracy: 0.4 }] });
    s = reduceInsight(s, { type: 'sweepEnded', end: 'stopped', elapsedMs: 6000 });
    expect(s.sweep).toMatchObject({ status: 'done', end: 'stopped', points: [{ accuracy: 0.4 }] });
    // Events of a sweep the page never started change nothing.
    expect(reduceInsight(INITIAL_INSIGHT, { type: 'sweepPoint', point: { trunk: 'random', labels: 10, seed: 1, accuracy: 1 } })).toBe(INITIAL_INSIGHT);
  });

  it('collects probe rows per trunk and records a failure', () => {
    let s = reduceInsight(INITIAL_INSIGHT, { type: 'probeStarted', trunks: ['random.s1'], trainCount: 1000, testCount: 2000 });
    s = reduceInsight(s, { type: 'probeRow', trunk: 'random.s1', row: { depth: 2, block: 'conv1 + pool', width: 3136, linear: 0.9, knn: 0.8 } });
    expect(s.probe).toMatchObject({ status: 'running', rows: { 'random.s1': [{ depth: 2 }] } });
    expect(reduceInsight(s, { type: 'probeEnded', ok: false, message: 'no model' }).probe).toMatchObject({ status: 'failed', message: 'no model' });
  });

  it('estimates the time left from the rate so far, once there is a rate', () => {
    expect(etaSeconds(0, 100, 5000)).toBeNull();
    expect(etaSeconds(1, 100, 5000)).toBeNull(); // 1% done: too early to say
    expect(etaSeconds(25, 100, 10_000)).toBeCloseTo(30, 9);
  });
});
