import { describe, expect, it } from 'vitest';
import { defaultWorkers, parseLeaderboardArgs } from './leaderboard-args';
import { TASK_IDS } from '../src/ml/tasks/registry';

describe('npm run leaderboard options', () => {
  it('runs every task on the full test set over 3 seeds by default', () => {
    const args = parseLeaderboardArgs([]);
    expect(args.tasks).toEqual(TASK_IDS);
    expect(args).toMatchObject({ preset: 'quick', seeds: 3, firstSeed: 1, test: 'full', json: null, backend: 'wasm', head: 'probe', cache: '.cache/trunks' });
    expect(parseLeaderboardArgs(['--head', 'lecture', '--cache', 'none'])).toMatchObject({ head: 'lecture', cache: null });
    expect(args.workers).toBe(defaultWorkers());
    expect(parseLeaderboardArgs(['--workers', '1'])).toMatchObject({ workers: 1 });
    expect([defaultWorkers(1), defaultWorkers(2), defaultWorkers(16)]).toEqual([1, 2, 4]);
  });

  it('takes a task list, dropping repeats', () => {
    expect(parseLeaderboardArgs(['--tasks', 'jigsaw,rotation,jigsaw', '--preset', 'smoke', '--seeds', '1', '--json', 'f.json']))
      .toMatchObject({ tasks: ['jigsaw', 'rotation'], preset: 'smoke', seeds: 1, json: 'f.json' });
  });

  it('refuses an unknown task with the list of known ones, and a malformed list', () => {
    expect(() => parseLeaderboardArgs(['--tasks', 'rotation,sudoku'])).toThrow(
      new RegExp(`--tasks must be one of ${TASK_IDS.map((t) => `"${t}"`).join(', ')}, got "sudoku"`),
    );
    expect(() => parseLeaderboardArgs(['--tasks', 'rotation,,jigsaw'])).toThrow(/--tasks must be a comma-separated list of/);
    expect(() => parseLeaderboardArgs(['--seeds', '0'])).toThrow(/--seeds must be a whole number from 1 to 100, got 0/);
    expect(() => parseLeaderboardArgs(['--task', 'rotation'])).toThrow(/unknown option --task/);
  });
});
