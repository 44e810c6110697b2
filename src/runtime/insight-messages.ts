/**
 * The part of the page-engine conversation that asks what a network learned: live label-efficiency sweeps
 * and block-by-block probes. Kept in its own file (and nested under one `insight` command and one `insight`
 * event in messages.ts) so the rest of the engine's vocabulary is untouched by it.
 */
import type { ExperimentConfig } from '../ml/config/presets';
import type { RunId } from '../ml/experiment/runs';
import type { SweepEnd } from '../ml/experiment/sweep';
import type { SweepPoint, SweepRequest } from '../ml/experiment/sweep-request';
import type { ProbeRow } from '../ml/features/probe-trunk';

/** A trunk to probe: a model the engine holds (a pretext model, or a digit classifier), or a random one. */
export type ProbeSource =
  | { readonly kind: 'run'; readonly run: RunId }
  | { readonly kind: 'random'; readonly seed: number };

/** Commands about insight. */
export type InsightCommand =
  | { readonly type: 'sweep'; readonly request: SweepRequest; readonly config: ExperimentConfig }
  | { readonly type: 'stopSweep' }
  | { readonly type: 'probe'; readonly sources: readonly ProbeSource[]; readonly config: ExperimentConfig };

/** Events about insight. `setting` names the refused setting when a request was refused. */
export type InsightEvent =
  | { readonly type: 'sweepStarted'; readonly total: number }
  | { readonly type: 'sweepProgress'; readonly done: number; readonly total: number; readonly elapsedMs: number; readonly message: string }
  | { readonly type: 'sweepPoint'; readonly point: SweepPoint }
  | { readonly type: 'sweepEnded'; readonly end: SweepEnd | 'failed'; readonly elapsedMs: number; readonly message?: string; readonly setting?: string }
  | { readonly type: 'probeStarted'; readonly trunks: readonly string[]; readonly trainCount: number; readonly testCount: number }
  | { readonly type: 'probeRow'; readonly trunk: string; readonly row: ProbeRow }
  | { readonly type: 'probeEnded'; readonly ok: boolean; readonly message?: string };

/** The key a probe source is shown under: its run id, or `random.s1`. */
export function probeKey(source: ProbeSource): string {
  return source.kind === 'run' ? source.run : `random.s${source.seed}`;
}
