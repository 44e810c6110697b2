import { loadMnistFromDisk } from '../src/ml/data/node-assets';
import { activateBackend } from '../src/ml/backends/activate';
import { makeSplits } from '../src/ml/data/splits';
import { leaderboardConfig } from '../src/ml/experiment/leaderboard';
import { pretextTrunk } from '../src/ml/experiment/trunk-source';
import { folderTrunkStore } from './trunk-store';
import { extractFeatures } from '../src/ml/features/extract';
import { fitProbe, probeAccuracy } from '../src/ml/probe/linear-probe';
await activateBackend('wasm');
const mnist = await loadMnistFromDisk();
const task = (process.argv[2] ?? 'jigsaw') as 'jigsaw';
const store = folderTrunkStore();
const first = leaderboardConfig('quick', task, 1, 'full');
const splits = makeSplits(mnist, first.splits);
for (const seed of [1, 2, 3]) {
  const config = leaderboardConfig('quick', task, seed, 'full');
  const { model, kept } = await pretextTrunk(splits, config, store);
  const train = await extractFeatures(model, splits.labelled, { scaling: config.scaling });
  const test = await extractFeatures(model, splits.test, { scaling: config.scaling });
  const line: string[] = [];
  for (const fs of [seed, 11, 12, 13]) {
    const p = await fitProbe({ features: train, labels: splits.labelled.labels }, { seed: fs });
    line.push(`fold${fs}: λ=${p.lambda} ${(100 * probeAccuracy(p, { features: test, labels: splits.test.labels })).toFixed(2)}`);
  }
  for (const l of [1, 0.1, 0.01, 0.001]) {
    const p = await fitProbe({ features: train, labels: splits.labelled.labels }, { seed: 1, grid: [l] });
    line.push(`λ=${l}: ${(100 * probeAccuracy(p, { features: test, labels: splits.test.labels })).toFixed(2)}`);
  }
  console.log(task, 's' + seed, kept ? 'kept' : 'TRAINED', line.join(' | '));
  model.dispose();
}
