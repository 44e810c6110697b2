/**
 * `npm run probe-spread`: is a leaderboard row's spread over seeds the instrument's or the features'?
 *
 * A row's three seeds differ in two ways at once: each seed trains a different trunk, and each seed deals the
 * probe's cross-validation folds differently (which can change the penalty it picks). This command takes the
 * leaderboard's trunks (from the trunk store, training any that are missing, exactly as the leaderboard does) and
 * probes each one several times with different fold seeds, and once at each fixed penalty. If the fold seeds barely
 * move a trunk's score but the trunks differ, the spread is in the features, and no better instrument removes it.
 *
 *   npm run probe-spread -- [--tasks jigsaw,rotation] [--preset quick] [--seeds 3] [--cache DIR|none]
 */
import { loadMnistFromDisk } from '../src/ml/data/node-assets';
import { activateBackend } from '../src/ml/backends/activate';
import { makeSplits } from '../src/ml/data/splits';
import { PRESET_NAMES } from '../src/ml/config/presets';
import { checkChoice, checkInteger } from '../src/ml/config/validate';
import { leaderboardConfig } from '../src/ml/experiment/leaderboard';
import { meanStd } from '../src/ml/experiment/statistics';
import { pretextTrunk } from '../src/ml/experiment/trunk-source';
import { buildDigitClassifier } from '../src/ml/models/architecture';
import { extractFeatures } from '../src/ml/features/extract';
import { fitProbe, probeAccuracy, PROBE_L2_GRID } from '../src/ml/probe/linear-probe';
import { TASK_IDS, type TaskId } from '../src/ml/tasks/registry';
import { checkChoiceList, parseFlags, runMain } from './cli-flags';
import { folderTrunkStore, TRUNK_CACHE_DIR } from './trunk-store';

const ROWS = [...TASK_IDS, 'random'] as const;
type Row = (typeof ROWS)[number];
const FOLD_SEEDS = [11, 12, 13];
const usage = `usage: npm run probe-spread -- [--tasks a,b,...] [--preset ${PRESET_NAMES.join('|')}] [--seeds N] [--cache DIR|none]
  tasks: ${ROWS.join(', ')} (default jigsaw,rotation,random)`;

const pct = (v: number) => (100 * v).toFixed(2);

runMain(async () => {
  const values = parseFlags(process.argv.slice(2), ['tasks', 'preset', 'seeds', 'cache'], usage);
  const rows = checkChoiceList('--tasks', values.get('tasks') ?? 'jigsaw,rotation,random', ROWS) as Row[];
  const preset = checkChoice('--preset', values.get('preset') ?? 'quick', PRESET_NAMES);
  const seeds = checkInteger('--seeds', Number(values.get('seeds') ?? 3), 2, 20);
  const cache = values.get('cache') ?? TRUNK_CACHE_DIR;
  const store = cache === 'none' ? undefined : folderTrunkStore(cache);
  const started = performance.now();
  await activateBackend('wasm');
  const mnist = await loadMnistFromDisk();
  const splits = makeSplits(mnist, leaderboardConfig(preset, 'rotation', 1, 'full').splits);
  console.log(`Each trunk probed as the leaderboard probes it (fold seed = trunk seed), with fold seeds ${FOLD_SEEDS.join(', ')}, and at each fixed penalty (% of 10,000 test digits):`);
  for (const row of rows) {
    const asRecorded: number[] = [];
    let widestFolds = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const config = leaderboardConfig(preset, row === 'random' ? 'rotation' : (row as TaskId), seed, 'full');
      const model = row === 'random' ? buildDigitClassifier('random', seed) : (await pretextTrunk(splits, config, store)).model;
      try {
        const train = { features: await extractFeatures(model, splits.labelled, { scaling: config.scaling }), labels: splits.labelled.labels };
        const test = { features: await extractFeatures(model, splits.test, { scaling: config.scaling }), labels: splits.test.labels };
        const byFolds: string[] = [];
        const scores: number[] = [];
        for (const foldSeed of [seed, ...FOLD_SEEDS]) {
          const probe = await fitProbe(train, { seed: foldSeed });
          const accuracy = probeAccuracy(probe, test);
          scores.push(accuracy);
          byFolds.push(`${pct(accuracy)} (λ ${probe.lambda})`);
        }
        asRecorded.push(scores[0]);
        widestFolds = Math.max(widestFolds, Math.max(...scores) - Math.min(...scores));
        const byPenalty: string[] = [];
        for (const lambda of PROBE_L2_GRID) byPenalty.push(`${lambda}: ${pct(probeAccuracy(await fitProbe(train, { seed, grid: [lambda] }), test))}`);
        console.log(`  ${row} seed ${seed}: folds ${byFolds.join(', ')} | fixed λ ${byPenalty.join(', ')}`);
      } finally {
        model.dispose();
      }
    }
    console.log(`  ${row}: over trunk seeds, std ${pct(meanStd(asRecorded).std)} points; over fold seeds, at most ${pct(widestFolds)} points between a trunk's highest and lowest score`);
  }
  console.log(`total time ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
