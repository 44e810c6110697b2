/**
 * The leaderboard: every pretext task through the same protocol, next to three reference rows, so a student can
 * ask "which features are worth learning?" and get an honest answer.
 *
 * - Every task's trunk sees the same budget: the same 10,000 unlabelled images, 4 examples each, for the same
 *   number of pretext epochs with the same optimiser and batch size. Its frozen trunk then gets the very same
 *   digit head (same initialisation, same shuffles, same labelled images): only the trunk differs between rows.
 * - Reference rows: the *random* frozen trunk (the floor a pretext task has to beat), the *supervised* network
 *   trained from scratch on the labelled images (what the labels alone give), and an *upper bound*: the trunk
 *   trained on the digit labels of the pretext images themselves (the same images, the same number of examples
 *   seen), then frozen under the same head. It answers "what if the pretext task were the real task?".
 * - A task "beats random" only when its mean gain is more than twice its combined standard error over seeds.
 */
import type { Mnist } from '../data/mnist';
import { makeSplits } from '../data/splits';
import type { ExperimentConfig, PresetName } from '../config/presets';
import { checkConfig } from '../config/check-config';
import type { TestSetName } from '../data/splits';
import { taskById, type TaskId } from '../tasks/registry';
import { scoreName } from '../objectives/registry';
import type { ExperimentCallbacks } from './protocol';
import { compareToRandom } from './gain';
import { convergedUpperTitle, REFERENCE_IDS, REFERENCE_TITLES, type LeaderboardHead, type LeaderboardResult, type ReferenceId, type ReferenceRow, type TaskRow } from './leaderboard-types';
import type { TrunkStore } from './trunk-source';
import { upperLabels } from './upper-bound';
import { cellCost, keptCell, leaderboardConfig, measureCell, type CellRecord, type CellSetting, type LeaderboardCell } from './leaderboard-rows';
import { meanStd } from './statistics';

export type { LeaderboardResult, ReferenceId, ReferenceRow, TaskRow } from './leaderboard-types';
export { leaderboardConfig, probeDigitAccuracy, trainLabelledTrunk } from './leaderboard-rows';

/** What to run. */
export interface LeaderboardOptions {
  readonly preset: PresetName;
  readonly seeds: number;
  readonly firstSeed: number;
  readonly tasks: readonly TaskId[];
  readonly test: TestSetName;
  readonly backend: string;
  /** The instrument (default the probe). */
  readonly head?: LeaderboardHead;
  /** Keeps trained trunks between runs. */
  readonly store?: TrunkStore;
  /** Measures the cells elsewhere, several at once (default: one after another in this process). */
  readonly runner?: CellRunner;
}

/**
 * Measures cells outside this process, e.g. the CLI's pool of worker processes. Each answer must be what
 * {@link measureCell} gives for the same cell and setting (it is: a cell's numbers depend on its seed only).
 */
export interface CellRunner {
  measure(cell: LeaderboardCell): Promise<CellRecord>;
}

/** Progress, tagged with the row being trained. */
export interface LeaderboardCallbacks {
  onRowStart?(row: TaskId | ReferenceId, seed: number): void;
  onRowEnd?(row: TaskId | ReferenceId, seed: number, digitAccuracy: number): void;
  /** Passed through to each run, e.g. to print epochs. */
  readonly runs?: ExperimentCallbacks;
}

/** The equal budget every trunk gets under a config, in words. */
export function budgetText(config: ExperimentConfig, head: LeaderboardHead = 'lecture'): string {
  const p = config.pretext;
  const images = config.splits.pretextCount;
  const labelled = config.splits.labelledCount.toLocaleString('en-US');
  return `every trunk sees the same ${images.toLocaleString('en-US')} training images, 4 examples each, for ${p.epochs} epoch${p.epochs === 1 ? '' : 's'} ` +
    `(${(images * 4 * p.epochs).toLocaleString('en-US')} examples, Adam, batch ${p.batchSize}); ` +
    (head === 'probe'
      ? `every frozen trunk is read by the same linear probe (standardised features, L2 chosen by cross-validation on the same ${labelled} labelled images, trained to convergence)`
      : `every frozen trunk gets the same digit head trained on the same ${labelled} labelled images`);
}

