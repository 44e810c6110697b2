/**
 * Reading a recorded leaderboard (the JSON `npm run leaderboard -- --json F` writes, shipped as
 * `public/pretrained/leaderboard.json`), and putting a student's own runs beside it. Page-safe (no tfjs).
 *
 * A recorded file is checked before it is shown: a truncated or hand-edited file is refused with a message
 * naming what is wrong, rather than drawn as a table of NaNs.
 */
import { taskById, type TaskId } from '../tasks/registry';
import { scoreName } from '../objectives/registry';
import { compareToRandom, type Gain } from './gain';
import { meanStd, type MeanStd } from './statistics';
import { REFERENCE_IDS, REFERENCE_TITLES, type LeaderboardResult, type ReferenceId } from './leaderboard-types';
import type { RunSpec } from './runs';
import { checkRecording, isFraction, isMeanStd, isObject, knownTaskRows } from './recorded-file';

function checkMeanStd(v: unknown, where: string): void {
  if (!isMeanStd(v)) throw new Error(`${where} must be {mean, std} with a mean from 0 to 1`);
}

/**
 * The recorded leaderboard in `json`, checked. Rows of tasks this copy of the app does not know (a file from a
 * newer version) are dropped, not refused. Throws an Error naming the first problem.
 */
export function parseLeaderboard(json: unknown): LeaderboardResult {
  if (!isObject(json) || json.version !== 1) throw new Error('not a leaderboard file (version 1 expected)');
  const { tasks, references, seeds } = json;
  if (!Array.isArray(tasks) || !Array.isArray(references) || !Array.isArray(seeds) || seeds.length === 0) {
    throw new Error('the leaderboard file has no tasks, references or seeds');
  }
  checkRecording(json, 'the leaderboard file', 'optional');
  if (typeof json.testCount !== 'number' || typeof json.budget !== 'string' || typeof json.preset !== 'string') throw new Error('the leaderboard file lacks its settings');
  tasks.forEach((t: unknown, i) => {
    if (!isObject(t) || typeof t.id !== 'string') throw new Error(`task row ${i + 1} has no id`);
    checkMeanStd(t.digitAccuracy, `task "${t.id}" digitAccuracy`);
    if (!isFraction(t.pretextScore) || !isFraction(t.chanceScore)) throw new Error(`task "${t.id}" needs pretextScore and chanceScore from 0 to 1`);
    if (!isObject(t.gainOverRandom) || typeof t.gainOverRandom.mean !== 'number') throw new Error(`task "${t.id}" has no gainOverRandom`);
  });
  for (const id of REFERENCE_IDS) {
    const row = references.find((r: unknown) => isObject(r) && r.id === id) as Record<string, unknown> | undefined;
    if (!row) throw new Error(`the leaderboard file has no "${id}" reference row`);
    checkMeanStd(row.digitAccuracy, `reference "${id}" digitAccuracy`);
  }
  return { ...(json as unknown as LeaderboardResult), tasks: knownTaskRows(tasks) as unknown as LeaderboardResult['tasks'] };
}

/** One row of the student's own results: a task's frozen trunk, or a reference. */
export interface YourRow {
  readonly id: TaskId | Exclude<ReferenceId, 'upper'>;
  readonly title: string;
  readonly digitAccuracy: MeanStd;
  /** The seeds behind it. */
  readonly seeds: readonly number[];
  /** Against the student's own random-trunk runs; null when they have none. */
  readonly gainOverRandom: Gain | null;
  readonly pretextMetric: string | null;
}

/** A finished digit-classifier run of the student's, as the store holds it. */
export interface FinishedRun {
  readonly spec: RunSpec;
  readonly testAccuracy: number;
}

/**
 * The student's rows: their finished heads on `labels` labelled images, grouped by task (transfer) or
 * reference (random, scratch), one accuracy per seed. Gains are paired by seed with their own random runs.
 */
export function yourRows(runs: readonly FinishedRun[], labels: number): YourRow[] {
  const groups = new Map<YourRow['id'], Map<number, number>>();
  for (const { spec, testAccuracy } of runs) {
    // The leaderboard compares frozen trunks; fine-tuned networks belong to the compare and curve panels.
    if (spec.labels !== labels || spec.use === 'pretext' || spec.use === 'finetune') continue;
    const id = spec.use === 'transfer' ? spec.task : spec.use;
    const seeds = groups.get(id) ?? new Map<number, number>();
    seeds.set(spec.seed, testAccuracy);
    groups.set(id, seeds);
  }
  const random = groups.get('random');
  const rows: YourRow[] = [];
  for (const [id, bySeed] of groups) {
    const seeds = [...bySeed.keys()].sort((a, b) => a - b);
    const values = seeds.map((s) => bySeed.get(s) as number);
    let gain: Gain | null = null;
    if (random && id !== 'random' && id !== 'scratch') {
      const paired = seeds.filter((s) => random.has(s));
      gain = paired.length > 0 ? compareToRandom(paired.map((s) => bySeed.get(s) as number), paired.map((s) => random.get(s) as number)) : null;
    }
    const task = id !== 'random' && id !== 'scratch' ? taskById(id) : null;
    rows.push({
      id, title: task ? task.title : REFERENCE_TITLES[id as 'random' | 'scratch'],
      digitAccuracy: meanStd(values), seeds, gainOverRandom: gain,
      pretextMetric: task ? scoreName(task.objective) : null,
    });
  }
  return rows;
}
