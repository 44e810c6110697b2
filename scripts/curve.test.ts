import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LABELS, parseCurveArgs } from './curve-args';
import type { CurveReport } from '../src/ml/experiment/curve-report';
import { TASK_IDS } from '../src/ml/tasks/registry';

const run = promisify(execFile);
const POOL = 10_000;

describe('npm run curve: arguments', () => {
  it('has the issue defaults and sorts the label counts', () => {
    const args = parseCurveArgs([], POOL);
    expect(args.trunks).toEqual(['rotation', 'random', 'scratch']);
    expect(args.labels).toEqual(DEFAULT_LABELS);
    expect(args).toMatchObject({ preset: 'quick', seeds: 3, firstSeed: 1, validation: 'none', json: null, backend: 'wasm', head: 'probe', cache: '.cache/trunks' });
    expect(parseCurveArgs(['--head', 'lecture', '--cache', 'none'], POOL)).toMatchObject({ head: 'lecture', cache: null });
    expect(() => parseCurveArgs(['--head', 'knn'], POOL)).toThrow(/--head must be one of "probe", "lecture"/);
    const parsed = parseCurveArgs(['--trunks', 'jigsaw,scratch', '--labels', '1000,20,100', '--seeds', '2', '--preset', 'smoke', '--json', 'f.json'], POOL);
    expect(parsed).toMatchObject({ trunks: ['jigsaw', 'scratch'], labels: [20, 100, 1000], seeds: 2, preset: 'smoke', json: 'f.json' });
  });

  it('refuses an unknown trunk, naming the allowed ones', () => {
    expect(() => parseCurveArgs(['--trunks', 'rotation,imagenet'], POOL))
      .toThrow(`--trunks must be among ${[...TASK_IDS, 'random', 'scratch', ...TASK_IDS.map((t) => `finetune-${t}`)].join(', ')}, got "imagenet"`);
    expect(() => parseCurveArgs(['--trunks', 'finetune-imagenet'], POOL)).toThrow(/got "finetune-imagenet"/);
    expect(parseCurveArgs(['--trunks', 'finetune-rotation,rotation'], POOL).trunks).toEqual(['finetune-rotation', 'rotation']);
  });

  it('refuses label counts the pool cannot give, naming the allowed ones', () => {
    const allowed = '10-100 in steps of 10 (balanced per digit), or 101-10000 (the pool\'s first N)';
    expect(() => parseCurveArgs(['--labels', '20000'], POOL)).toThrow(`--labels must be ${allowed}, got 20000`);
    expect(() => parseCurveArgs(['--labels', '5'], POOL)).toThrow(`--labels must be ${allowed}, got 5`);
    expect(() => parseCurveArgs(['--labels', '25'], POOL)).toThrow(`got 25`);
    expect(() => parseCurveArgs(['--labels', '10000'], 9_000)).toThrow(/or 101-9000 .*got 10000/);
    expect(parseCurveArgs(['--labels', '10000'], POOL).labels).toEqual([10_000]);
    expect(parseCurveArgs(['--labels', '101'], POOL).labels).toEqual([101]);
  });

  it('refuses malformed lists and options', () => {
    expect(() => parseCurveArgs(['--labels', '10,,20'], POOL)).toThrow(/comma-separated list without empty items, got "10,,20"/);
    expect(() => parseCurveArgs(['--labels', '10,'], POOL)).toThrow(/without empty items/);
    expect(() => parseCurveArgs(['--labels', '1e3'], POOL)).toThrow(/--labels must be whole numbers, .*got "1e3"/);
    expect(() => parseCurveArgs(['--labels', '-10'], POOL)).toThrow(/--labels must be whole numbers, .*got "-10"/);
    expect(() => parseCurveArgs(['--labels', '20,20'], POOL)).toThrow('--labels lists 20 twice');
    expect(() => parseCurveArgs(['--trunks', ''], POOL)).toThrow(/without empty items/);
    expect(() => parseCurveArgs(['--seeds', '0'], POOL)).toThrow(/--seeds must be a whole number from 1 to 100, got 0/);
    expect(() => parseCurveArgs(['--validation', 'some'], POOL)).toThrow(/--validation must be one of "none", "lecture"/);
    expect(() => parseCurveArgs(['--colour', 'red'], POOL)).toThrow(/unknown option --colour/);
    expect(() => parseCurveArgs(['stray'], POOL)).toThrow(/unexpected argument "stray"/);
  });
});

describe('npm run curve: end to end', () => {
  it('runs a tiny curve and writes the JSON the app reads', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'curve-'));
    const json = join(dir, 'curve.json');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/curve.ts', '--trunks', 'random,scratch', '--labels', '10,20', '--seeds', '2', '--preset', 'smoke', '--json', json], { timeout: 120_000 });
    expect(stdout).toMatch(/label-efficiency curve: preset smoke, 2 seed\(s\) \(1, 2\), all 10000 test images/);
    expect(stdout).toMatch(/^\s+10\*/m);
    const report = JSON.parse(await readFile(json, 'utf8')) as CurveReport;
    expect(report).toMatchObject({ preset: 'smoke', seeds: 2, seedList: [1, 2], labels: [10, 20], testCount: 10_000, labelPool: { start: 10_000, size: 10_000 } });
    expect(report.curves.map((c) => c.trunk)).toEqual(['random', 'scratch']);
    // The frozen random trunk is read by the probe, twice at these few labels (per-feature and one global
    // scale); the scratch network trains its own head, so it has neither.
    expect(report.head).toBe('probe');
    expect(stdout).toMatch(/instrument for frozen trunks: linear probe/);
    for (const p of report.curves[0].points) expect(p.globalScale?.accuracies).toHaveLength(2);
    for (const p of report.curves[1].points) expect(p.globalScale).toBeUndefined();
    // Provenance: when, and the very command, so a shipped file can be recorded again.
    expect(Number.isNaN(Date.parse(report.recordedAt))).toBe(false);
    expect(report.command).toBe(`npm run curve -- --trunks random,scratch --labels 10,20 --seeds 2 --preset smoke --json ${json}`);
    for (const curve of report.curves) {
      expect(curve.points.map((p) => p.labels)).toEqual([10, 20]);
      for (const p of curve.points) {
        expect(p.balanced).toBe(true);
        expect(p.accuracies).toHaveLength(2);
        for (const a of p.accuracies) expect(a).toBeGreaterThanOrEqual(0), expect(a).toBeLessThanOrEqual(1);
        expect(p.mean).toBeCloseTo((p.accuracies[0] + p.accuracies[1]) / 2, 12);
        expect(p.std).toBeCloseTo(Math.abs(p.accuracies[0] - p.accuracies[1]) / Math.SQRT2, 12);
      }
    }
    // Different seeds draw different digits and start from different weights: the two runs must differ somewhere.
    expect(report.curves.some((c) => c.points.some((p) => p.accuracies[0] !== p.accuracies[1]))).toBe(true);
  }, 150_000);
});
