/**
 * An honest time estimate for a training step before it starts: the number of training images it will
 * process, divided by the speed measured on this machine (or, before anything has trained, a rough figure for
 * the backend in use, labelled as a guess).
 */
import { useLab } from '../../state/store';
import type { LabState } from '../../state/lab-state';
import { settingsFor, type RunSpec } from '../../ml/experiment/runs';
import { trainRowCount } from '../../ml/train/trainer-rows';
import { taskById } from '../../ml/tasks/registry';
import { formatDuration, formatThousands } from '../../components/format';

/**
 * Rough pretext-model training speeds (images/s) per backend on a 2-core laptop-class CPU (docs/architecture.md's
 * measured speeds; `npm run bench` measures a machine's own). Each is a little under what was measured, as a
 * guess should be until this machine has trained something.
 */
const NOMINAL: Record<string, number> = { 'webgpu-hardware': 3000, 'webgpu-software': 10, 'webgl-hardware': 3000, 'webgl-software': 127, wasm: 3000, cpu: 10 };

function measuredRate(state: LabState): number | null {
  const runs = Object.values(state.runs);
  for (const s of runs) {
    if (s.status === 'running' && s.progress.imagesPerSecond > 0) return s.progress.imagesPerSecond;
  }
  const pretext = runs.find((s) => s.spec.use === 'pretext' && s.status === 'done' && s.imagesPerSecond > 0);
  return pretext?.status === 'done' ? pretext.imagesPerSecond : null;
}

/** Images a run will train on in total (all epochs), under the current settings. */
export function trainingImages(state: LabState, spec: RunSpec): number {
  const c = state.config;
  const settings = settingsFor(spec.use, c);
  const rows = spec.use === 'pretext' ? c.splits.pretextCount * taskById(spec.task).examplesPerImage : c.splits.labelledCount;
  return trainRowCount(rows, settings.validationSplit) * settings.epochs;
}

/** Props of {@link TimeEstimate}. */
export interface TimeEstimateProps {
  readonly spec: RunSpec;
}

/** A one-line estimate of how long the run will take here. */
export function TimeEstimate({ spec }: TimeEstimateProps) {
  const images = useLab((s) => trainingImages(s, spec));
  const measured = useLab(measuredRate);
  const backend = useLab((s) => (s.engine.status === 'ready' ? s.engine.backend : null));
  const preset = useLab((s) => s.config.preset);
  if (!backend) return null;
  const gpu = backend.name === 'webgl' || backend.name === 'webgpu';
  const key = gpu ? `${backend.name}-${backend.softwareRenderer ? 'software' : 'hardware'}` : backend.name;
  const rate = measured ?? NOMINAL[key];
  return (
    <p className="estimate" role="note">
      {preset === 'lecture' ? 'The lecture protocol: ' : ''}
      {formatThousands(images)} training images in all. On {backend.name} that takes about{' '}
      <strong>{formatDuration(images / rate)}</strong>{' '}
      {measured ? `(at the ${formatThousands(Math.round(measured))} images/s measured here).` : `(a rough guess for ${backend.name} until something has trained here).`}
    </p>
  );
}
