/**
 * The live probe of the pretext run in view (store-connected): digit accuracy of a linear probe on the trunk's
 * features at epoch 0 and after every epoch, with chance marked, drawn beside the loss and pretext score.
 */
import { useMemo } from 'react';
import { useLab } from '../../state/store';
import { TrainingChart } from '../../components/TrainingChart';
import { RUN_COLORS } from '../../components/palette';
import { formatPercent } from '../../components/format';
import type { ProbeReading } from '../../ml/features/live-probe';
import { runId, type RunSpec } from '../../ml/experiment/runs';
import { CHANCE_ACCURACY, describeProbeLine, probePoints, probedTestDigits } from './probe-line';

/** The chart's title, also the start of its accessible name. */
export const PROBE_CHART_TITLE = 'Digit accuracy of a linear probe on these features';

const NONE: readonly ProbeReading[] = [];

/** The probe line of `spec`'s run, or nothing before its first reading; `epochs` fixes the x axis. */
export function ProbeChart({ spec, epochs }: { readonly spec: RunSpec; readonly epochs: number }) {
  const readings = useLab((s) => s.probes[runId(spec)] ?? NONE);
  // The legend shows the latest reading; naming the untrained trunk's beside it lets a lecturer read out the rise.
  const runs = useMemo(() => {
    const start = readings.length > 1 ? ` · epoch 0 ${formatPercent(readings[0].accuracy, 1)}, latest` : '';
    return [{ name: `linear probe, test digits${start}`, color: RUN_COLORS.transfer, points: probePoints(readings) }];
  }, [readings]);
  const description = useMemo(() => describeProbeLine(PROBE_CHART_TITLE, readings), [readings]);
  if (readings.length === 0) return null;
  return (
    <TrainingChart
      title={PROBE_CHART_TITLE} metric="accuracy" runs={runs} xMax={epochs} description={description}
      exportName="the live probe chart" file={['probe accuracy', spec.task, `seed${spec.seed}`]}
      reference={{ y: CHANCE_ACCURACY, label: `chance ${formatPercent(CHANCE_ACCURACY)}` }}
    />
  );
}

/** What the probe line measures and how, in a sentence, with the numbers of the run in view (once it has a reading). */
export function ProbeExplanation({ spec }: { readonly spec: RunSpec }) {
  const readings = useLab((s) => s.probes[runId(spec)] ?? NONE);
  const testSet = useLab((s) => s.config.splits.testSet);
  const last = readings.length > 0 ? readings[readings.length - 1] : null;
  if (last === null) return null;
  return (
    <p className="hint">
      <strong>The digit probe.</strong> Before the first epoch, on the untrained trunk, and after each epoch, the worker freezes the trunk and
      fits a linear classifier on the 288 features it gives the {last.labelled.toLocaleString('en-US')} labelled digits (its penalty chosen by
      cross-validation on those digits alone, then fitted until it converges) and scores it on {probedTestDigits(testSet, last.tested)}: the
      yardstick papers use to compare what self-supervised features carry (Kolesnikov, Zhai &amp; Beyer 2019; Goyal et al. 2019), so the rise
      above epoch 0 is what the pretext task taught.{' '}
      Only block 2 is probed live: block 1&apos;s 3,136 features would cost about ten times as much after every epoch. The last reading paused
      training for {(last.ms / 1000).toFixed(1)} s; to train without the probe (on a slow laptop), add <code>probe=off</code> to the address.
    </p>
  );
}
