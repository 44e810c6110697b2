/**
 * A value that follows `value` at most once every `ms` milliseconds (the latest value always arrives).
 *
 * Live charts are the most expensive thing on the page to redraw; the progress bar may tick ten times a
 * second, but a curve redrawn twice a second looks just as live and leaves the page time to breathe.
 */
import { useEffect, useRef, useState } from 'react';

/** Throttles `value`; with `enabled` false it passes values straight through. */
export function useThrottled<T>(value: T, ms: number, enabled = true): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (!enabled) {
      setShown(value);
      return undefined;
    }
    const wait = last.current + ms - performance.now();
    if (wait <= 0) {
      last.current = performance.now();
      setShown(value);
      return undefined;
    }
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms, enabled]);
  return enabled ? shown : value;
}
