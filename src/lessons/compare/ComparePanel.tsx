/**
 * The comparison. Both models on the same test images, curves overlaid, an honest word on noise, the
 * control the lecture lacks (random frozen features), and the prediction stem plots.
 */
import { useMemo } from 'react';
import { Panel } from '../kit/Panel';
import { SlidePart } from '../kit/SlidePart';
import { StepRef } from '../kit/StepRef';
import { useLab, setConfig, getState } from '../../state/store';
import { evaluateRuns } from '../../state/actions';
import { anyActive, runState, type StepState } from '../../state/lab-state';
import type { EpochRecord } from '../../ml/train/events';
import { StepTrainer } from '../shared/StepTrainer';
import { useCurrentSpecs } from '../shared/useRuns';
import { runColor, runLabel } from '../shared/run-display';
import { TrainingChart } from '../../components/TrainingChart';
import { RUN_COLORS } from '../../components/palette';
import type { ChartRun } from '../../components/chartPoints';
import type { TestSetName } from '../../ml/data/splits';
import { runId, type RunSpec } from '../../ml/experiment/runs';
import { accuracyStandardError } from '../../ml/experiment/statistics';
import { ResultsTable } from './ResultsTable';
import { FinetuneTrainer } from './FinetuneTrainer';
import { StemExplorer } from './StemExplorer';

/** A run's history, or undefined: a reference that changes once per epoch, not once per batch. */
function historyOf(s: StepState): readonly EpochRecord[] | undefined {
  return s.status === 'idle' ? undefined : s.history;
}

function accuracyRuns(runs: readonly { spec: RunSpec; history: readonly EpochRecord[] | undefined }[], key: 'accuracy' | 'valAccuracy'): ChartRun[] {
  return runs
    .filter((r) => r.history !== undefined)
    .map((r) => ({ name: runLabel(r.spec), color: runColor(r.spec, r.spec.task), points: (r.history ?? []).map((e) => ({ x: e.epoch + 1, train: e[key] })) }));
}

function chooseTestSet(testSet: TestSetName): void {
  const config = getState().config;
  setConfig({ ...config, splits: { ...config.splits, testSet } });
}

/** The comparison panel. */
export function ComparePanel() {
  const specs = useCurrentSpecs();
  const self = useLab((s) => historyOf(runState(s, runId(specs.transfer))));
  const supervised = useLab((s) => historyOf(runState(s, runId(specs.scratch))));
  const random = useLab((s) => historyOf(runState(s, runId(specs.random))));
  const finetune = useLab((s) => historyOf(runState(s, runId(specs.finetune))));
  const selfStatus = useLab((s) => runState(s, runId(specs.transfer)).status);
  const supervisedStatus = useLab((s) => runState(s, runId(specs.scratch)).status);
  const runs = useLab((s) => s.runs);
  const anyRunning = useLab(anyActive);
  const evaluation = useLab((s) => s.evaluation);
  const data = useLab((s) => s.data);
  const testSet = useLab((s) => s.config.splits.testSet);
  const seed = useLab((s) => s.config.seed);
  const shown = useMemo(() => [
    { spec: specs.transfer, history: self }, { spec: specs.scratch, history: supervised }, { spec: specs.random, history: random },
    { spec: specs.finetune, history: finetune },
  ], [specs, self, supervised, random, finetune]);
  const trainRuns = useMemo(() => accuracyRuns(shown, 'accuracy'), [shown]);
  const valRuns = useMemo(() => accuracyRuns(shown, 'valAccuracy'), [shown]);
  const ready = selfStatus === 'done' && supervisedStatus === 'done';
  const se300 = accuracyStandardError(0.8, 300) * 100;

  return (
    <Panel id="compare">
      <SlidePart id="results">
      <fieldset className="choice">
        <legend>Test on</legend>
        <label><input type="radio" name="test-set" checked={testSet === 'lecture'} onChange={() => chooseTestSet('lecture')} /> the lecture&apos;s 300 test images</label>
        <label><input type="radio" name="test-set" checked={testSet === 'full'} onChange={() => chooseTestSet('full')} /> all 10,000 test images</label>
      </fieldset>
      <div className="controls">
        <button type="button" className="primary" disabled={!ready || anyRunning || evaluation.status === 'running'} onClick={() => evaluateRuns(testSet)}>
          Evaluate the models on the test set
        </button>
        {!ready && <span className="hint">Train the self-supervised head (<StepRef id="transfer" form="number" />) and the supervised model (<StepRef id="supervised" form="number" />) first.</span>}
        {evaluation.status === 'running' && <span role="status">Evaluating…</span>}
      </div>
      {evaluation.status === 'ready' && (
        <>
          <ResultsTable results={evaluation.runs} runs={runs} seedInView={seed} taskInView={specs.transfer.task} />
          <p className="note study-only">
            <strong>How sure can we be?</strong> An accuracy measured on n images is itself a noisy estimate: its standard error
            is √(p(1−p)/n), about {se300.toFixed(1)} points at 80% on 300 images and 0.4 points on 10,000. The lecture&apos;s
            81.00% against 78.67% (one unseeded run on 300 images) is within that noise. Try the full test set and other
            seeds (<StepRef id="settings" />) before believing a gap of a few points.
          </p>
        </>
      )}
      {trainRuns.length > 0 && (
        <div className="chart-pair">
          <TrainingChart title="Training accuracy, per epoch" metric="accuracy" runs={trainRuns}
            exportName="the comparison's training accuracy chart" file={['compare', 'training accuracy', specs.transfer.task, `seed${seed}`]} />
          <TrainingChart title="Validation accuracy, per epoch" metric="accuracy" runs={valRuns}
            exportName="the comparison's validation accuracy chart" file={['compare', 'validation accuracy', specs.transfer.task, `seed${seed}`]} />
        </div>
      )}
      </SlidePart>
      <SlidePart id="control">
      <h3 className="study-only">The control the lecture lacks: random frozen features</h3>
      <p className="slide-only slide-lead">
        The same frozen architecture with the weights the pretext model <strong>started from</strong>: is it the pretext training that helps, or the frozen convolutions alone?
      </p>
      <p className="study-only">
        Is it the <em>rotation training</em> that helps, or just having a frozen convolutional front end and a small head?
        This model has the same frozen architecture, with exactly the weights the pretext model started from before it
        learned anything. On MNIST a head on random convolutions is already a decent classifier: in our own runs of the
        Quick preset (3 seeds, all 10,000 test images) it scored as well as the rotation features or a little better.
        Train it, compare, and ask what the lecture&apos;s comparison really shows, and what a harder dataset might change.
        Then open the <StepRef id="leaderboard" />: does any pretext task beat this control by more than the noise?
      </p>
      <StepTrainer spec={specs.random} label="random-features control" color={RUN_COLORS.random} testDescription="test images" />
      </SlidePart>
      <SlidePart id="finetune">
      <FinetuneTrainer />
      </SlidePart>
      <SlidePart id="predictions">
      <h3 className="study-only">Predictions, image by image</h3>
      {evaluation.status === 'ready' && data.status === 'ready'
        ? <StemExplorer mnist={data.mnist} startIndex={evaluation.startIndex} labels={evaluation.labels} results={evaluation.runs} specs={specs} />
        : <p className="hint">Evaluate the models to see each one&apos;s ten probabilities for any test image, as stem plots.</p>}
      </SlidePart>
    </Panel>
  );
}
