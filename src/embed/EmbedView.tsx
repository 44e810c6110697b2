/**
 * One lesson alone, for an iframe in a lecturer's own slides (reveal.js, Google Slides' web embed) or a course
 * page: the lesson's panel and nothing else of the app, no header, no other lessons, no lecture chrome. It
 * trains in its own worker like the full app, and keeps one line of the status bar underneath, because inside
 * a host page that is not cross-origin isolated the training runs on one WebAssembly thread and that line is
 * where the lab says so.
 */
import { useEffect } from 'react';
import { notify, setConfig, useLab } from '../state/store';
import { LESSON_PANELS } from '../app/lesson-panels';
import { Notices } from '../app/Notices';
import { StatusBar } from '../app/StatusBar';
import { fitNotices, parseUrl } from '../url/url-state';
import { watchHiddenTab } from '../state/hidden-tab';
import type { LessonId } from '../lessons/registry';
import '../lessons/lessons.css';
import './embed.css';

let started = false;

/** The full app with the same setup, for a student who wants the rest of the lab. */
function fullAppLink(): string {
  const params = new URLSearchParams(window.location.search);
  const lesson = params.get('embed');
  params.delete('embed');
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}${lesson ? `#${lesson}` : ''}`;
}

/**
 * Whether to explain the single thread in this frame's own terms. The status line's reason speaks of the lab's
 * host; inside an iframe the lab's host may send every header and the frame still is not isolated, because the
 * page around it is not. The author of that page is the one who can change it, so we name them.
 */
function useFramedOneThread(): boolean {
  const oneWasmThread = useLab((s) => s.engine.status === 'ready' && s.engine.backend.name === 'wasm' && s.engine.backend.threads === 1);
  return oneWasmThread && !globalThis.crossOriginIsolated && window.self !== window.top;
}

/** Props of {@link EmbedView}. */
export interface EmbedViewProps {
  readonly lesson: LessonId;
}

/** One lesson's panel, filling its frame. */
export function EmbedView({ lesson }: EmbedViewProps) {
  useEffect(() => {
    // Once per page, even under StrictMode's double effects: the link's settings and what it got wrong.
    if (started) return;
    started = true;
    const link = parseUrl(window.location.search, '', {});
    setConfig(link.state.config);
    for (const n of fitNotices(link.notices)) notify(n.kind, n.text, n.setting);
    watchHiddenTab();
  }, []);

  const framedOneThread = useFramedOneThread();
  const Panel = LESSON_PANELS[lesson];
  return (
    <div className="embed">
      <main className="embed-main">
        <Notices />
        <Panel />
      </main>
      <footer className="embed-foot">
        <StatusBar />
        {framedOneThread && (
          <p className="embed-note">
            The page around this lesson is not cross-origin isolated, so training runs on one WebAssembly thread: slower,
            but it works. Its author can send the COOP and COEP headers to allow more (see “Embedding a lesson” in the lab’s README).
          </p>
        )}
        <a href={fullAppLink()} target="_blank" rel="noopener noreferrer">Open the whole lab</a>
      </footer>
    </div>
  );
}

/** Props of {@link UnknownEmbed}. */
export interface UnknownEmbedProps {
  /** What was asked for and the ids that exist (from embed-request.ts). */
  readonly message: string;
}

/** What an iframe shows when its link names no lesson the lab has: the author of the host page reads it. */
export function UnknownEmbed({ message }: UnknownEmbedProps) {
  return (
    <main className="embed embed-unknown">
      <h1>Pretext Lab cannot embed this</h1>
      <p role="alert">{message}</p>
      <p>For example: <code>?embed=pretext&amp;preset=smoke</code></p>
    </main>
  );
}
