/**
 * Longer pretext training, better features? The recorded study (`public/pretrained/pretext-length.json`,
 * written by `npm run pretext-length`): each task trained for the Lecture preset's 50 epochs over several
 * seeds, its frozen trunk read by the linear probe at a few epochs from 0 (the untrained trunk). One task's line
 * is drawn at a time, with every reading in a table below; the findings are computed from the numbers.
 */
import { useState } from 'react';
import { Panel } from '../kit/Panel';
import { SlidePart } from '../kit/SlidePart';
import { StepRef } from '../kit/StepRef';
import { PRETEXT_LENGTH_FILE } from '../../ml/experiment/pretext-length-file';
import { overallFindings, taskFindings } from '../../ml/experiment/pretext-length-words';
import type { PretextLengthResult } from '../../ml/experiment/pretext-length-types';
import type { TaskId } from '../../ml/tasks/registry';
import { useRecorded } from '../shared/useRecorded';
import { PretextLengthChart } from './PretextLengthChart';
import { ReadingsTable } from './ReadingsTable';
import './pretext-length.css';

const PRESET_WORDS: Record<string, string> = { lecture: 'Lecture', quick: 'Quick', smoke: 'Tiny' };
const RECORD_COMMAND = `npm run pretext-length -- --json public/pretrained/${PRETEXT_LENGTH_FILE}`;

/** Which task's line is drawn: the student's choice, or the file's first task. */
function TaskChoice({ result, shown, onShow }: { readonly result: PretextLengthResult; readonly shown: TaskId; readonly onShow: (id: TaskId) => void }) {
  return (
    <fieldset className="choice length-tasks">
      <legend>Task shown</legend>
      {result.tasks.map((t) => (
        <label key={t.id}>
          <input type="radio" name="pretext-length-task" value={t.id} checked={shown === t.id} onChange={() => onShow(t.id)} /> {t.title}
        </label>
      ))}
    </fieldset>
  );
}

function Recording({ result }: { readonly result: PretextLengthResult }) {
  const seeds = result.seedList;
  return (
    <>
      <p className="note study-only">
        <strong>Recorded</strong> on {new Date(result.recordedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })} with
        the {PRESET_WORDS[result.preset] ?? result.preset} preset&apos;s pretext budget, seed{seeds.length === 1 ? '' : 's'} {seeds.join(', ')}, probed
        at epochs {result.epochs.join(', ')} on {result.testCount.toLocaleString('en-US')} test digits ({result.backend.toUpperCase()} in Node).
      </p>
      <details className="hint study-only">
        <summary>How it was recorded</summary>
        {result.commands.map((c) => <p key={c}><code>{c}</code></p>)}
      </details>
    </>
  );
}

/** The pretext-length panel. */
export function PretextLengthPanel() {
  const recorded = useRecorded('pretext-length');
  const [choice, setChoice] = useState<TaskId | null>(null);
  const result = recorded.status === 'ready' ? recorded.result : null;
  const task = result ? result.tasks.find((t) => t.id === choice) ?? result.tasks[0] : null;

  return (
    <Panel id="pretext-length">
      <p className="slide-only slide-lead">
        The same trunk read by the probe at epochs 0 to 50 of pretext training: does <strong>longer</strong> pretext training give better digit features?
      </p>
      <p className="study-only">
        The lecture trains its pretext task for 50 epochs. Do the last 45 teach the trunk anything a digit classifier can use? Here each task
        was trained that long with several seeds, and at a few epochs along the way its trunk was frozen and read by the same linear probe
        that draws the live line in <StepRef id="pretext" />. Epoch 0 is each seed&apos;s untrained trunk: the floor a task has to clear.
        Watch the two axes part company: a pretext score that keeps climbing while digit accuracy stalls means the network is getting
        better at its puzzle in ways the digits do not need.
      </p>
      {recorded.status === 'loading' && <p role="status">Loading the recorded study…</p>}
      {recorded.status === 'missing' && (
        <p className="hint" role="status">
          <strong>Not recorded yet.</strong> This copy of the app has no pretext-length study: <code>{RECORD_COMMAND}</code> records one (about
          an hour on two cores). Meanwhile, train a pretext model in <StepRef id="pretext" /> and watch one seed&apos;s line live.
        </p>
      )}
      {recorded.status === 'failed' && <p role="alert">The recorded study could not be read: {recorded.message}.</p>}
      {result && task && (
        <>
          <Recording result={result} />
          <SlidePart id="chart">
            <TaskChoice result={result} shown={task.id} onShow={setChoice} />
            <PretextLengthChart task={task} />
          </SlidePart>
          <div className="study-only"><ReadingsTable result={result} task={task} /></div>
          <SlidePart id="findings">
          <div className="curve-words">
            <h3 className="study-only">What the data shows</h3>
            <p className="study-only">
              A difference counts only when it is more than twice its noise between seeds, the rule of <StepRef id="leaderboard" />; each
              reading is compared with the same seeds&apos; untrained trunk and best epoch.
            </p>
            <ul>
              {result.tasks.map((t) => <li key={t.id}>{taskFindings(t)}</li>)}
              {overallFindings(result).map((f) => <li key={f}>{f}</li>)}
            </ul>
          </div>
          </SlidePart>
        </>
      )}
    </Panel>
  );
}
