/**
 * The live probe line as data and words, kept pure so it is tested in Node: the chart's points, the sentence a
 * screen reader hears (the numbers, not "a chart"), and which test digits the probe scored.
 */
import type { ChartPoint } from '../../components/chartPoints';
import { formatPercent } from '../../components/format';
import type { TestSetName } from '../../ml/data/splits';
import type { ProbeReading } from '../../ml/features/live-probe';

/** A digit guessed at random: one in ten. */
export const CHANCE_ACCURACY = 0.1;

/** Up to this many readings are read out one by one; a longer line is read as its start, best and latest. */
const READ_ALL_UP_TO = 11;

/** The chart's points: x is the epochs done (0 = the untrained trunk). */
export function probePoints(readings: readonly ProbeReading[]): ChartPoint[] {
  return readings.map((r) => ({ x: r.epoch, train: r.accuracy }));
}

const pct = (v: number) => formatPercent(v, 1);
const at = (r: ProbeReading) => (r.epoch === 0 ? 'epoch 0 (the untrained trunk)' : `after epoch ${r.epoch}`);

/** The line in a sentence, with its numbers and the chance level. */
export function describeProbeLine(title: string, readings: readonly ProbeReading[]): string {
  const chance = `chance is ${formatPercent(CHANCE_ACCURACY)}`;
  if (readings.length === 0) return `${title}: no reading yet; ${chance}.`;
  if (readings.length <= READ_ALL_UP_TO) return `${title}: ${readings.map((r) => `${at(r)} ${pct(r.accuracy)}`).join(', ')}; ${chance}.`;
  const first = readings[0];
  const last = readings[readings.length - 1];
  const best = readings.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
  return `${title}: ${at(first)} ${pct(first.accuracy)}, ${at(last)} ${pct(last.accuracy)}, best ${pct(best.accuracy)} ${at(best)}; ${chance}.`;
}

/** Which test digits the probe was scored on, e.g. "the lecture's 300 test digits". */
export function probedTestDigits(testSet: TestSetName, tested: number): string {
  const n = tested.toLocaleString('en-US');
  return testSet === 'lecture' ? `the lecture's ${n} test digits` : `the first ${n} of the 10,000 test digits`;
}
