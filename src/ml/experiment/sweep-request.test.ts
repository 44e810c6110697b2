import { describe, expect, it } from 'vitest';
import { SettingError } from '../config/validate';
import { presetConfig } from '../config/presets';
import { availableTrunks, checkSweepRequest, parseTrunkKey, parseWholeNumbers, sweepCost, sweepCurves, sweepTrunkKey, type SweepRequest } from './sweep-request';

const POOL = 10_000;
const HELD = ['rotation.pretext.s1'];
const ok: SweepRequest = { trunks: [{ use: 'transfer', source: 'rotation.pretext.s1' }, { use: 'random' }], labels: [10, 100, 1000], seeds: [1, 2], head: 'lecture' as const };

/** The refusal of `fn`, as its setting and message. */
function refusal(fn: () => unknown): { setting: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof SettingError) return { setting: err.setting, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('a live sweep request', () => {
  it('offers each held pretext model frozen and fine-tuned, then the random trunk and scratch', () => {
    expect(availableTrunks([...HELD, 'scratch.s1.n1000']).map(sweepTrunkKey)).toEqual(['rotation.pretext.s1', 'finetune:rotation.pretext.s1', 'random', 'scratch']);
    expect(availableTrunks([]).map(sweepTrunkKey)).toEqual(['random', 'scratch']);
    expect(parseTrunkKey('finetune:rotation.pretext.s1', HELD)).toEqual({ use: 'finetune', source: 'rotation.pretext.s1' });
  });

  it('accepts a well-formed request', () => {
    expect(() => checkSweepRequest(ok, HELD, POOL)).not.toThrow();
  });

  it('reads typed lists of whole numbers, refusing malformed ones by setting', () => {
    expect(parseWholeNumbers('label counts', ' 10, 20 ,50')).toEqual([10, 20, 50]);
    expect(refusal(() => parseWholeNumbers('label counts', '10,,20'))).toEqual({ setting: 'label counts', message: 'label counts must be whole numbers separated by commas, without empty items, got "10,,20"' });
    expect(refusal(() => parseWholeNumbers('seeds', '1, two')).message).toBe('seeds must be whole numbers separated by commas, got "two"');
    expect(refusal(() => parseWholeNumbers('label counts', '1e3')).message).toMatch(/got "1e3"/);
    expect(refusal(() => parseWholeNumbers('seeds', '  ')).message).toMatch(/seeds must list at least one whole number/);
  });

  it('refuses a label count outside the pool, naming the setting and the allowed counts', () => {
    const allowed = '10-100 in steps of 10 (balanced per digit), or 101-10000 (the pool\'s first N)';
    expect(refusal(() => checkSweepRequest({ ...ok, labels: [10, 20000] }, HELD, POOL))).toEqual({ setting: 'label counts', message: `label counts must be ${allowed}, got 20000` });
    expect(refusal(() => checkSweepRequest({ ...ok, labels: [25] }, HELD, POOL)).message).toBe(`label counts must be ${allowed}, got 25`);
    expect(refusal(() => checkSweepRequest({ ...ok, labels: [5] }, HELD, POOL)).message).toMatch(/got 5$/);
    expect(refusal(() => checkSweepRequest({ ...ok, labels: [] }, HELD, POOL)).message).toMatch(/^label counts must list at least one/);
    expect(refusal(() => checkSweepRequest({ ...ok, labels: [10, 10] }, HELD, POOL)).message).toBe('label counts lists 10 twice');
  });

  it('refuses a trunk the page does not hold, listing the ones it does', () => {
    const r = refusal(() => checkSweepRequest({ ...ok, trunks: [{ use: 'transfer', source: 'jigsaw.pretext.s1' }] }, HELD, POOL));
    expect(r).toEqual({ setting: 'trunks', message: 'trunks must be among rotation.pretext.s1, finetune:rotation.pretext.s1, random, scratch, got "jigsaw.pretext.s1"' });
    expect(refusal(() => checkSweepRequest({ ...ok, trunks: [] }, HELD, POOL)).message).toBe('choose at least one trunk among rotation.pretext.s1, finetune:rotation.pretext.s1, random, scratch');
    expect(refusal(() => checkSweepRequest({ ...ok, trunks: [{ use: 'random' }, { use: 'random' }] }, HELD, POOL)).message).toBe('trunks lists "random" twice');
  });

  it('refuses too many, repeated or negative seeds', () => {
    expect(refusal(() => checkSweepRequest({ ...ok, seeds: [1, 2, 3, 4, 5, 6], head: 'lecture' as const }, HELD, POOL))).toEqual({ setting: 'seeds', message: 'seeds must list 1 to 5 seeds, got 6' });
    expect(refusal(() => checkSweepRequest({ ...ok, seeds: [3, 3], head: 'lecture' as const }, HELD, POOL)).message).toBe('seeds lists 3 twice');
    expect(refusal(() => checkSweepRequest({ ...ok, seeds: [-1] }, HELD, POOL)).message).toMatch(/seeds must be whole numbers from 0/);
  });

  it('costs through-trunk training far above frozen heads, and a held trunk\'s features once for all seeds', () => {
    const config = presetConfig('quick');
    const [frozen, random] = sweepCost(ok, config, 10_000);
    const [scratch] = sweepCost({ ...ok, trunks: [{ use: 'scratch' }] }, config, 10_000);
    expect(scratch).toBeGreaterThan(10 * frozen);
    expect(random).toBeGreaterThan(frozen); // the random trunk differs per seed, so its features are computed per seed
  });

  it('folds points into curves: mean and spread over the seeds at each count', () => {
    const curves = sweepCurves([
      { trunk: 'random', labels: 100, seed: 1, accuracy: 0.8 }, { trunk: 'random', labels: 10, seed: 1, accuracy: 0.5 },
      { trunk: 'random', labels: 100, seed: 2, accuracy: 0.9 }, { trunk: 'scratch', labels: 10, seed: 1, accuracy: 0.3 },
    ]);
    expect(curves.map((c) => c.trunk)).toEqual(['random', 'scratch']);
    expect(curves[0].points.map((p) => p.labels)).toEqual([10, 100]);
    expect(curves[0].points[1].mean).toBeCloseTo(0.85, 12);
    expect(curves[0].points[1].std).toBeCloseTo(Math.SQRT1_2 * 0.1, 12);
    expect(curves[0].points[1].seeds).toBe(2);
  });
});
