import { describe, expect, it } from 'vitest';
import { presetConfig } from '../ml/config/presets';
import { experimentSpecs, runId } from '../ml/experiment/runs';
import type { ModelSummary } from '../ml/models/summary';
import { anyActive, initialState, reduceEvent, runState, type LabState } from './lab-state';
import type { EngineEvent } from '../runtime/messages';

const SUMMARY: ModelSummary = { name: 'test', rows: [], totalParams: 1, trainableParams: 1, frozenParams: 0 };
const config = presetConfig('smoke');
const rotation = experimentSpecs(config);
const jigsaw = experimentSpecs({ ...config, task: 'jigsaw' });

function fold(events: readonly EngineEvent[], state: LabState = initialState(config)): LabState {
  return events.reduce(reduceEvent, state);
}

const started = (spec = rotation.pretext): EngineEvent => ({ type: 'runStarted', run: runId(spec), spec, summary: SUMMARY, epochs: 2, trainCount: 100, initialEpoch: 0 });
const batch = (spec = rotation.pretext, b = 0): EngineEvent => ({
  type: 'batch', run: runId(spec),
  event: { type: 'batch', epoch: 0, batch: b, batchesPerEpoch: 4, loss: 1, accuracy: 0.5, epochLoss: 1, epochAccuracy: 0.5, examplesSeen: 25 * (b + 1), elapsedMs: 100 * (b + 1) },
});
const ended = (spec = rotation.pretext, accuracy = 0.9): EngineEvent => ({
  type: 'runEnded', run: runId(spec), testAccuracy: accuracy, testLoss: 0.3,
  result: { reason: 'completed', epochsRun: 2, history: [], examplesSeen: 200, elapsedMs: 400 },
});

