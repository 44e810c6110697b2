/**
 * The leaderboard: which pretext task teaches the trunk features worth having? The recorded results (every
 * task, several seeds, all test images) load at once; a student can train any row live and see their number
 * join the table. The words under the table say only what the numbers support.
 */
import { useMemo, useState } from 'react';
import { Panel } from '../kit/Panel';
import { SlidePart } from '../kit/SlidePart';
import { StepRef } from '../kit/StepRef';
import { useLab } from '../../state/store';
import { anyActive, runState, type LabState } from '../../state/lab-state';
import { rowRuns, trainRow, type TrainableRow } from '../../state/row-training';
import { runId } from '../../ml/experiment/runs';
import { yourRows, type FinishedRun } from '../../ml/experiment/leaderboard-file';
import { verdictSentence } from '../../ml/experiment/gain';
import { taskById, TASK_IDS } from '../../ml/tasks/registry';
import { lecturePlace } from '../../ml/tasks/lecture-place';
import { formatPercent } from '../../components/format';
import { presetConfig } from '../../ml/config/presets';
import { useRecorded } from '../shared/useRecorded';
import { LeaderboardTable } from './LeaderboardTable';
import { PretextScatter } from './PretextScatter';
import { InstrumentSwitch } from '../shared/InstrumentSwitch';
import { InstrumentTable } from './InstrumentTable';
import { instrumentFindings, rowsAboveUpper } from '../../ml/experiment/instruments';
import type { LeaderboardHead } from '../../ml/experiment/leaderboard-types';

const ROWS: readonly TrainableRow[] = [...TASK_IDS, 'random', 'scratch'];
const PRESET_WORDS: Record<string, string> = { lecture: 'Lecture', quick: 'Quick', smoke: 'Tiny' };

function finishedRuns(runs: LabState['runs']): FinishedRun[] {
  const out: FinishedRun[] = [];
  for (const entry of Object.values(runs)) {
    if (entry.status === 'done' && entry.testAccuracy !== null && entry.origin !== 'pretrained') out.push({ spec: entry.spec, testAccuracy: entry.testAccuracy });
  }
  return out;
}

/** "training the pretext model, 40%" for a row whose runs are under way, else null. */
function rowStatus(state: LabState, row: TrainableRow): string | null {
  const { head, pretext } = rowRuns(row);
  for (const [spec, what] of [[pretext, 'pretext model'], [head, 'head']] as const) {
    if (!spec) continue;
    const s = runState(state, runId(spec));
    if (s.status === 'running' || s.status === 'paused') return `${s.status === 'paused' ? 'paused' : 'training'}: ${what}, ${formatPercent(s.progress.fraction)}`;
  }
  return null;
}

