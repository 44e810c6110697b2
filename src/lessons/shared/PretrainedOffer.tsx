/**
 * "Short on time?": the offer to load the pre-trained lecture models, with what they scored when they were
 * trained, and, once loaded, the honest label that these weights were not trained here.
 */
import { useLab } from '../../state/store';
import { loadPretrained } from '../../state/actions';
import { anyActive, runState } from '../../state/lab-state';
import { PRETRAINED_STEPS, pretrainedSpec, type PretrainedKey, type PretrainedManifest } from '../../client/pretrained';
import { runId, type RunSpec } from '../../ml/experiment/runs';
import { formatPercent, formatDuration } from '../../components/format';

/** Props of {@link PretrainedOffer}. */
export interface PretrainedOfferProps {
  /** The run whose recorded numbers to quote. */
  readonly spec: RunSpec;
}

/** Which shipped model would stand in for a run (same use of the trunk, and the same task where it matters). */
function shippedFor(manifest: PretrainedManifest, spec: RunSpec): PretrainedKey | null {
  return PRETRAINED_STEPS.find((key) => {
    const shipped = pretrainedSpec(manifest, key);
    return shipped.use === spec.use && (spec.use === 'scratch' || spec.use === 'random' || shipped.task === spec.task);
  }) ?? null;
}

/** The recorded scores of one shipped model, as a sentence. */
export function recordedScores(manifest: PretrainedManifest, step: PretrainedKey): string {
  const made = `Lecture preset, seed ${manifest.seed}, trained once on ${manifest.backend} on ${manifest.date.slice(0, 10)}`;
  if (step === 'pretext') {
    const m = manifest.models.pretext;
    return `${m.epochs} epochs; rotation accuracy ${formatPercent(m.rotationTest.lecture.accuracy, 2)} on the 300 test images turned four ways, ${formatPercent(m.rotationTest.full.accuracy, 2)} on all 10,000 (${made}).`;
  }
  const m = manifest.models[step];
  return `${m.epochs} epochs; ${formatPercent(m.test.lecture.accuracy, 2)} on the lecture's 300 test images, ${formatPercent(m.test.full.accuracy, 2)} on all 10,000 (${made}).`;
}

/** The offer, or the record of the loaded pre-trained model. */
export function PretrainedOffer({ spec }: PretrainedOfferProps) {
  const id = runId(spec);
  const pretrained = useLab((s) => s.pretrained);
  const origin = useLab((s) => { const st = runState(s, id); return st.status === 'done' ? st.origin : null; });
  const busy = useLab(anyActive);
  const ready = useLab((s) => s.engine.status === 'ready' && s.data.status === 'ready');
  if (pretrained.status !== 'available') return null;
  const { manifest } = pretrained;
  const step = shippedFor(manifest, spec);
  // The shipped models are rotation's: a jigsaw panel has nothing to offer.
  if (step === null) return null;
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
