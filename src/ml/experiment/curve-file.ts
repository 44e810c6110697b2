/**
 * Reading a recorded label-efficiency curve (the JSON `npm run curve -- --json F` writes, shipped as
 * `public/pretrained/curve.json`), and saying what it shows. Page-safe: no tfjs, only types from curve.ts.
 *
 * The file is checked before it is drawn: a truncated or hand-edited file is refused with a sentence naming
 * what is wrong. The findings are computed from the numbers with the leaderboard's rule (a difference counts
 * only beyond twice its combined standard error over seeds), so the words cannot say more than the data.
 */
import type { CurveReport } from './curve-report';
import type { Curve, CurveTrunk } from './curve';
import { compareToRandom, type Verdict } from './gain';
import { checkRecording, isFraction, isMeanStd, isObject } from './recorded-file';

/** The recorded curve in `json`, checked. Throws an Error naming the first problem. */
export function parseCurveFile(json: unknown): CurveReport {
  if (!isObject(json)) throw new Error('not a curve file (a JSON object expected)');
  const { curves, labels, seedList, preset, testCount } = json;
  if (!Array.isArray(curves) || curves.length === 0) throw new Error('the curve file has no curves');
  if (!Array.isArray(labels) || labels.length === 0 || !labels.every((n) => Number.isInteger(n) && n > 0)) throw new Error('the curve file has no label counts');
  if (!Array.isArray(seedList) || seedList.length === 0) throw new Error('the curve file has no seeds');
  if (typeof preset !== 'string' || typeof testCount !== 'number') throw new Error('the curve file lacks its preset or test count');
  checkRecording(json, 'the curve file', 'optional');
  if (typeof json.command !== 'string') throw new Error('the curve file does not say which command recorded it');
  curves.forEach((c: unknown, i) => {
    if (!isObject(c) || typeof c.trunk !== 'string' || !Array.isArray(c.points)) throw new Error(`curve ${i + 1} has no trunk or points`);
    c.points.forEach((p: unknown) => {
      if (!isObject(p) || !labels.includes(p.labels)) throw new Error(`curve "${c.trunk}" has a point at a label count the file does not list`);
      if (!isMeanStd(p)) throw new Error(`curve "${c.trunk}" at ${String(p.labels)} labels needs a mean from 0 to 1 and a std`);
      if (!Array.isArray(p.accuracies) || p.accuracies.length !== seedList.length || !p.accuracies.every(isFraction)) {
        throw new Error(`curve "${c.trunk}" at ${String(p.labels)} labels needs one accuracy per seed`);
      }
    });
  });
  return json as unknown as CurveReport;
}

/** A trunk's name for legends and sentences. */
export function curveTrunkTitle(trunk: CurveTrunk | string): string {
  if (trunk === 'random') return 'random frozen trunk';
  if (trunk === 'scratch') return 'supervised from scratch';
  if (trunk.startsWith('finetune-')) return `${trunk.slice('finetune-'.length)} fine-tuned`;
  return `${trunk} (frozen)`;
}

/** A trunk's name inside a sentence: "the frozen rotation trunk", "the network trained from scratch". */
function sentenceName(trunk: string): string {
  if (trunk === 'random') return 'the random frozen trunk';
  if (trunk === 'scratch') return 'the network trained from scratch';
  if (trunk.startsWith('finetune-')) return `the fine-tuned ${trunk.slice('finetune-'.length)} trunk`;
  return `the frozen ${trunk} trunk`;
}

/** How trunk `a` compares with trunk `b` at each label count they share, seed by seed. */
export function compareCurves(a: Curve, b: Curve): { readonly labels: number; readonly verdict: Verdict; readonly gain: number }[] {
  return a.points.flatMap((p) => {
    const q = b.points.find((x) => x.labels === p.labels);
    if (!q) return [];
    const g = compareToRandom(p.accuracies, q.accuracies);
    return [{ labels: p.labels, verdict: g.verdict, gain: g.mean }];
  });
}

const count = (n: number) => n.toLocaleString('en-US');

