import { describe, expect, it } from 'vitest';
import { checkConfig } from './check-config';
import { presetConfig, type ExperimentConfig } from './presets';
import { SettingError } from './validate';

const TRAIN = 20_000;
const lecture = presetConfig('lecture');

function refuse(change: (c: ExperimentConfig) => ExperimentConfig, pattern: RegExp): void {
  const config = change(structuredClone(lecture));
  expect(() => checkConfig(config, TRAIN)).toThrow(SettingError);
  expect(() => checkConfig(config, TRAIN)).toThrow(pattern);
}

describe('experiment settings', () => {
  it("the lecture preset is the notebook's protocol", () => {
    expect(lecture.splits).toEqual({ pretextCount: 10_000, labelledCount: 1_000, testSet: 'lecture' });
    expect(lecture.scaling).toBe('raw');
    expect(lecture.pretext).toMatchObject({ epochs: 50, batchSize: 192, learningRate: 0.001, shuffle: false, validationSplit: 0 });
    expect(lecture.downstream).toMatchObject({ epochs: 50, batchSize: 64, learningRate: 0.001, momentum: 0.9, validationSplit: 0.2, patience: 7 });
    expect(lecture.supervised).toMatchObject({ epochs: 50, batchSize: 32, learningRate: 0.001, momentum: 0.9, validationSplit: 0.2, patience: null });
    for (const name of ['lecture', 'quick', 'smoke'] as const) expect(() => checkConfig(presetConfig(name), TRAIN)).not.toThrow();
  });

  it('refuses bad values, naming the setting and its allowed range', () => {
    refuse((c) => ({ ...c, pretext: { ...c.pretext, batchSize: 0 } }), /pretext\.batchSize must be a whole number from 1 to 8192, got 0/);
    refuse((c) => ({ ...c, downstream: { ...c.downstream, learningRate: -0.1 } }), /downstream\.learningRate must be a number greater than 0/);
    refuse((c) => ({ ...c, supervised: { ...c.supervised, momentum: 1.5 } }), /supervised\.momentum must be a number from 0 to 0\.999/);
    refuse((c) => ({ ...c, splits: { ...c.splits, labelledCount: 50_000 } }), /splits\.labelledCount must be a whole number from 2 to 10000/);
    refuse((c) => ({ ...c, splits: { ...c.splits, testSet: 'huge' as 'full' } }), /splits\.testSet must be one of "lecture", "full", got "huge"/);
    refuse((c) => ({ ...c, scaling: 'log' as 'raw' }), /scaling must be one of "raw", "unit"/);
    refuse((c) => ({ ...c, splits: { ...c.splits, labelledCount: 5 }, downstream: { ...c.downstream, validationSplit: 0.9 } }), /downstream\.validationSplit 0\.9 leaves no training or no validation images out of 5/);
    refuse((c) => ({ ...c, downstream: { ...c.downstream, patience: 0 } }), /downstream\.patience/);
  });
});
