/**
 * Lecture mode: one slide at a time, filling the screen, in large type, driven from the keyboard or a
 * presenter's clicker (which sends PageDown and PageUp). Space trains, pauses and resumes the step on a
 * training slide so the lecturer never has to aim a mouse at a small button in front of the room. `s` (or the
 * control bar's button) opens the speaker view in a second window, which this window keeps in step
 * (useAudienceLink.ts); this window keeps the training worker, the speaker view only asks it to train or pause.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getState, notify } from '../state/store';
import { pause, resume, train } from '../state/actions';
import { experimentSpecs } from '../ml/experiment/runs';
import { Notices } from '../app/Notices';
import { SLIDES } from './slides';
import { SECTIONS } from '../lessons/kit/sections';
import { keyTarget, lectureAction, spaceOutcome, type LectureAction } from './keys';
import { speakerSearch } from './speaker-sync';
import { useAudienceLink } from './useAudienceLink';
import { FULLSCREEN_REFUSED, enterFullscreen, exitFullscreen, useIsFullscreen } from './fullscreen';
import { useSlideFit } from './useSlideFit';
import { useWindowSize } from './scale';
import { SlidePartContext } from '../lessons/kit/SlidePart';
import './lecture.css';

/** Props of {@link LectureView}. */
export interface LectureViewProps {
  /** The slide shown, counted from 0. */
  readonly slide: number;
  readonly onSlide: (index: number) => void;
  readonly onLeave: () => void;
  /** Text size steps above (or below) the size fitted to the screen. */
  readonly textSize: number;
  readonly onTextSize: (steps: number) => void;
  /** Told the factor (at most 1) the type must shrink by for this slide to fit the screen. */
  readonly onFit: (fit: number) => void;
}

/**
 * Space (or the speaker view's button) on a training slide: train, pause or resume its run. Returns why
 * nothing happened, or null; the room is told in a notice, and the caller may tell the speaker too.
 */
function toggleTraining(slide: number, stage: HTMLElement | null): string | null {
  const step = SLIDES[slide].trains;
  if (step === undefined) return null;
  const s = getState();
  const specs = experimentSpecs(s.config);
  const outcome = spaceOutcome(step, { runs: s.runs, specs, ready: s.engine.status === 'ready' && s.data.status === 'ready' });
  if (outcome.kind === 'explain') {
    notify('info', outcome.text);
    return outcome.text;
  }
  if (outcome.kind === 'train') train(specs[step]);
  else if (outcome.kind === 'pause') pause();
  else resume();
  // The room should watch the curves, not the model summary above them: bring the trainer into view.
  stage?.querySelector('.step-trainer')?.scrollIntoView({ block: 'start' });
  return null;
}

/** The text shown when the browser refuses to open the speaker view's window. */
const SPEAKER_BLOCKED = 'The browser blocked the speaker view’s window. Allow pop-ups for this page and press s again.';

/**
 * Opens the speaker view (or brings it forward: the window has a name, so a second press reuses it). It is a
 * page of this origin with the same settings, which finds this window over a BroadcastChannel.
 */
function openSpeakerView(slide: number): void {
  const url = `${window.location.pathname}${speakerSearch(window.location.search, slide)}`;
  const opened = window.open(url, 'pretext-lab-speaker', 'popup,width=1100,height=720');
  if (opened === null) notify('info', SPEAKER_BLOCKED);
  else opened.focus();
}

