/**
 * The leaderboard as a fixed-width table for a terminal, with the verdict of each row in words.
 * Page-safe (no tfjs).
 */
import type { LeaderboardResult } from './leaderboard-types';
import { verdictSentence } from './gain';

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
const pts = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(2)}`;

/** The leaderboard as text: one row per task, then the reference rows, then the verdicts. */
export function formatLeaderboard(result: LeaderboardResult): string {
  const titles = [...result.tasks.map((t) => t.title), ...result.references.map((r) => r.title)];
  const widths = [Math.max(...titles.map((t) => t.length)) + 2, 26, 18, 24];
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('');
  const lines = [
    `instrument: ${result.head === 'probe' ? 'linear probe (converged, L2 by cross-validation)' : "the lecture's head (SGD 0.001, early stopping)"}`,
    `preset ${result.preset}, seeds ${result.seeds.join(', ')}, test set ${result.test} (${result.testCount.toLocaleString('en-US')} images), backend ${result.backend}`,
    `budget: ${result.budget}`,
    '',
    row(['row', 'pretext score (chance)', 'digit acc ± std', 'gain over random ± SE']),
  ];
  const sorted = [...result.tasks].sort((a, b) => b.digitAccuracy.mean - a.digitAccuracy.mean);
  for (const t of sorted) {
    lines.push(row([
      t.title, `${pct(t.pretextScore)} (${pct(t.chanceScore)})`,
      `${pct(t.digitAccuracy.mean)} ± ${(t.digitAccuracy.std * 100).toFixed(2)}`,
      `${pts(t.gainOverRandom.mean)} ± ${(t.gainOverRandom.standardError * 100).toFixed(2)}`,
    ]));
  }
  lines.push('');
  for (const r of result.references) {
    lines.push(row([r.title, '—', `${pct(r.digitAccuracy.mean)} ± ${(r.digitAccuracy.std * 100).toFixed(2)}`, '']));
  }
  lines.push('', ...sorted.map((t) => verdictSentence(t.title, t.gainOverRandom)));
  for (const row of [...result.tasks, ...result.references]) {
    for (const s of row.perSeed) if (s.failedFit) lines.push(`${row.title}, seed ${s.seed}: the head failed to fit (${s.failedFit}); its ${pct(s.digitAccuracy)} is no verdict on the trunk.`);
  }
  lines.push(`pretext scores measure different things per task (${[...new Set(result.tasks.map((t) => t.pretextMetric))].join('; ')}): compare each with its own chance level, not with each other.`);
  return lines.join('\n');
}
