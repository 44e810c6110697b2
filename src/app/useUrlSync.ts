/**
 * Keeps the address bar equal to the setup on screen, so "copy the URL" and "bookmark" both just work.
 * history.replaceState changes the URL without a reload and without a new history entry per keystroke (a
 * student typing "0.005" should not need four Back presses to leave the page). Writes are throttled:
 * a burst of changes produces one write at most every few hundred milliseconds, the last state winning.
 */
import { useEffect, useRef } from 'react';
import { useLab } from '../state/store';
import type { ExperimentConfig } from '../ml/config/presets';
import { serialiseUrl, type UrlState } from '../url/url-state';

const WRITE_EVERY_MS = 300;

/** The page's view as the link records it; the settings come from the store. */
export type ViewState = Omit<UrlState, 'config'>;

/** The full address for a setup: origin, path, query and hash. */
export function linkFor(config: ExperimentConfig, view: ViewState): string {
  return `${window.location.origin}${window.location.pathname}${serialiseUrl({ ...view, config })}`;
}

/** Mirrors the settings and `view` into the address bar. */
export function useUrlSync(view: ViewState): void {
  const config = useLab((s) => s.config);
  const latest = useRef({ config, view });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { mode, step, slide, backend, webglOff, probeOff } = view;

  useEffect(() => {
    latest.current = { config, view: { mode, step, slide, backend, webglOff, probeOff } };
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const next = serialiseUrl({ ...latest.current.view, config: latest.current.config });
      const now = `${window.location.search}${window.location.hash}`;
      if (next !== now) window.history.replaceState(window.history.state, '', `${window.location.pathname}${next}`);
    }, WRITE_EVERY_MS);
  }, [config, mode, step, slide, backend, webglOff, probeOff]);

  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);
}
