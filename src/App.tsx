/**
 * The page, in one of two modes. Self-study (the default): a header with the backend status and settings,
 * then one panel per step of the lecture's RotNet experiment, each with a "Try this". Lecture mode: the
 * lecture's table of contents as full-screen slides, the live steps included.
 *
 * The address bar always describes what is on screen (step or slide, preset, seed, changed settings), so a
 * link reproduces a setup; see src/url/url-state.ts for the format.
 */
import { useCallback, useEffect, useState } from 'react';
import { getState, notify, setConfig, startLab } from './state/store';
import { setLiveProbe } from './state/actions';
import { StatusBar } from './app/StatusBar';
import { Notices } from './app/Notices';
import { StudyPage } from './lecture/StudyPage';
import { LectureView } from './lecture/LectureView';
import { SLIDES } from './lecture/slides';
import { slideForLesson } from './lecture/slide-plan';
import { lectureScale, useWindowSize } from './lecture/scale';
import { fitNotices, parseUrl, type ViewMode } from './url/url-state';
import { engineLink } from './url/engine-link';
import { watchHiddenTab } from './state/hidden-tab';
import { installFaultHook } from './state/fault-hook';
import './state/recovery';
import type { LessonId } from './lessons/registry';
import { linkFor, useUrlSync } from './app/useUrlSync';
import { CopyLinkButton } from './app/CopyLinkButton';
import './lessons/lessons.css';

let started = false;

/**
 * Starts the training engine (adopting the worker src/boot.ts started) and the MNIST download; main.tsx calls it
 * before React's first render. Both take seconds (the worker parses TensorFlow.js and starts its backend), so
 * they overlap the render instead of waiting for it; on this 2-core machine that made the lab usable about half a
 * second sooner.
 */
export function bootLab(): void {
  const { probeOff } = readLink().state;
  const { backend, webglOff, silentWorkers } = engineLink(window.location.search);
  setLiveProbe(!probeOff);
  void startLab(backend, false, webglOff, silentWorkers);
}

/** Reads the link the page was opened with (once: afterwards the page writes the address, not reads it). */
function readLink() {
  return parseUrl(window.location.search, window.location.hash, { slideCount: SLIDES.length });
}

/** The whole app. */
export function App() {
  const [link] = useState(readLink);
  const { backend, webglOff, probeOff } = link.state;
  const [large, setLarge] = useState(false);
  const [mode, setMode] = useState<ViewMode>(link.state.mode);
  const [slide, setSlide] = useState(() => (link.state.slide !== null ? link.state.slide - 1 : slideForLesson(link.state.step)));
  // `step` follows the scrolling; `arrival` is where the self-study page should open (a link, or the slide
  // lecture mode was left on) and changes only when the page is entered.
  const [step, setStep] = useState<LessonId | null>(link.state.step);
  const [arrival, setArrival] = useState<LessonId | null>(link.state.step);
  const [textSize, setTextSize] = useState(0);
  // How much lecture mode steps the type down for the slide in view to fit the screen (1: not at all).
  const [fit, setFit] = useState(1);
  const windowSize = useWindowSize();

  useEffect(() => {
    // Once per page, even under StrictMode's double effects in development.
    if (started) return;
    started = true;
    setConfig(link.state.config);
    for (const n of fitNotices(link.notices)) notify(n.kind, n.text, n.setting);
    watchHiddenTab();
    installFaultHook(window.location.search);
  }, [link]);

  const scale = mode === 'lecture' ? Math.round(lectureScale(windowSize.width, windowSize.height, textSize) * fit * 100) / 100 : large ? 1.35 : 1;
  useEffect(() => {
    document.documentElement.style.setProperty('--scale', String(scale));
  }, [scale]);

  const view = { mode, step: mode === 'study' ? step : SLIDES[slide].lesson ?? null, slide: mode === 'lecture' ? slide + 1 : null, backend, webglOff, probeOff };
  useUrlSync(view);

  const enterLecture = () => {
    // From the top of the page the lecture starts at its beginning; scrolled down, at the step being read.
    // (The step in view is measured on scroll, a frame late, so the top is checked directly.)
    setSlide(window.scrollY < 8 ? 0 : slideForLesson(step));
    setMode('lecture');
    window.scrollTo(0, 0);
  };
  const leaveLecture = useCallback(() => {
    const lesson = SLIDES[slide].lesson ?? null;
    setArrival(lesson);
    setStep(lesson);
    setMode('study');
  }, [slide]);

  if (mode === 'lecture') {
    return <LectureView slide={slide} onSlide={setSlide} onLeave={leaveLecture} textSize={textSize} onTextSize={setTextSize} onFit={setFit} />;
  }
  return (
    <div className="app">
      <header className="app-header">
        <div className="header-row">
          <div>
            <h1>Pretext Lab</h1>
            <p className="subtitle">Self-supervised learning, trained live in your browser</p>
          </div>
          <div className="header-actions">
            <button type="button" className="primary" onClick={enterLecture}>Lecture mode</button>
            <CopyLinkButton link={() => linkFor(getState().config, view)} />
            <label className="toggle"><input type="checkbox" checked={large} onChange={(e) => setLarge(e.target.checked)} /> Large type</label>
          </div>
        </div>
        <StatusBar />
      </header>
      <main className="app-main">
        <Notices />
        <StudyPage initialStep={arrival} onVisibleStep={setStep} />
      </main>
    </div>
  );
}
