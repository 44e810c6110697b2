/**
 * The probe table in words: each trunk's name, and what its numbers show, computed from them. Pure (no React),
 * so the sentences are tested in Node.
 */
import type { ProbeRow } from '../../ml/features/probe-trunk';
import { parseRunId } from '../../ml/experiment/runs';
import { isTaskId } from '../../ml/tasks/registry';
import { runLabel } from '../shared/run-display';

/** A probed trunk in words. */
export function probeTrunkName(key: string): string {
  if (key.startsWith('random.s')) return `Random trunk (untrained, seed ${key.slice('random.s'.length)})`;
  const spec = parseRunId(key, isTaskId);
  return spec ? `${runLabel(spec)}, seed ${spec.seed}` : key;
}

/** How far the linear probe falls from conv2 + pool to conv3 (positive: a drop), or null without a conv3. */
function conv3Drop(list: readonly ProbeRow[]): number | null {
  const conv2 = list.find((r) => r.block === 'conv2 + pool');
  const conv3 = list.find((r) => r.block === 'conv3');
  return conv2 && conv3 ? conv2.linear - conv3.linear : null;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * What the probe table shows, in a sentence per trunk: the block where the linear probe reads the digit
 * best and, for a trained pretext model, whether its conv3 falls below conv2 + pool *by more than the random
 * trunk's does*: conv3 has 64 features against 288, so some drop comes from size alone, and only the drop
 * beyond the untrained model's is the pretext task's doing.
 */
export function probeFindings(rows: Readonly<Record<string, readonly ProbeRow[]>>): string[] {
  const randomKey = Object.keys(rows).find((k) => k.startsWith('random.'));
  const randomDrop = randomKey ? conv3Drop(rows[randomKey]) : null;
  return Object.entries(rows).flatMap(([key, list]) => {
    if (list.length === 0) return [];
    const best = list.reduce((a, b) => (b.linear > a.linear ? b : a));
    let s = `${probeTrunkName(key)}: the linear probe reads the digit best after ${best.block} (${pct(best.linear)}).`;
    const drop = conv3Drop(list);
    if (drop !== null && key === randomKey) {
      s += drop > 0 ? ` Even untrained, conv3 reads it worse (${pct(drop)} lower): 64 features hold less than 288, whatever they learned.` : '';
    } else if (drop !== null) {
      if (drop <= 0) s += ' Its conv3 reads it no worse: this trunk did not specialise its top block.';
      else if (randomDrop === null) s += ` Its conv3 reads it ${pct(drop)} worse; probe a random trunk too, to see how much of that is conv3's smaller size.`;
      else if (drop > randomDrop + 0.02) s += ` Its conv3 reads it ${pct(drop)} worse, more than the random trunk's ${pct(randomDrop)}: the top block has specialised in the pretext task.`;
      else s += ` Its conv3 reads it ${pct(drop)} worse, about as much as the random trunk's ${pct(randomDrop)}: the drop is conv3's smaller size, not specialisation.`;
    }
    return [s];
  });
}
