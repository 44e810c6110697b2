/**
 * How many labels? The label-efficiency curve: test accuracy against the number of labelled digits, for the
 * trunks the lecture compares (and the control it lacks). The recorded curve (several seeds, all test images)
 * loads at once; the words under it are computed from its numbers. A student can sweep the trunks they have
 * live in the worker, and probe each trunk block by block.
 */
import { useMemo, useState } from 'react';
import { Panel } from '../kit/Panel';
import { SlidePart, useSlidePart } from '../kit/SlidePart';
import { StepRef } from '../kit/StepRef';
import { useInsight } from '../../state/insight';
import { curveFindings, curveTrunkTitle, failedFitFindings, normalisationFindings } from '../../ml/experiment/curve-file';
import { InstrumentSwitch } from '../shared/InstrumentSwitch';
import type { LeaderboardHead } from '../../ml/experiment/leaderboard-types';
import { sweepCurves } from '../../ml/experiment/sweep-request';
import { FINETUNE_LR_FACTOR } from '../../ml/experiment/runs';
import { useRecorded } from '../shared/useRecorded';
import { CurveChart, trunkColor, type DrawnCurve } from './CurveChart';
import { SweepForm, sweepTrunkName } from './SweepForm';
import { ProbeSection } from './ProbeSection';
import { PretrainedOffer } from '../shared/PretrainedOffer';
import { useCurrentSpecs } from '../shared/useRuns';
import './curve.css';

const PRESET_WORDS: Record<string, string> = { lecture: 'Lecture', quick: 'Quick', smoke: 'Tiny' };
type Tab = 'curve' | 'probes';

