import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReproduceArgs } from './reproduce-args';
import type { ReproduceReport } from '../src/ml/experiment/report';

const run = promisify(execFile);

describe('npm run reproduce', () => {
  it('refuses unknown presets and bad numbers before doing any work', () => {
    expect(() => parseReproduceArgs(['--preset', 'huge'])).toThrow(/--preset must be one of "lecture", "quick", "smoke", got "huge"/);
    expect(() => parseReproduceArgs(['--seeds', '0'])).toThrow(/--seeds must be a whole number from 1 to 100/);
    expect(() => parseReproduceArgs(['--backend', 'tpu'])).toThrow(/--backend must be one of "wasm", "cpu"/);
    expect(() => parseReproduceArgs(['--colour', 'red'])).toThrow(/unknown option --colour/);
    expect(() => parseReproduceArgs(['--task', 'sudoku'])).toThrow(/--task must be one of "rotation", "jigsaw", "inpainting"/);
    expect(parseReproduceArgs([]).task).toBe('rotation');
    expect(parseReproduceArgs(['--task', 'jigsaw']).task).toBe('jigsaw');
    expect(parseReproduceArgs(['--preset', 'smoke', '--seeds', '2', '--test', 'full'])).toMatchObject({ preset: 'smoke', seeds: 2, test: 'full' });
  });

  it('runs the smoke preset end to end and writes the JSON other tools read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reproduce-'));
    const json = join(dir, 'smoke.json');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/reproduce.ts', '--preset', 'smoke', '--seeds', '2', '--json', json], { timeout: 200_000 });
    expect(stdout).toMatch(/task rotation \(pretext score: accuracy, chance 25\.00%\), preset smoke, test set lecture \(300 images\)/);
    expect(stdout).toMatch(/pretext 23,988; downstream 21,994 \(2,890 trainable, 19,104 frozen\); supervised 21,994 trainable/);
    const report = JSON.parse(await readFile(json, 'utf8')) as ReproduceReport;
    expect(report.preset).toBe('smoke');
    expect(report.task).toBe('rotation');
    expect(report.test).toBe('lecture');
    expect(report.runs.map((r) => r.seed)).toEqual([1, 2]);
    for (const r of report.runs) {
      for (const arm of [r.selfSupervised, r.supervised, r.randomFrozen]) {
        expect(arm.testAccuracy).toBeGreaterThan(0.1); // better than chance after even 3 epochs
        expect(arm.testAccuracy).toBeLessThanOrEqual(1);
        expect(Number.isFinite(arm.testLoss)).toBe(true);
        expect(arm.epochs).toBeGreaterThanOrEqual(1);
      }
      expect(r.pretext.accuracy).toBeGreaterThan(0.25);
    }
    expect(report.params).toEqual({ pretext: 23_988, downstreamTotal: 21_994, downstreamTrainable: 2_890, downstreamFrozen: 19_104, supervised: 21_994 });
    const accs = report.runs.map((r) => r.supervised.testAccuracy);
    expect(report.summary.supervised.mean).toBeCloseTo((accs[0] + accs[1]) / 2, 10);
    // The sample standard deviation of two numbers is their distance over √2.
    expect(report.summary.supervised.std).toBeCloseTo(Math.abs(accs[0] - accs[1]) / Math.SQRT2, 10);
  }, 240_000);
});
