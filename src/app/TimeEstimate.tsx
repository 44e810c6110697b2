/**
 * An honest time estimate for a training step before it starts: the number of training images it will
 * process, divided by the speed measured on this machine (or, before anything has trained, a rough figure for
 * the backend in use, labelled as a guess).
 */
import { useLab } from '../state/store';
import type { LabState } from '../state/lab-state';
import type { StepName } from '../runtime/messages';
import { formatDuration, formatThousands } from '../components/format';

/** Rough pretext-model training speeds (images/s) per backend, measured on a 2-core laptop-class CPU. */
const NOMINAL: Record<string, number> = { 'webgpu-hardware': 3000, 'webgpu-software': 10, 'webgl-hardware': 3000, 'webgl-software': 127, wasm: 1500, cpu: 10 };

function measuredRate(state: LabState): number | null {
  for (const s of Object.values(state.steps)) {
    if (s.status === 'running' && s.progress.imagesPerSecond > 0) return s.progress.imagesPerSecond;
  }
  const pretext = state.steps.pretext;
  return pretext.status === 'done' && pretext.imagesPerSecond > 0 ? pretext.imagesPerSecond : null;
}

/** Images a step will train on in total (all epochs). */
export function trainingImages(state: LabState, step: StepName): number {
  const c = state.config;
  if (step === 'pretext') return c.splits.pretextCount * 4 * c.pretext.epochs;
  const s = step === 'supervised' ? c.supervised : c.downstream;
  return Math.floor(c.splits.labelledCount * (1 - s.validationSplit)) * s.epochs;
}

/** Props of {@link TimeEstimate}. */
export interface TimeEstimateProps {
  readonly step: StepName;
}

/** A one-line estimate of how long the step will take here. */
export function TimeEstimate({ step }: TimeEstimateProps) {
  const images = useLab((s) => trainingImages(s, step));
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