/** The curve panel. */
export function CurvePanel() {
  const [head, setHead] = useState<LeaderboardHead>('probe');
  const recorded = useRecorded('curve', head);
  const specs = useCurrentSpecs();
  const [chosenTab, setTab] = useState<Tab>('curve');
  // On a slide the part decides the tab: the probes have a slide of their own.
  const part = useSlidePart();
  const tab: Tab = part === null ? chosenTab : part === 'probes' ? 'probes' : 'curve';
  const points = useInsight((s) => (s.sweep.status === 'idle' ? null : s.sweep.points));
  const sweepHead = useInsight((s) => (s.sweep.status === 'idle' ? null : s.sweep.request.head));
  const result = recorded.status === 'ready' ? recorded.result : null;
  const drawn = useMemo<DrawnCurve[]>(() => {
    // A point where the lecture's head failed to fit on some seed is about the recipe, not the trunk: it is left
    // out of the line and named in the words below instead.
    const shipped = (result?.curves ?? []).map((c, i) => ({
      key: `rec-${c.trunk}`, name: curveTrunkTitle(c.trunk), color: trunkColor(c.trunk, i), dashed: false,
      points: c.points.filter((p) => !(p.failedFits ?? []).some((f) => f !== null)),
    }));
    // A frozen trunk of the sweep is drawn only over the recording read by the same instrument; networks trained
    // through every layer have no instrument and are drawn under either.
    const through = (trunk: string) => trunk.startsWith('finetune') || trunk === 'scratch';
    const live = sweepCurves(points ?? []).filter((c) => through(c.trunk) || sweepHead === head).map((c, i) => ({
      key: `live-${c.trunk}`, name: `yours: ${sweepTrunkName(c.trunk)}${through(c.trunk) ? '' : sweepHead === 'probe' ? ' (linear probe)' : " (lecture's head)"}`, color: trunkColor(c.trunk.replace(/^finetune:/, 'finetune-'), i + 3), dashed: true, points: c.points,
    }));
    return [...shipped, ...live];
  }, [result, points, sweepHead, head]);
  const findings = result ? curveFindings(result) : [];
  // The checks of the instrument itself (a second normalisation, heads that failed to fit) stay on the study page.
  const instrumentChecks = result ? [...normalisationFindings(result), ...failedFitFindings(result)] : [];
  const balancedUpTo = result?.balancedUpTo ?? 100;
  const span = result ? `${result.labels[0].toLocaleString('en-US')} labelled digits up to ${result.labels[result.labels.length - 1].toLocaleString('en-US')}` : 'a handful of labelled digits up to thousands';

  return (
    <Panel id="curve">
      <SlidePart id="curve">
        <p className="slide-only slide-lead">
          Test accuracy against the number of labelled digits: a trunk whose curve sits <strong>higher on the left</strong> needs fewer labels.
        </p>
      </SlidePart>
      <p className="study-only">
        Self-supervision is meant to pay off when labels are scarce, so one accuracy at 1,000 labels cannot show it. Here the same
        instrument reads each frozen trunk, and the same network trains from scratch, from {span}, several times with different seeds. A trunk whose curve
        sits higher on the left needs fewer labels for the same accuracy. Read each band as the spread between seeds: where two bands
        overlap, the seeds cannot tell the trunks apart. Frozen trunks are read by the lab&apos;s linear probe (standardised features,
        penalty chosen by cross-validation on the labels alone, trained to convergence; Kolesnikov, Zhai &amp; Beyer 2019) or by the
        lecture&apos;s own head, whose recipe (raw-scale features, SGD 0.001, early stopping) sometimes fails to fit at all.
      </p>
      <SlidePart id="curve"><InstrumentSwitch name="curve-instrument" value={head} onChange={setHead} /></SlidePart>
      <div role="tablist" aria-label="Curve or probes" className="curve-tabs study-only">
        <button type="button" role="tab" id="curve-tab-curve" aria-selected={tab === 'curve'} aria-controls="curve-tabpanel-curve" onClick={() => setTab('curve')}>Label-efficiency curve</button>
        <button type="button" role="tab" id="curve-tab-probes" aria-selected={tab === 'probes'} aria-controls="curve-tabpanel-probes" onClick={() => setTab('probes')}>Probes, block by block</button>
      </div>
      <div role="tabpanel" id="curve-tabpanel-curve" aria-labelledby="curve-tab-curve" hidden={tab !== 'curve'}>
        {recorded.status === 'loading' && <p role="status">Loading the recorded curve…</p>}
        {recorded.status === 'missing' && <p className="hint">No recorded curve ships with this copy of the app (<code>npm run curve -- --json public/pretrained/curve.json</code> records one). Sweep live below.</p>}
        {recorded.status === 'failed' && <p role="alert">The recorded curve could not be read: {recorded.message}. Your own sweep still works.</p>}
        {result && (
          <p className="note study-only">
            <strong>Recorded</strong> on {new Date(result.recordedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })} with
            the {PRESET_WORDS[result.preset] ?? result.preset} preset, seed{result.seedList.length === 1 ? '' : 's'} {result.seedList.join(', ')}, on
            all {result.testCount.toLocaleString('en-US')} test images ({result.backend.toUpperCase()} in Node, <code>npm run curve</code>). The labelled
            digits are training images {result.labelPool.start.toLocaleString('en-US')}–{(result.labelPool.start + result.labelPool.size - 1).toLocaleString('en-US')},
            never the pretext images or the test set; up to {balancedUpTo} labels are drawn balanced ({balancedUpTo / 10} of each digit at most), larger counts are the first N in order.
          </p>
        )}
        {result && (
          <details className="hint study-only">
            <summary>How it was recorded</summary>
            <p><code>{result.command}</code></p>
            {result.note && <p>{result.note}</p>}
          </details>
        )}
        <SlidePart id="curve">
        {drawn.length > 0 && <CurveChart curves={drawn} file={['label efficiency curve', head, result?.recordedAt.slice(0, 10)]} caption={`Test accuracy against labelled digits (mean over seeds, band ± 1 standard deviation; dashed: your sweep)${result?.curves.some((c) => c.points.some((p) => p.failedFits)) ? '; points where the head failed to fit are left out' : ''}`} />}
        </SlidePart>
        <SlidePart id="findings">
        {result && (
          <div className="curve-words">
            <h3 className="study-only">What to look for, and what the data shows</h3>
            <p className="study-only">
              Look left: at 10-100 labels a good trunk should lift the curve well above training from scratch. Then look at the grey
              random trunk: features nobody trained. A pretext task has taught something only where its curve clears the random
              one by more than the noise.
            </p>
            <ul>{findings.map((f) => <li key={f}>{f}</li>)}</ul>
            {instrumentChecks.length > 0 && <ul className="study-only">{instrumentChecks.map((f) => <li key={f}>{f}</li>)}</ul>}
          </div>
        )}
        </SlidePart>
        <SlidePart id="sweep">
        <h3 className="study-only">Sweep the trunks you have</h3>
        <p className="study-only">
          Choose trunks, label counts and seeds; the worker trains every point and draws your curve dashed over the recorded one, with
          the settings in <StepRef id="settings" />. Frozen trunks are fast: their features are computed once and each head trains on
          them. <strong>Fine-tuned</strong> starts from the pretext trunk and lets every layer keep learning with a learning rate {1 / FINETUNE_LR_FACTOR} times
          smaller than the supervised network&apos;s, so the new head&apos;s first random gradients cannot wash out what the pretext task
          taught; it and <em>from scratch</em> train every layer and take much longer.
        </p>
        <PretrainedOffer spec={{ ...specs.pretext, task: 'rotation', seed: 1 }} />
        <SweepForm head={head} />
        </SlidePart>
      </div>
      <div role="tabpanel" id="curve-tabpanel-probes" aria-labelledby="curve-tab-probes" hidden={tab !== 'probes'}>
        <PretrainedOffer spec={{ ...specs.pretext, task: 'rotation', seed: 1 }} />
        <ProbeSection />
      </div>
    </Panel>
  );
}