/** The presentation view. */
export function LectureView({ slide, onSlide, onLeave, textSize, onTextSize, onFit }: LectureViewProps) {
  const [controls, setControls] = useState(true);
  const fullscreen = useIsFullscreen();
  const rootRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const windowSize = useWindowSize();
  const fit = useSlideFit(stageRef, contentRef, `${slide} ${windowSize.width}x${windowSize.height} ${textSize} ${controls}`);
  useEffect(() => onFit(fit), [fit, onFit]);
  const current = SLIDES[slide];
  const last = SLIDES.length - 1;

  const leave = useCallback(() => {
    void exitFullscreen();
    onLeave();
  }, [onLeave]);

  const act = useCallback((action: LectureAction): boolean => {
    switch (action) {
      case 'next': onSlide(Math.min(last, slide + 1)); return true;
      case 'previous': onSlide(Math.max(0, slide - 1)); return true;
      case 'first': onSlide(0); return true;
      case 'last': onSlide(last); return true;
      case 'leave': leave(); return true;
      case 'toggleControls': setControls((c) => !c); return true;
      case 'speakerView': openSpeakerView(slide); return true;
      case 'toggleTraining':
        // Space only means "train" on a training slide; elsewhere it keeps its usual job, scrolling.
        if (SLIDES[slide].trains === undefined) return false;
        toggleTraining(slide, stageRef.current);
        return true;
    }
  }, [slide, last, onSlide, leave]);

  const toggleFromSpeaker = useCallback(() => toggleTraining(slide, stageRef.current), [slide]);
  useAudienceLink({ slide, onSlide, stage: stageRef, toggleTraining: toggleFromSpeaker });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = lectureAction(e.key, { ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey }, keyTarget(e.target));
      // Holding Space must not pause and resume forty times a second.
      if (action === null || (action === 'toggleTraining' && e.repeat)) return;
      if (act(action)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act]);

  // A new slide starts at its top, and if the focus was lost with the old slide (a button that no longer
  // exists), it goes to the new slide, so the next key press still reaches us and a screen reader follows.
  useEffect(() => {
    const stage = stageRef.current;
    if (stage === null) return;
    stage.scrollTop = 0;
    const active = document.activeElement;
    if (active === null || active === document.body || !rootRef.current?.contains(active)) stage.focus({ preventScroll: true });
  }, [slide]);

  // Hiding the controls must not strand the focus on a button that has vanished.
  useEffect(() => {
    if (!controls && !rootRef.current?.contains(document.activeElement)) stageRef.current?.focus({ preventScroll: true });
  }, [controls]);

  const askFullscreen = async () => {
    if (!(await enterFullscreen())) notify('info', FULLSCREEN_REFUSED);
  };

  const Body = current.Body;
  return (
    <div className={`lecture${current.lesson ? ' live' : ''}`} ref={rootRef}>
      <header className="lecture-top">
        <div className="lecture-heading">
          <p className="lecture-section">{SECTIONS[current.section]}</p>
          <h1 className="lecture-title">{current.title}</h1>
        </div>
        <div className="lecture-where">
          {/* Screen readers get "Slide 3 of 14: title" from the live line below instead of "3 slash 14". */}
          <p className="lecture-counter" data-testid="slide-counter" aria-hidden="true">{`${slide + 1} / ${SLIDES.length}`}</p>
          {current.trains && <p className="lecture-keys"><kbd>Space</kbd> train / pause</p>}
        </div>
        {!controls && <button type="button" className="lecture-show" onClick={() => setControls(true)}>Show controls (h)</button>}
      </header>
      <p className="visually-hidden" aria-live="polite">{`Slide ${slide + 1} of ${SLIDES.length}: ${current.title}`}</p>
      <main className="lecture-stage" ref={stageRef} tabIndex={-1} data-fit={fit} aria-label={`Slide ${slide + 1}: ${current.title}`}>
        <div className="slide-content" ref={contentRef}>
          <Notices />
          <SlidePartContext.Provider value={current.part ?? null}>
            <Body key={current.id} />
          </SlidePartContext.Provider>
        </div>
      </main>
      {controls && (
        <nav className="lecture-controls" aria-label="Lecture controls">
          <button type="button" onClick={() => act('previous')} disabled={slide === 0}>← Previous</button>
          <button type="button" className="primary" onClick={() => act('next')} disabled={slide === last}>Next →</button>
          <label className="lecture-goto">
            <span className="visually-hidden">Go to slide</span>
            <select value={slide} onChange={(e) => onSlide(Number(e.target.value))}>
              {SECTIONS.map((section, si) => (
                <optgroup key={section} label={section}>
                  {SLIDES.map((s, i) => (s.section === si ? <option key={s.id} value={i}>{`${i + 1}. ${s.title}`}</option> : null))}
                </optgroup>
              ))}
            </select>
          </label>
          <span className="lecture-size" role="group" aria-label="Text size">
            {/* The name starts with the visible label (WCAG 2.5.3), so "click A plus" works for voice control. */}
            <button type="button" onClick={() => onTextSize(textSize - 1)} disabled={textSize <= -3} title="Smaller text">A−<span className="visually-hidden"> smaller text</span></button>
            <button type="button" onClick={() => onTextSize(textSize + 1)} disabled={textSize >= 4} title="Larger text">A+<span className="visually-hidden"> larger text</span></button>
          </span>
          {fullscreen
            ? <button type="button" onClick={() => void exitFullscreen()}>Leave full screen</button>
            : <button type="button" onClick={() => void askFullscreen()}>Full screen</button>}
          <button type="button" onClick={() => openSpeakerView(slide)}>Speaker view (s)</button>
          <button type="button" onClick={() => setControls(false)}>Hide controls (h)</button>
          <button type="button" onClick={leave}>Leave lecture (Esc)</button>
        </nav>
      )}
    </div>
  );
}