/** "10, 20 and 50". */
function listCounts(ns: readonly number[]): string {
  const words = ns.map(count);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** One sentence about `a` against `b`: where it is better, where the seeds cannot tell them apart, where it is worse. */
export function compareSentence(a: Curve, b: Curve): string {
  const rows = compareCurves(a, b);
  const at = (v: Verdict) => rows.filter((r) => r.verdict === v).map((r) => r.labels);
  const better = at('better');
  const tie = at('tie');
  const worse = at('worse');
  const name = sentenceName(a.trunk);
  const other = sentenceName(b.trunk);
  if (rows.every((r) => r.verdict === 'unknown')) return `With one seed, ${name} and ${other} cannot be told apart from noise at any label count.`;
  const parts: string[] = [];
  // The other trunk is named in the first clause, and "it" after that.
  const them = () => (parts.length === 0 ? other : 'it');
  if (better.length > 0) parts.push(`beats ${them()} at ${listCounts(better)} labels`);
  if (tie.length > 0) parts.push(`ties with ${them()} (within twice the noise between seeds) at ${listCounts(tie)}${parts.length === 0 ? ' labels' : ''}`);
  if (worse.length > 0) parts.push(`${parts.length > 0 ? 'and ' : ''}falls behind ${them()} at ${listCounts(worse)}${parts.length === 0 ? ' labels' : ''}`);
  const sentence = `${name} ${parts.join(', ')}.`;
  return sentence[0].toUpperCase() + sentence.slice(1);
}

/**
 * What the recorded curve shows, as sentences computed from its numbers: each frozen pretext trunk against
 * the random trunk (the honest control) and against training from scratch, and fine-tuned trunks against scratch.
 */
export function curveFindings(report: CurveReport): string[] {
  const find = (t: string) => report.curves.find((c) => c.trunk === t);
  const random = find('random');
  const scratch = find('scratch');
  const out: string[] = [];
  for (const c of report.curves) {
    if (c.trunk === 'random' || c.trunk === 'scratch') continue;
    if (c.trunk.startsWith('finetune-')) {
      if (scratch) out.push(compareSentence(c, scratch));
      continue;
    }
    if (random) out.push(compareSentence(c, random));
    if (scratch) out.push(compareSentence(c, scratch));
  }
  if (random && scratch) out.push(compareSentence(random, scratch));
  return out;
}

const VERDICT_NOUN: Record<Verdict, string> = { better: 'a win', worse: 'a loss', tie: 'a tie', unknown: 'undecided' };

/**
 * Where the probe's verdict against the random trunk changes when the features are scaled globally instead of
 * per feature (recorded at 100 labels or fewer, where 10-100 rows' per-feature statistics are noisy).
 */
export function normalisationFindings(report: CurveReport): string[] {
  const random = report.curves.find((c) => c.trunk === 'random');
  if (!random || report.head !== 'probe') return [];
  const out: string[] = [];
  let checked = 0;
  for (const c of report.curves) {
    if (c.trunk === 'random') continue;
    for (const p of c.points) {
      const q = random.points.find((x) => x.labels === p.labels);
      if (!p.globalScale || !q?.globalScale) continue;
      checked += 1;
      const perFeature = compareToRandom(p.accuracies, q.accuracies).verdict;
      const global = compareToRandom(p.globalScale.accuracies, q.globalScale.accuracies).verdict;
      if (perFeature !== global) {
        out.push(`At ${count(p.labels)} labels, ${sentenceName(c.trunk)} against the random trunk is ${VERDICT_NOUN[perFeature]} ` +
          `with per-feature scaling but ${VERDICT_NOUN[global]} with one global scale: read that verdict as fragile.`);
      }
    }
  }
  if (checked > 0 && out.length === 0) out.push('At 100 labels or fewer every verdict against the random trunk is the same whether the probe scales each feature or all of them together.');
  return out;
}

/** The lecture's head's failed fits, named: those points are no verdict on the trunk. */
export function failedFitFindings(report: CurveReport): string[] {
  return report.curves.flatMap((c) => c.points.flatMap((p) => {
    const failed = (p.failedFits ?? []).flatMap((f, i) => (f ? [`seed ${report.seedList[i]} (${f})`] : []));
    return failed.length > 0 ? [`At ${count(p.labels)} labels the lecture's head failed to fit on ${sentenceName(c.trunk)} for ${failed.join('; ')}: that point measures the recipe, not the features.`] : [];
  }));
}
