/**
 * How far a training run has got, and roughly how long is left. Shown while the projector waits, so it says
 * the things a lecturer would otherwise be asked: which epoch, which batch, how long.
 */
import { useId } from 'react';
import { formatEta, formatPercent } from './format';
import './components.css';

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  /** What is progressing ("Pretext training"); also the bar's accessible name. */
  readonly label: string;
  /** Fraction done, 0 to 1 (clamped; NaN counts as 0). */
  readonly value: number;
  /** Where the run is, e.g. 'epoch 3/50 · batch 120/209'. */
  readonly detail?: string;
  /**
   * Seconds left. Omit it to show no estimate; pass null while one is not yet known (the first batches are
   * slow while the backend compiles its kernels, so an early estimate would be wildly wrong).
   */
  readonly etaSeconds?: number | null;
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

/**
 * A labelled progress bar with percent, detail and a coarse time estimate ("about 2 min 10 s left").
 * Uses role="progressbar" with aria-valuenow rather than <progress>, whose look cannot be styled the same
 * way across browsers, and puts the detail and estimate in aria-valuetext so a screen reader hears them too.
 */
export function ProgressBar({ label, value, detail, etaSeconds }: ProgressBarProps) {
  const labelId = useId();
  const fraction = clamp01(value);
  const percent = formatPercent(fraction);
  const eta =
    etaSeconds === undefined ? null : etaSeconds === null ? 'estimating time left…' : fraction >= 1 ? 'done' : formatEta(etaSeconds);
  const valueText = [percent, detail, eta].filter((s) => s !== undefined && s !== null).join(', ');

  return (
    <div className="progress">
      <div className="progress-head">
        <span id={labelId} className="progress-label">{label}</span>
        <span className="progress-percent" aria-hidden="true">{percent}</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={valueText}
      >
        <div className="progress-fill" style={{ transform: `scaleX(${fraction})` }} />
      </div>
      {(detail !== undefined || eta !== null) && (
        <div className="progress-foot" aria-hidden="true">
          <span>{detail}</span>
          <span>{eta}</span>
        </div>
      )}
    </div>
  );
}
