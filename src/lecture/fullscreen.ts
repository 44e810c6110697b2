/**
 * The Fullscreen API, used politely. Browsers may refuse (no user gesture, an iframe without permission, a
 * kiosk policy, an old tablet without the API); lecture mode must not care, because its layout already
 * fills the window. So every call here resolves, and a refusal only produces a sentence for the presenter.
 */
import { useEffect, useState } from 'react';

/** What to tell the presenter when the browser says no. */
export const FULLSCREEN_REFUSED =
  'The browser did not allow full screen here, so the lecture fills the window instead. The browser’s own full-screen key (often F11) works too.';

/** Asks for full screen; resolves to true if granted, false if refused or unsupported. */
export async function enterFullscreen(): Promise<boolean> {
  const el = document.documentElement;
  if (typeof el.requestFullscreen !== 'function' || document.fullscreenEnabled === false) return false;
  try {
    await el.requestFullscreen();
    return true;
  } catch {
    return false;
  }
}

/** Leaves full screen if we are in it; never throws. */
export async function exitFullscreen(): Promise<void> {
  if (document.fullscreenElement && typeof document.exitFullscreen === 'function') {
    try {
      await document.exitFullscreen();
    } catch {
      // Already left (e.g. the presenter pressed Escape first): nothing to undo.
    }
  }
}

/** True while the page is full screen; follows Escape and the browser's own controls too. */
export function useIsFullscreen(): boolean {
  const [full, setFull] = useState(() => typeof document !== 'undefined' && document.fullscreenElement !== null);
  useEffect(() => {
    const update = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  return full;
}
