/**
 * How large lecture mode's type is. The page's --scale is fitted to the window, so a slide laid out for a
 * 1280x720 projector looks the same on a 1920x1080 one, only bigger; the presenter can step it up or down
 * (A+ / A−) for a long room or a small screen.
 */
import { useEffect, useState } from 'react';

/** --scale on a 1280x720 window: 18px x 1.4 = 25px body text, readable from the back of a classroom. */
const BASE_SCALE = 1.4;
/** Each A+ / A− step multiplies by this. */
const STEP = 1.12;

/** The --scale for a window of this size, `steps` text-size steps up (negative: down). */
export function lectureScale(width: number, height: number, steps: number): number {
  const fit = Math.min(width / 1280, height / 720) * BASE_SCALE;
  const clamped = Math.min(2.6, Math.max(1.1, fit));
  return Math.round(clamped * STEP ** steps * 100) / 100;
}

/** The window's size, following resizes (and entering full screen, which is a resize). */
export function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}
