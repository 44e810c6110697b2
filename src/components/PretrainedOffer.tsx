/**
 * "Short on time?": the offer to load the pre-trained lecture models, with what they scored when they were
 * trained, and, once loaded, the honest label that these weights were not trained here.
 */
import { useLab, loadPretrained } from '../state/store';
import type { StepName } from '../runtime/messages';
import { anyActive } from '../state/lab-state';
import type { PretrainedManifest } from '../runtime/pretrained';
import { formatPercent, formatDuration } from './format';

/** Props of {@link PretrainedOffer}. */
export interface PretrainedOfferProps {
  /** The step whose recorded numbers to quote. */
  readonly step: StepName;
}

/** The recorded scores of one shipped model, as a sentence. */
export function recordedScores(manifest: PretrainedManifest, step: StepName): string {
  const made = `Lecture preset, seed ${manifest.seed}, trained once on ${manifest.backend} on ${manifest.date.slice(0, 10)}`;
  if (step === 'pretext') {
    const m = manifest.models.pretext;
    return `${m.epochs} epochs; rotation accuracy ${formatPercent(m.rotationTest.lecture.accuracy, 2)} on the 300 test images turned four ways, ${formatPercent(m.rotationTest.full.accuracy, 2)} on all 10,000 (${made}).`;
  }
  const m = manifest.models[step];
  return `${m.epochs} epochs; ${formatPercent(m.test.lecture.accuracy, 2)} on the lecture's 300 test images, ${formatPercent(m.test.full.accuracy, 2)} on all 10,000 (${made}).`;
}

/** The offer, or the record of the loaded pre-trained model. */
export function PretrainedOffer({ step }: PretrainedOfferProps) {
  const pretrained = useLab((s) => s.pretrained);
  const origin = useLab((s) => { const st = s.steps[step]; return st.status === 'done' ? st.origin : null; });
  const busy = useLab(anyActive);
  const ready = useLab((s) => s.engine.status === 'ready' && s.data.status === 'ready');
  if (pretrained.status !== 'available') return null;
  const { manifest } = pretrained;
  if (origin === 'pretrained') {
    return <p className="hint" role="note">Recorded when it was trained: {recordedScores(manifest, step)}</p>;
  }
  return (
    <p className="hint">
      Short on time? The app ships the four models of one full Lecture run ({formatDuration(manifest.trainingSeconds)} of training).{' '}
      <button type="button" disabled={busy || !ready} onClick={() => void loadPretrained()}>Load the pre-trained lecture models</button>
    </p>
  );
}