/** Runs every chosen task and the reference rows for every seed. Throws before any work on a bad setting. */
export async function runLeaderboard(mnist: Mnist, options: LeaderboardOptions, callbacks: LeaderboardCallbacks = {}): Promise<LeaderboardResult> {
  const started = performance.now();
  const head: LeaderboardHead = options.head ?? 'probe';
  const seeds = Array.from({ length: options.seeds }, (_, i) => options.firstSeed + i);
  const first = leaderboardConfig(options.preset, options.tasks[0] ?? 'rotation', seeds[0], options.test);
  checkConfig(first, mnist.train.count);
  const splits = makeSplits(mnist, first.splits);

  const setting: CellSetting = { preset: options.preset, test: options.test, head, store: options.store };
  const isTask = (row: TaskId | ReferenceId): row is TaskId => !(REFERENCE_IDS as readonly string[]).includes(row);
  const key = (cell: LeaderboardCell) => `${cell.row}.s${cell.seed}`;
  const records = new Map<string, CellRecord>();
  // The longest cells first, so a pool of processes is not left waiting on one long cell at the end.
  const rows = [...options.tasks, ...REFERENCE_IDS].sort((a, b) => cellCost(options.preset, b) - cellCost(options.preset, a));
  const todo: LeaderboardCell[] = [];
  for (const row of rows) {
    for (const seed of seeds) {
      const cell = { row, seed };
      const known = await keptCell(setting, cell, isTask(row));
      if (known) records.set(key(cell), known);
      else todo.push(cell);
    }
  }
  const measure = async (cell: LeaderboardCell) => {
    callbacks.onRowStart?.(cell.row, cell.seed);
    const record = options.runner ? await options.runner.measure(cell) : await measureCell(splits, setting, cell, callbacks.runs);
    records.set(key(cell), record);
    callbacks.onRowEnd?.(cell.row, cell.seed, record.accuracy);
  };
  if (options.runner) {
    await Promise.all(todo.map(measure));
  } else {
    for (const cell of todo) await measure(cell);
  }

  const cellsOf = (row: TaskId | ReferenceId) => seeds.map((seed) => records.get(key({ row, seed })) as CellRecord);
  const accuracies = (ms: readonly CellRecord[]) => ms.map((m) => m.accuracy);
  const failed = (m: CellRecord) => (m.failedFit ? { failedFit: m.failedFit } : {});
  const refs = { random: cellsOf('random'), scratch: cellsOf('scratch'), upper: cellsOf('upper') };
  const tasks: TaskRow[] = options.tasks.map((id) => {
    const digits = cellsOf(id);
    const pretext = digits.map((d) => d.pretextScore as number);
    return {
      id, title: taskById(id).title, pretextMetric: scoreName(taskById(id).objective),
      pretextScore: meanStd(pretext).mean, chanceScore: digits[0].chanceScore as number,
      digitAccuracy: meanStd(accuracies(digits)),
      gainOverRandom: compareToRandom(accuracies(digits), accuracies(refs.random)),
      perSeed: seeds.map((seed, i) => ({ seed, pretextScore: pretext[i], digitAccuracy: digits[i].accuracy, ...failed(digits[i]) })),
    };
  });
  // A "bound" that a task row beats is no bound: then the row is called a reference, and the panel says why.
  const bestTask = Math.max(...tasks.map((t) => t.digitAccuracy.mean));
  const upperTitle = (title: string) => (meanStd(accuracies(refs.upper)).mean < bestTask ? title.replace(/^Upper bound/, 'Reference') : title);
  const references: ReferenceRow[] = REFERENCE_IDS.map((id) => ({
    id, title: id === 'upper' ? upperTitle(head === 'probe' ? convergedUpperTitle(upperLabels(first.splits.pretextCount)) : REFERENCE_TITLES[id]) : REFERENCE_TITLES[id],
    digitAccuracy: meanStd(accuracies(refs[id])),
    perSeed: seeds.map((seed, i) => ({ seed, digitAccuracy: refs[id][i].accuracy, ...failed(refs[id][i]) })),
  }));
  return {
    version: 1, head, preset: options.preset, seeds, test: options.test, testCount: splits.test.count,
    labelledCount: first.splits.labelledCount, budget: budgetText(first, head), tasks, references,
    backend: options.backend, recordedAt: new Date().toISOString(), elapsedMs: performance.now() - started,
  };
}
