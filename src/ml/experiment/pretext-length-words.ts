/**
 * What the recorded pretext-length study shows, in sentences computed from its numbers with the leaderboard's
 * rule (gain.ts): a difference between two readings counts only beyond twice its combined standard error over
 * seeds, paired seed by seed. So the words can never say more than the seeds allow, and they change by
 * themselves when the file is recorded again.
 */
import { compareToRandom, type Gain } from './gain';
import { HEADLINE_PROBE } from './pretext-length-file';
import type { PretextLengthPoint, PretextLengthResult, PretextLengthTask, ProbeBlock, SeedStats } from './pretext-length-types';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const points = (v: number) => `${(Math.abs(v) * 100).toFixed(1)} points`;
const noise = (g: Gain) => `±${(g.standardError * 100).toFixed(1)}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `a` against `b`, paired seed by seed. */
function compare(a: SeedStats, b: SeedStats): Gain {
  return compareToRandom(a.perSeed, b.perSeed);
}

/** The point with the highest mean digit accuracy (the earliest of equals). */
export function bestPoint(task: PretextLengthTask): PretextLengthPoint {
  return task.points.reduce((best, p) => (p.accuracy.mean > best.accuracy.mean ? p : best));
}

/** Longest training against the untrained trunk (epoch 0) of the same seeds. */
function lengthSentence(task: PretextLengthTask, first: PretextLengthPoint, last: PretextLengthPoint): string {
  const g = compare(last.accuracy, first.accuracy);
  const trained = plural(last.epoch, 'epoch');
  switch (g.verdict) {
    case 'better': return `${task.title}: ${trained} of pretext training lift the probe from ${pct(first.accuracy.mean)} (the untrained trunk) to ${pct(last.accuracy.mean)}, ${points(g.mean)} more, beyond twice the noise between seeds (${noise(g)}).`;
    case 'worse': return `${task.title}: after ${trained} of pretext training the probe reads ${pct(last.accuracy.mean)}, ${points(g.mean)} below the untrained trunk's ${pct(first.accuracy.mean)}, beyond twice the noise between seeds (${noise(g)}).`;
    case 'tie': return `${task.title}: after ${trained} of pretext training the probe reads ${pct(last.accuracy.mean)}, within the noise between seeds of the untrained trunk's ${pct(first.accuracy.mean)} (${g.mean >= 0 ? '+' : '−'}${points(g.mean)}, ${noise(g)}).`;
    case 'unknown': return `${task.title}: with one seed, ${pct(first.accuracy.mean)} at epoch 0 and ${pct(last.accuracy.mean)} after ${trained} cannot be told apart from noise.`;
  }
}

/** Longest training against the best epoch: does more training keep helping, or did it peak earlier? */
function peakSentence(last: PretextLengthPoint, best: PretextLengthPoint): string {
  if (best.epoch === last.epoch) return `Epoch ${last.epoch} is also its best reading.`;
  const g = compare(last.accuracy, best.accuracy);
  const peak = `Its best reading is at epoch ${best.epoch} (${pct(best.accuracy.mean)})`;
  switch (g.verdict) {
    case 'worse': return `${peak}; by epoch ${last.epoch} it has fallen back by ${points(g.mean)}, beyond the noise (${noise(g)}): here, longer is worse.`;
    case 'unknown': return `${peak}; one seed cannot say whether epoch ${last.epoch} is really lower.`;
    default: return `${peak}, within the noise of epoch ${last.epoch}'s.`;
  }
}

/** The probe reading at `labels` and `block` of a point, if it was taken. */
export function readingAt(point: PretextLengthPoint, labels: number, block: ProbeBlock): SeedStats | null {
  return point.probes.find((r) => r.labels === labels && r.block === block)?.accuracy ?? null;
}

/** Which block reads the digit better after the longest training, at the headline label count. */
function blockVerdict(last: PretextLengthPoint): { readonly gain: Gain; readonly block1: number; readonly block2: number } | null {
  const one = readingAt(last, HEADLINE_PROBE.labels, 'conv1 + pool');
  const two = readingAt(last, HEADLINE_PROBE.labels, 'conv2 + pool');
  return one && two ? { gain: compare(one, two), block1: one.mean, block2: two.mean } : null;
}

/** One paragraph per task: epoch 0 against the longest training, the best epoch, and the two blocks. */
export function taskFindings(task: PretextLengthTask): string {
  const first = task.points.find((p) => p.epoch === 0);
  const last = task.points[task.points.length - 1];
  const parts = [first && first !== last ? lengthSentence(task, first, last) : `${task.title}: no untrained reading (epoch 0) to compare with.`];
  parts.push(peakSentence(last, bestPoint(task)));
  const blocks = blockVerdict(last);
  if (blocks) {
    const { gain, block1, block2 } = blocks;
    const both = `${pct(block1)} against ${pct(block2)}`;
    parts.push(gain.verdict === 'better' ? `Block 1 reads the digit better than block 2 (${both}, beyond the noise).`
      : gain.verdict === 'worse' ? `Block 2 reads the digit better than block 1 (${pct(block2)} against ${pct(block1)}, beyond the noise).`
        : gain.verdict === 'tie' ? `Blocks 1 and 2 read the digit equally well, within the noise (${both}).`
          : `One seed cannot say which block reads the digit better (${both}).`);
  }
  return parts.join(' ');
}

function listNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Across tasks: for which does longer training help, and which block reads better after it. */
export function overallFindings(result: PretextLengthResult): string[] {
  // The rule needs a spread between seeds; with one seed a line shows a trend and nothing can be called a verdict.
  if (result.seedList.length < 2) {
    return [`Recorded with one seed (${result.seedList.join(', ')}): each line shows a trend, but no difference between epochs or blocks can be told from noise until more seeds are recorded (npm run pretext-length -- --seeds 3).`];
  }
  const helped: string[] = [];
  const notHelped: string[] = [];
  const byBlock: Record<'block 1' | 'block 2' | 'neither', string[]> = { 'block 1': [], 'block 2': [], neither: [] };
  for (const task of result.tasks) {
    const first = task.points.find((p) => p.epoch === 0);
    const last = task.points[task.points.length - 1];
    const name = task.title.toLowerCase();
    if (first && first !== last) (compare(last.accuracy, first.accuracy).verdict === 'better' ? helped : notHelped).push(name);
    const blocks = blockVerdict(last);
    if (blocks) byBlock[blocks.gain.verdict === 'better' ? 'block 1' : blocks.gain.verdict === 'worse' ? 'block 2' : 'neither'].push(name);
  }
  const out: string[] = [];
  if (helped.length + notHelped.length > 0) {
    out.push(helped.length === 0 ? `For no task does the longest pretext training beat the untrained trunk by more than the noise.`
      : `The longest pretext training beats the untrained trunk beyond the noise for ${listNames(helped)}${notHelped.length ? `; not for ${listNames(notHelped)}` : ''}.`);
  }
  const clauses: string[] = [];
  if (byBlock['block 1'].length > 0) clauses.push(`block 1 reads the digit better for ${listNames(byBlock['block 1'])}`);
  if (byBlock['block 2'].length > 0) clauses.push(`block 2 reads ${clauses.length ? 'it' : 'the digit'} better for ${listNames(byBlock['block 2'])}`);
  if (byBlock.neither.length > 0) clauses.push(`the seeds cannot tell the blocks apart for ${listNames(byBlock.neither)}`);
  if (clauses.length > 0) out.push(`After the longest training, ${clauses.join('; ')}.`);
  return out;
}
