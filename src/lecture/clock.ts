/**
 * The speaker's clock: time since the talk started, as a lecturer glances at it ("12:05", "1:02:03").
 * Pure, so the edge cases (a clock reset a moment in the future, the hour boundary) are tested in Node.
 */

/** Elapsed time as m:ss, or h:mm:ss from the first hour; never negative. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The same time in words, for a screen reader ("12 minutes 5 seconds"). */
export function elapsedInWords(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const parts: string[] = [];
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (total >= 3600) parts.push(unit(Math.floor(total / 3600), 'hour'));
  if (total >= 60) parts.push(unit(Math.floor((total % 3600) / 60), 'minute'));
  parts.push(unit(total % 60, 'second'));
  return parts.join(' ');
}
