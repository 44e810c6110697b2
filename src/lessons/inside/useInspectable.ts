/**
 * The models this lesson can look inside: every run the page holds with finished weights, in display order,
 * pretext models first. A stable list: it changes when a run finishes or is loaded, not on every batch.
 */
import { useMemo } from 'react';
import { getState, useLab } from '../../state/store';
import { runId, type RunId, type RunSpec } from '../../ml/experiment/runs';
import { compareRuns, runLabel } from '../shared/run-display';

/** A model to look inside. */
export interface Inspectable {
  readonly id: RunId;
  readonly spec: RunSpec;
  readonly label: string;
  /** Changes whenever the run's weights do: a key for re-asking the engine. */
  readonly version: string;
}

/** The finished runs, pretext models first, then the digit classifiers in the app's usual order. */
export function useInspectable(): readonly Inspectable[] {
  // Each entry names the weights too (where they came from, what they scored), so loading other weights into
  // a run counts as a change and the tabs ask again.
  const key = useLab((s) => Object.values(s.runs).flatMap((r) => (r.status === 'done' ? [`${runId(r.spec)}|${r.origin}|${r.testAccuracy ?? ''}|${r.result.epochsRun}`] : [])).sort().join(' '));
  return useMemo(() => {
    // Read once per change of `key`: the runs object itself changes on every training batch.
    const { runs } = getState();
    const entries = key === '' ? [] : key.split(' ').map((version) => ({ version, spec: runs[version.split('|')[0]].spec }));
    return entries
      .sort((a, b) => (a.spec.use === 'pretext' ? 0 : 1) - (b.spec.use === 'pretext' ? 0 : 1) || compareRuns(a.spec, b.spec))
      .map(({ spec, version }) => ({ id: runId(spec), spec, label: runLabel(spec), version }));
  }, [key]);
}

/** A run picker's label for a trunk: what it is, and what its first layer has been through. */
export function trunkStory(spec: RunSpec): string {
  switch (spec.use) {
    case 'pretext': return 'trained on the pretext task';
    case 'transfer': return 'copied from the pretext model, then frozen';
    case 'scratch': return 'trained on the digit labels';
    case 'random': return 'never trained: frozen at its random start';
    case 'finetune': return 'copied from the pretext model, then trained further on the digit labels';
  }
}