describe('the reducer', () => {
  it('follows a run from start to finish, with progress and an ETA on the way', () => {
    const running = fold([started(), batch(rotation.pretext, 1)]);
    const s = runState(running, runId(rotation.pretext));
    expect(s.status).toBe('running');
    if (s.status !== 'running') return;
    expect(s.progress.fraction).toBeCloseTo(0.25, 10); // half an epoch of two
    expect(s.progress.imagesPerSecond).toBe(250);
    expect(s.progress.etaSeconds).toBeCloseTo((1.5 * 100) / 250, 10);
    expect(anyActive(running)).toBe(true);
    const done = fold([ended()], running);
    expect(runState(done, runId(rotation.pretext))).toMatchObject({ status: 'done', testAccuracy: 0.9, origin: 'trained' });
    expect(anyActive(done)).toBe(false);
  });

  it('holds runs of several tasks and seeds at once, each under its own id', () => {
    const other = experimentSpecs({ ...config, seed: 2 }).pretext;
    const state = fold([started(), ended(), started(jigsaw.pretext), ended(jigsaw.pretext, 0.4), started(other), ended(other, 0.8)]);
    expect(Object.keys(state.runs).sort()).toEqual(['jigsaw.pretext.s1', 'rotation.pretext.s1', 'rotation.pretext.s2']);
    expect(runState(state, 'jigsaw.pretext.s1')).toMatchObject({ status: 'done', testAccuracy: 0.4 });
    expect(runState(state, 'rotation.transfer.s1.n1000').status).toBe('idle');
  });

  it('ignores events for runs it never saw start, and drops an evaluation made stale by retraining', () => {
    const state = initialState(config);
    expect(fold([batch(), ended()], state)).toEqual(state);
    const evaluating: LabState = { ...state, evaluation: { status: 'running', testSet: 'lecture' } };
    const retrained = fold([started(rotation.scratch), ended(rotation.scratch)], evaluating);
    expect(retrained.evaluation.status).toBe('idle');
    const late = fold([{ type: 'evaluated', testSet: 'lecture', startIndex: 300, labels: new Uint8Array(1), runs: {} }], retrained);
    expect(late.evaluation.status).toBe('idle');
  });

  it('turns a fault into a failed run with the epochs kept, and says so', () => {
    const state = fold([started(), { type: 'runFailed', run: runId(rotation.pretext), message: 'context lost', epochsKept: 1 }]);
    expect(runState(state, runId(rotation.pretext))).toMatchObject({ status: 'failed', epochsKept: 1 });
    expect(state.notices.at(-1)).toMatchObject({ kind: 'error', text: 'context lost' });
  });

  it('keeps a loaded model as done with its origin; the shipped ones arrive without a notice each', () => {
    const loaded = (origin: 'file' | 'pretrained'): EngineEvent => ({
      type: 'modelLoaded', run: runId(rotation.transfer), spec: rotation.transfer, origin, summary: SUMMARY, epochs: 3, epochsPlanned: 50,
      history: [{ epoch: 0, loss: 1, accuracy: 0.5 }], testAccuracy: 0.8, testLoss: 0.5, metadata: null,
    });
    const file = fold([loaded('file')]);
    expect(runState(file, runId(rotation.transfer))).toMatchObject({ status: 'done', origin: 'file', epochs: 50 });
    expect(file.notices).toHaveLength(1);
    expect(fold([loaded('pretrained')]).notices).toHaveLength(0);
  });

  it('after the worker dies: a run in progress becomes interrupted, and the restored copies put each model back', () => {
    const lost = fold([started(rotation.scratch), ended(rotation.scratch), started(), batch(), { type: 'engineLost', message: 'The training worker crashed (boom).' }]);
    expect(lost.engine.status).toBe('starting');
    expect(runState(lost, runId(rotation.pretext))).toMatchObject({ status: 'failed', epochsKept: 0 });
    expect(runState(lost, runId(rotation.scratch))).toMatchObject({ status: 'done', testAccuracy: 0.9 });
    expect(lost.notices.at(-1)).toMatchObject({ kind: 'error', text: 'The training worker crashed (boom).' });
    const restored = (spec: typeof rotation.pretext, origin: 'autosave' | 'trained', epochs: number): EngineEvent => ({
      type: 'modelLoaded', run: runId(spec), spec, origin, summary: SUMMARY, epochs, epochsPlanned: 2,
      history: [{ epoch: 0, loss: 1, accuracy: 0.5 }], testAccuracy: 0.5, testLoss: 1, metadata: null, restored: true,
    });
    const back = fold([restored(rotation.pretext, 'autosave', 1), restored(rotation.scratch, 'trained', 2)], lost);
    // The interrupted run can continue from its last good epoch; the finished one keeps its own record.
    expect(runState(back, runId(rotation.pretext))).toMatchObject({ status: 'failed', epochsKept: 1 });
    expect(runState(back, runId(rotation.scratch))).toMatchObject({ status: 'done', testAccuracy: 0.9, origin: 'trained' });
    expect(back.notices).toHaveLength(lost.notices.length); // one summary notice comes from the recovery, not one per model
  });

  it('keeps each pretext run\'s probe line by epoch from 0, measures a continued run\'s first epoch again, and drops it for loaded weights', () => {
    const id = runId(rotation.pretext);
    const probe = (epoch: number, accuracy: number): EngineEvent => ({
      type: 'probe', run: id,
      reading: { epoch, accuracy, lambda: 0.01, grid: [0.01], folds: 2, converged: true, labelled: 1000, tested: 300, ms: 5 },
    });
    const trained = fold([started(), probe(0, 0.85), batch(), probe(1, 0.9), ended()]);
    expect(trained.probes[id].map((r) => [r.epoch, r.accuracy])).toEqual([[0, 0.85], [1, 0.9]]);
    expect(fold([probe(2, 0.95)], trained)).toBe(trained); // no run in progress: a stray reading is ignored
    const resumed = fold([{ ...started(), initialEpoch: 1 } as EngineEvent, probe(1, 0.9)], trained);
    expect(resumed.probes[id].map((r) => r.epoch)).toEqual([0, 1]);
    expect(fold([started()], trained).probes[id]).toEqual([]); // retrained from scratch: a new line
    const loaded = fold([{
      type: 'modelLoaded', run: id, spec: rotation.pretext, origin: 'file', summary: SUMMARY, epochs: 3, epochsPlanned: 3,
      history: [], testAccuracy: 0.9, testLoss: 0.3, metadata: null,
    }], trained);
    expect(loaded.probes[id]).toBeUndefined();
  });
});
