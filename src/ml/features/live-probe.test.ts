import { beforeAll, describe, expect, it } from 'vitest';
import { buildTaskModel } from '../models/architecture';
import { rotationTask } from '../tasks/rotation';
import { TrainingRun, type TrainOptions } from '../train/trainer';
import { PROBE_FOLDS, PROBE_L2_GRID } from '../probe/linear-probe';
import { leakedTensors, toyImageSet, useWasmBackend } from '../testing/fixtures';
import { LIVE_PROBE_NEIGHBOUR_FOLDS, LIVE_PROBE_TEST_LIMIT, liveProbeGrid, liveProbeTestSet, probeTrunkNow, type ProbeReading } from './live-probe';

beforeAll(useWasmBackend);

const ADAM: TrainOptions = {
  epochs: 2, batchSize: 16, optimizer: { kind: 'adam', learningRate: 0.001 },
  shuffle: false, seed: 3, validationSplit: 0, patience: null, scaling: 'unit',
};

describe('the live probe', () => {
  it('compares the whole grid the first time, then only the last choice and its neighbours', () => {
    expect(liveProbeGrid(null)).toEqual({ grid: PROBE_L2_GRID, folds: PROBE_FOLDS });
    expect(liveProbeGrid(0.01)).toEqual({ grid: [0.1, 0.01, 0.001], folds: LIVE_PROBE_NEIGHBOUR_FOLDS });
    expect(liveProbeGrid(1).grid).toEqual([1, 0.1]);
    expect(liveProbeGrid(0.0001).grid).toEqual([0.001, 0.0001]);
    expect(liveProbeGrid(0.5)).toEqual({ grid: PROBE_L2_GRID, folds: PROBE_FOLDS }); // not on the grid: start over
  });

  it('scores the first 1,000 test digits at most, and all of a smaller test set', () => {
    expect(liveProbeTestSet(toyImageSet(1500, 10)).count).toBe(LIVE_PROBE_TEST_LIMIT);
    const small = toyImageSet(300, 10);
    expect(liveProbeTestSet(small)).toBe(small);
  });

  it('reads a pretext run at epoch 0 and after every epoch, reproducibly, and the whole run leaves no tensor behind', async () => {
    const labelled = toyImageSet(60, 10, 1);
    const test = toyImageSet(40, 10, 2);
    const readRun = async (): Promise<ProbeReading[]> => {
      const readings: ProbeReading[] = [];
      const model = buildTaskModel(rotationTask, 4);
      let previousLambda: number | null = null;
      await new TrainingRun(model, toyImageSet(48, 4), ADAM, {
        atEpochBoundary: async (epoch) => {
          const reading = await probeTrunkNow(model, { labelled, test, scaling: 'unit', seed: 4, epoch, previousLambda });
          previousLambda = reading.lambda;
          readings.push(reading);
        },
      }).run();
      model.dispose();
      return readings;
    };
    let readings: ProbeReading[] = [];
    expect(await leakedTensors(async () => { readings = await readRun(); })).toBe(0);
    expect(readings.map((r) => r.epoch)).toEqual([0, 1, 2]);
    expect(readings[0].grid).toEqual(PROBE_L2_GRID);
    expect(readings[1].grid).toContain(readings[0].lambda);
    for (const r of readings) {
      expect(r).toMatchObject({ converged: true, labelled: 60, tested: 40 });
      expect(r.accuracy).toBeGreaterThan(0.5); // the toy digits are bands at a row per class: easy from any trunk
    }
    const again = await readRun();
    expect(again.map((r) => [r.accuracy, r.lambda])).toEqual(readings.map((r) => [r.accuracy, r.lambda]));
  });

  it('lets a Stop abandon a reading between fits', async () => {
    const model = buildTaskModel(rotationTask, 5);
    const abandon = probeTrunkNow(model, {
      labelled: toyImageSet(60, 10, 1), test: toyImageSet(20, 10, 2), scaling: 'unit', seed: 1, epoch: 0, previousLambda: null,
      yieldBetweenFits: () => Promise.reject(new Error('stopped')),
    });
    await expect(abandon).rejects.toThrow('stopped');
    model.dispose();
  });
});
