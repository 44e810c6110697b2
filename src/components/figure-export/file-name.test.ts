import { describe, expect, it } from 'vitest';
import { figureFileName, slug } from './file-name';

describe('slug', () => {
  it('keeps lower-case letters and digits, one hyphen between words', () => {
    expect(slug('Pretext model: loss')).toBe('pretext-model-loss');
    expect(slug('  Label efficiency / curve  ')).toBe('label-efficiency-curve');
  });
  it('drops accents, names the percent sign, and turns decimal points into hyphens', () => {
    expect(slug('Rotation 90°, café')).toBe('rotation-90-cafe');
    expect(slug('accuracy %')).toBe('accuracy-percent');
    expect(slug(0.5)).toBe('0-5');
  });
  it('gives nothing for nothing', () => {
    expect(slug(undefined)).toBe('');
    expect(slug(null)).toBe('');
    expect(slug('***')).toBe('');
  });
});

describe('figureFileName', () => {
  it('says what and which, after the app name, with the extension', () => {
    expect(figureFileName(['loss', 'rotation', 'seed1'], 'png')).toBe('pretext-loss-rotation-seed1.png');
    expect(figureFileName(['leaderboard', 'probe'], 'csv')).toBe('pretext-leaderboard-probe.csv');
  });
  it('leaves out empty parts and does not repeat the app name', () => {
    expect(figureFileName(['pretext', undefined, '', 'curve'], 'svg')).toBe('pretext-curve.svg');
  });
  it('cuts a very long name at a word boundary', () => {
    const name = figureFileName(['word'.repeat(10), 'another'.repeat(10), 'third'.repeat(10)], 'png');
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).toMatch(/^pretext-[a-z0-9-]+[a-z0-9]\.png$/);
  });
});
