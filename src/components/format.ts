/**
 * Number formatting shared by the components. Kept pure and DOM-free so it is unit-tested in Node, and fixed to
 * the 'en-US' locale on purpose: the lecture and Keras print "21,994", and a lecturer's slides and the app
 * should show the same digits whatever the laptop's locale is.
 */

const THOUSANDS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The placeholder shown for a missing or non-finite number (an en dash, as tables print "no value"). */
export const NO_VALUE = '–';

/** A fraction (0.931) as a percent ("93%", or "93.1%" with digits = 1); NaN and infinities give "–". */
export function formatPercent(fraction: number, digits = 0): string {
  if (!Number.isFinite(fraction)) return NO_VALUE;
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** An integer with thousands separators, as Keras prints parameter counts: 21994 -> "21,994". */
export function formatThousands(n: number): string {
  if (!Number.isFinite(n)) return NO_VALUE;
  return THOUSANDS.format(n);
}

/**
 * A duration in words, exact to the second: 130 -> "2 min 10 s", 3725 -> "1 h 2 min 5 s", 0.4 -> "0 s".
 * Negative and non-finite inputs give "–" (a clock that runs backwards is a bug upstream, not a duration).
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return NO_VALUE;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(`${h} h`);
  if (m > 0) parts.push(`${m} min`);
  if (s > 0 || parts.length === 0) parts.push(`${s} s`);
  return parts.join(' ');
}

/**
 * An estimate of time left, rounded as coarsely as an estimate deserves: a per-second countdown of a guess
 * looks precise and jitters on a projector. Under a minute it counts seconds, under ten minutes it rounds to
 * 10 s, under an hour to minutes, beyond that to 5 minutes. 130 -> "about 2 min 10 s left".
 */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return NO_VALUE;
  if (seconds < 1) return 'almost done';
  let step = 1;
  if (seconds >= 3600) step = 300;
  else if (seconds >= 600) step = 60;
  else if (seconds >= 60) step = 10;
  const rounded = Math.max(step, Math.round(seconds / step) * step);
  return `about ${formatDuration(rounded)} left`;
}

/** A Keras output shape, the batch dimension (null) printed as None: [null, 14, 14, 64] -> "(None, 14, 14, 64)". */
export function formatShape(shape: readonly (number | null)[]): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

/**
 * A loss for display: three significant figures, so 0.4213 -> "0.421" and a raw-pixel loss of 1523.7 ->
 * "1.52e+3" rather than a ten-digit number that overflows a legend.
 */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return NO_VALUE;
  if (loss !== 0 && (Math.abs(loss) >= 1000 || Math.abs(loss) < 0.001)) return loss.toExponential(2);
  return String(Number(loss.toPrecision(3)));
}

/**
 * An epoch position for prose: whole epochs print without decimals, fractional ones with one
 * (3 -> "3", 3.456 -> "3.5"); a fraction of an epoch is what the x axis of a live chart shows.
 */
export function formatEpochs(x: number): string {
  if (!Number.isFinite(x)) return NO_VALUE;
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}
