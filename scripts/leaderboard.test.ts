import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFile, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LeaderboardResult } from '../src/ml/experiment/leaderboard-types';
import { parseLeaderboard } from '../src/ml/experiment/leaderboard-file';

const run = promisify(execFile);

describe('npm run leaderboard', () => {
  it('runs a task and the three reference rows in Node, prints the table and writes the JSON the panel reads', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leaderboard-'));
    const json = join(dir, 'smoke.json');
    const store = join(dir, 'store');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/leaderboard.ts', '--preset', 'smoke', '--seeds', '1', '--tasks', 'jigsaw', '--test', 'lecture', '--cache', store, '--workers', '2', '--json', json], { timeout: 240_000 });
    expect(stdout).toMatch(/instrument: linear probe \(converged, L2 by cross-validation\)/);
    expect(stdout).toMatch(/preset smoke, seeds 1, test set lecture \(300 images\), backend wasm/);
    expect(stdout).toMatch(/budget: every trunk sees the same 2,000 training images, 4 examples each, for 1 epoch \(8,000 examples/);
    expect(stdout).toMatch(/Jigsaw: one seed cannot tell a gain of -?\d+\.\d points from noise; run more seeds\./);
    const result = JSON.parse(await readFile(json, 'utf8')) as LeaderboardResult;
    // What the app's panel accepts.
    expect(parseLeaderboard(result)).toEqual(result);
    expect(result.tasks.map((t) => t.id)).toEqual(['jigsaw']);
    expect(result.head).toBe('probe');
    expect(result.references.map((r) => r.id)).toEqual(['random', 'scratch', 'upper']);
    expect(result.references[2].title).toMatch(/^(Upper bound|Reference): trunk trained on 1,800 digit labels to convergence$/);
    const [jigsaw] = result.tasks;
    expect(jigsaw.pretextMetric).toBe('accuracy');
    expect(jigsaw.chanceScore).toBeCloseTo(1 / 24, 12);
    expect(jigsaw.pretextScore).toBeGreaterThan(jigsaw.chanceScore);
    const random = result.references[0].digitAccuracy.mean;
    expect(jigsaw.gainOverRandom.mean).toBeCloseTo(jigsaw.digitAccuracy.mean - random, 12);
    expect(jigsaw.gainOverRandom.verdict).toBe('unknown');
    for (const row of [...result.tasks, ...result.references]) {
      expect(row.digitAccuracy.mean).toBeGreaterThan(0.1); // better than guessing after even 3 epochs
      expect(row.digitAccuracy.std).toBe(0);
    }

    // The rows above were measured by two worker processes; measured one after another in one process, every
    // number is the same (each row's seeds are its own, whichever process runs it and whatever ran before). The
    // second run starts from the trunks the pool kept but none of its rows, so every row is measured again: the
    // probes on the kept trunks, the random trunk, the scratch network. (Training a trunk is the same function
    // with the same seed in either process; the trunks themselves are checked against the shipped files by
    // recordings, not here, which keeps this test to one trunk training.)
    const trunksOnly = join(dir, 'trunks-only');
    await mkdir(trunksOnly);
    for (const name of await readdir(store)) if (!name.startsWith('leaderboard-row.')) await copyFile(join(store, name), join(trunksOnly, name));
    const alone = join(dir, 'alone.json');
    await run(process.execPath, ['--import', 'tsx', 'scripts/leaderboard.ts', '--preset', 'smoke', '--seeds', '1', '--tasks', 'jigsaw', '--test', 'lecture', '--cache', trunksOnly, '--workers', '1', '--json', alone], { timeout: 240_000 });
    const one = JSON.parse(await readFile(alone, 'utf8')) as LeaderboardResult;
    expect({ ...one, recordedAt: '', elapsedMs: 0 }).toEqual({ ...result, recordedAt: '', elapsedMs: 0 });
  }, 480_000);
});
