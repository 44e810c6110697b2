import * as tf from '#tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeVerdict, filterChanges, filterMajor, median } from './filter-math';
import { firstLayerFilters, firstLayerMaps, initialFilters } from './filters';
import { buildDigitClassifier, buildTaskModel } from '../models/architecture';
import { taskById } from '../tasks/registry';
import { useCpuBackend } from '../testing/fixtures';

beforeAll(useCpuBackend);

describe('first-layer filters', () => {
  it('reorders a kernel so each filter\'s weights sit together', () => {
    // Two 2x2 filters in tfjs's layout [2, 2, 1, 2], where the filter index changes fastest.
    const bank = filterMajor([1, 10, 2, 20, 3, 30, 4, 40], [2, 2, 1, 2]);
    expect(Array.from(bank.weights)).toEqual([1, 2, 3, 4, 10, 20, 30, 40]);
    expect(() => filterMajor([0], [1, 1, 3, 1])).toThrow(RangeError);
  });

  it('measures how far each filter moved, relative to where it started', () => {
    const before = { filters: 2, size: 1, weights: new Float32Array([3, 4]) };
    const after = { filters: 2, size: 1, weights: new Float32Array([3, 8]) };
    expect(Array.from(filterChanges(before, after))).toEqual([0, 1]);
    expect(median([0.5, 0.1, 0.3])).toBe(0.3);
    expect(changeVerdict([0, 0, 0])).toBe('untouched');
    expect(changeVerdict([0.02, 0.05, 0.5])).toBe('barely');
    expect(changeVerdict([0.3, 0.3])).toBe('some');
    expect(changeVerdict([2, 2])).toBe('much');
  });

  it('re-creates the exact filters any run of a seed started from, leaving no tensor behind', async () => {
    const pretext = buildTaskModel(taskById('rotation'), 5);
    const random = buildDigitClassifier('random', 5);
    const before = tf.memory().numTensors;
    const start = await initialFilters(5);
    expect(tf.memory().numTensors).toBe(before);
    expect(start.filters).toBe(64);
    expect(Array.from((await firstLayerFilters(pretext)).weights)).toEqual(Array.from(start.weights));
    expect(Array.from((await firstLayerFilters(random)).weights)).toEqual(Array.from(start.weights));
    expect(Array.from((await initialFilters(6)).weights)).not.toEqual(Array.from(start.weights));
    pretext.dispose();
    random.dispose();
  });

  it('computes the 64 feature maps of one image without leaking tensors', async () => {
    const model = buildDigitClassifier('random', 2);
    const pixels = new Uint8Array(784);
    for (let y = 10; y < 18; y++) for (let x = 12; x < 16; x++) pixels[y * 28 + x] = 255;
    const before = tf.memory().numTensors;
    const maps = await firstLayerMaps(model, pixels, 'unit');
    expect(tf.memory().numTensors).toBe(before);
    expect(maps.channels).toBe(64);
    expect(maps.size).toBe(14);
    expect(maps.values.length).toBe(64 * 14 * 14);
    // ReLU: nothing negative; a blank corner gives 0 everywhere (zero bias), the stroke lights some maps up.
    expect(Math.min(...maps.values)).toBeGreaterThanOrEqual(0);
    expect(maps.values[0]).toBe(0);
    expect(Math.max(...maps.values)).toBeGreaterThan(0);
    // Channel-first layout agrees with the layer's own output at one position.
    const direct = tf.tidy(() => (model.layers[0].apply(tf.tensor4d(Float32Array.from(pixels, (p) => p / 255), [1, 28, 28, 1])) as tf.Tensor4D).arraySync());
    expect(maps.values[3 * 196 + 6 * 14 + 7]).toBeCloseTo(direct[0][6][7][3], 5);
    model.dispose();
  });
});