/** "A", "A and B", "A, B and C". */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The leaderboard panel. */
export function LeaderboardPanel() {
  const [head, setHead] = useState<LeaderboardHead>('probe');
  const recorded = useRecorded('leaderboard', head);
  const probeFile = useRecorded('leaderboard', 'probe');
  const lectureFile = useRecorded('leaderboard', 'lecture');
  const both = probeFile.status === 'ready' && lectureFile.status === 'ready' ? { probe: probeFile.result, lecture: lectureFile.result } : null;
  const runs = useLab((s) => s.runs);
  const labels = useLab((s) => s.config.splits.labelledCount);
  const testSet = useLab((s) => s.config.splits.testSet);
  const busy = useLab(anyActive);
  // One string for all rows' live statuses, so the panel re-renders when a percentage changes, not on every batch.
  const statuses = useLab((s) => JSON.stringify(Object.fromEntries(ROWS.map((row) => [row, rowStatus(s, row)]))));
  const statusOf = useMemo(() => {
    const parsed = JSON.parse(statuses) as Record<TrainableRow, string | null>;
    return (row: TrainableRow) => parsed[row] ?? null;
  }, [statuses]);
  // A student's live rows are trained with the lecture's head, so they join the table read by that head only.
  const allYours = useMemo(() => yourRows(finishedRuns(runs), labels), [runs, labels]);
  const yours = head === 'lecture' ? allYours : [];
  const result = recorded.status === 'ready' ? recorded.result : null;
  const winners = [...(result?.tasks.filter((t) => t.gainOverRandom.verdict === 'better') ?? [])].sort((a, b) => b.gainOverRandom.mean - a.gainOverRandom.mean);
  const judged = result?.tasks.filter((t) => t.gainOverRandom.verdict !== 'unknown') ?? [];
  const aboveUpper = result ? rowsAboveUpper(result) : [];
  // The upper-bound trunk trains 4 passes over the labelled images per pretext epoch (leaderboard.ts).
  const labelPasses = result ? 4 * presetConfig(result.preset).pretext.epochs : 0;

  return (
    <Panel id="leaderboard">
      <SlidePart id="table">
      <p className="slide-only slide-lead">
        The same trunk, images and budget for every task: only the pretext task differs. Each frozen trunk is read from {labels.toLocaleString('en-US')} labels.
      </p>
      <p className="study-only">
        Every pretext task trains the <em>same</em> trunk on the <em>same</em> unlabelled images with the same budget; then the
        same instrument reads the digit off each frozen trunk from the same {labels.toLocaleString('en-US')} labels, as the head
        of <StepRef id="transfer" /> does. Only the trunk differs from row to row. Three reference rows frame the answer: the
        <strong> random</strong> frozen trunk (the floor: features nobody trained), the network trained <strong>from scratch</strong> on the
        labels, and a trunk trained on the digit labels of the very images the pretext tasks see, then frozen: an <strong>upper bound</strong> where no task row beats it.
      </p>
      <p className="study-only">
        What reads the digit off a frozen trunk is itself an instrument. The lab&apos;s is a <strong>linear probe</strong>, as the
        self-supervised literature measures features (Kolesnikov, Zhai &amp; Beyer 2019; Goyal et al. 2019): the features are standardised,
        its penalty is chosen by cross-validation on the labelled digits alone, and it trains until it has converged, so two runs on the
        same features agree. The lecture&apos;s head is kept beside it: switch to see which verdicts survive the better instrument.
      </p>
      <InstrumentSwitch name="leaderboard-instrument" value={head} onChange={setHead} />
      {recorded.status === 'loading' && <p role="status">Loading the recorded leaderboard…</p>}
      {recorded.status === 'missing' && <p className="hint">No recorded leaderboard ships with this copy of the app (<code>npm run leaderboard -- --json public/pretrained/leaderboard.json</code> records one). Train rows live below.</p>}
      {recorded.status === 'failed' && <p role="alert">The recorded leaderboard could not be read: {recorded.message}. Your own rows still work.</p>}
      {result && (
        <p className="note study-only">
          <strong>Recorded</strong> on {new Date(result.recordedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })} with
          the {PRESET_WORDS[result.preset] ?? result.preset} preset, seed{result.seeds.length === 1 ? '' : 's'} {result.seeds.join(', ')}, on {result.testCount.toLocaleString('en-US')} test
          images ({result.backend.toUpperCase()} in Node, <code>npm run leaderboard</code>). Budget: {result.budget}.
        </p>
      )}
      <LeaderboardTable recorded={result} yours={yours} busy={busy} onTrain={trainRow} statusOf={statusOf} upperIsBound={aboveUpper.length === 0} />
      {head === 'probe' && allYours.length > 0 && <p className="hint">Your live rows were read by the lecture&apos;s head: switch the instrument above to see them beside its recording.</p>}
      </SlidePart>
      {result && (
        <div className="leaderboard-words">
          <SlidePart id="verdicts">
          <h3 className="study-only">What the data shows</h3>
          <p>
            {judged.length === 0
              ? 'With one seed per row there is no spread between seeds to judge a gain by: run more seeds before calling any row a winner.'
              : winners.length === 0
                ? 'No pretext task beats the random frozen trunk by more than twice the noise between seeds. On MNIST, with this small trunk and a head on frozen features, random convolutions are already good features; solving these pretext tasks did not make them measurably better.'
                : `${listWords(winners.map((t) => t.title))} beat${winners.length === 1 ? 's' : ''} the random frozen trunk by more than twice the noise between seeds.`}
            {' '}A row wins only when its mean gain is more than twice its combined standard error; anything less is a tie, however the means are ordered.
          </p>
          {aboveUpper.length > 0 && result.head !== 'probe' && (
            <p>
              {listWords(aboveUpper)} even score{aboveUpper.length === 1 ? 's' : ''} above the trunk trained on the digit labels
              of the same images. That reference saw each image with its label {labelPasses} times; {aboveUpper.length === 1 ? 'this task' : 'these tasks'} saw
              new variations of the images instead, which labels alone do not give. So the row is renamed a &ldquo;reference&rdquo;: here it means
              &ldquo;what labels buy with the same budget&rdquo;, not a limit.
            </p>
          )}
          {aboveUpper.length > 0 && result.head === 'probe' && (
            <p>
              {listWords(aboveUpper)} score{aboveUpper.length === 1 ? 's' : ''} above even the trunk trained to convergence on the digit labels, so that
              row is called a reference, not a bound. A trunk trained to classify digits keeps what separates <em>its</em> training digits and may drop
              the rest; the probe then learns a new head from 1,000 labels on those features, and a trunk taught to keep every image apart from
              its neighbours (contrastive) can hand it richer ones.
            </p>
          )}
          <ul>{[...result.tasks].sort((a, b) => b.gainOverRandom.mean - a.gainOverRandom.mean).map((t) => <li key={t.id}>{verdictSentence(t.title, t.gainOverRandom)}</li>)}</ul>
          </SlidePart>
          {both && (
            <SlidePart id="instruments">
              <h3 className="study-only">The two instruments side by side</h3>
              <InstrumentTable probe={both.probe} lecture={both.lecture} />
              <ul>{instrumentFindings(both.probe, both.lecture).map((f) => <li key={f}>{f}</li>)}</ul>
              <p className="hint study-only">
                Why they can disagree: the lecture&apos;s head trains the trunk&apos;s raw-scale features (in the hundreds for 0–255 pixels) with one
                small learning rate and stops when training accuracy stalls, so a trunk whose features are large or unevenly scaled can look bad
                through no fault of what it encodes. The probe puts every feature on one scale and trains to the end.
              </p>
            </SlidePart>
          )}
          <SlidePart id="scatter">
          <PretextScatter result={result} />
          <p className="hint">
            Solving the pretext task well is not the same as learning useful features: a task can be almost solved (far right) and still
            leave the digit head no better off (low), because the cues that solve it (a stroke&apos;s colour, where the ink is) need no idea
            of what a digit is.
          </p>
          </SlidePart>
        </div>
      )}
      <h3 className="study-only">Add your own rows</h3>
      <p className="study-only">
        &ldquo;Train live&rdquo; trains a row with the current settings (<StepRef id="settings" />): the task&apos;s pretext model, then the head on
        its frozen trunk. Your numbers join the table as <span className="tag">yours</span>, measured on {testSet === 'full' ? 'all 10,000' : "the lecture's 300"} test
        images; train the random control with the same seed so your gain is paired seed by seed.
      </p>
      <details className="study-only">
        <summary>The papers behind the rows</summary>
        <ul>
          {TASK_IDS.map((id) => {
            const t = taskById(id);
            return <li key={id}><strong>{t.title}</strong> ({lecturePlace(t)}): {t.paper.authors} ({t.paper.year}), <cite>{t.paper.title}</cite>, {t.paper.venue}.</li>;
          })}
        </ul>
      </details>
    </Panel>
  );
}
