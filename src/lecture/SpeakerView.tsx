/**
 * The speaker view: the lecturer's own window beside the projector's. It shows what the room cannot: the
 * slide's notes (its explanation, a concept slide's points, the lesson's "Try this"), the next slide's title,
 * and the time since the talk started; and it has the lecture's controls, so the lecturer can drive both
 * windows from here. It trains nothing itself: the audience window owns the worker, and this page, which
 * never starts the engine, only asks it (see speaker-sync.ts).
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { lessonMeta, proseText } from '../lessons/registry';
import { SLIDE_PLAN } from './slide-plan';
import { SECTIONS } from '../lessons/kit/sections';
import { keyTarget, lectureAction } from './keys';
import { elapsedInWords, formatElapsed } from './clock';
import { initialSpeakerState, speakerReducer, trainingButton, type AudienceLink, type SpeakerEvent } from './speaker-state';
import { LECTURE_CHANNEL, readMessage, speakerSearch, type LectureMessage } from './speaker-sync';
import './speaker.css';

/** What the speaker view says about the audience window. */
const LINK_TEXT: Readonly<Record<AudienceLink, string>> = {
  waiting: 'Looking for the lecture window. Open lecture mode in another window and press s there to join it.',
  connected: 'In step with the lecture window.',
  closed: 'The lecture window was closed. These notes still move; open lecture mode again and it joins this view.',
};

/** The current time, once a second, for the clock. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Props of {@link SpeakerView}. */
export interface SpeakerViewProps {
  /** The slide to open on, counted from 0, until the audience window says where it is. */
  readonly initialSlide: number;
}

/** The lecturer's window. */
export function SpeakerView({ initialSlide }: SpeakerViewProps) {
  const [state, dispatch] = useReducer(speakerReducer, undefined, () => initialSpeakerState(initialSlide, SLIDE_PLAN.length, Date.now()));
  const channel = useRef<BroadcastChannel | null>(null);
  const now = useNow();
  const send = (message: LectureMessage) => channel.current?.postMessage(message);

  useEffect(() => {
    if (typeof BroadcastChannel !== 'function') return;
    const ch = new BroadcastChannel(LECTURE_CHANNEL);
    channel.current = ch;
    ch.onmessage = (event: MessageEvent<unknown>) => {
      const message = readMessage(event.data, SLIDE_PLAN.length);
      if (message !== null) dispatch(message);
    };
    const bye = () => ch.postMessage({ type: 'closed', from: 'speaker' } satisfies LectureMessage);
    window.addEventListener('pagehide', bye);
    ch.postMessage({ type: 'hello' } satisfies LectureMessage);
    return () => {
      window.removeEventListener('pagehide', bye);
      ch.close();
      channel.current = null;
    };
  }, []);

  /** Moves this view and asks the audience to follow. */
  const go = useCallback((event: Extract<SpeakerEvent, { type: 'move' | 'choose' }>) => {
    const target = speakerReducer(state, event).slide;
    dispatch(event);
    if (target !== state.slide) channel.current?.postMessage({ type: 'goto', slide: target } satisfies LectureMessage);
  }, [state]);

  const toggleTraining = useCallback(() => {
    channel.current?.postMessage({ type: 'toggle-training', slide: state.slide } satisfies LectureMessage);
  }, [state.slide]);

  const resetClock = () => {
    const at = Date.now();
    dispatch({ type: 'reset-clock', startedAt: at });
    send({ type: 'reset-clock', startedAt: at });
  };

  // The same keys as on the projector, so a clicker plugged into the laptop works whichever window has focus.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = lectureAction(e.key, { ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey }, keyTarget(e.target));
      if (action === 'next' || action === 'previous' || action === 'first' || action === 'last') go({ type: 'move', move: action });
      else if (action === 'toggleTraining' && state.training !== null && !e.repeat) toggleTraining();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, toggleTraining, state.training]);

  const plan = SLIDE_PLAN[state.slide];
  const next = SLIDE_PLAN[state.slide + 1];
  const last = SLIDE_PLAN.length - 1;

  // The tab's title and address follow the slide, so the lecturer can tell the windows apart and a reload keeps the place.
  useEffect(() => {
    document.title = `Speaker view: slide ${state.slide + 1} of ${SLIDE_PLAN.length}, ${plan.title}`;
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${speakerSearch(window.location.search, state.slide)}`);
  }, [state.slide, plan.title]);

  const elapsed = now - state.startedAt;
  const tryThis = plan.lesson === undefined ? null : proseText(lessonMeta(plan.lesson).tryThis.text);
  return (
    <div className="speaker">
      <header className="speaker-top">
        <p className="speaker-section">Speaker view · {SECTIONS[plan.section]}</p>
        <h1 className="speaker-title">{plan.title}</h1>
        <p className="speaker-counter" data-testid="speaker-counter">{`Slide ${state.slide + 1} of ${SLIDE_PLAN.length}`}</p>
      </header>
      <main className="speaker-main">
        <section className="speaker-notes" aria-labelledby="speaker-notes-title">
          <h2 id="speaker-notes-title">Notes</h2>
          {state.notes === null
            ? <p className="speaker-wait">{state.audience === 'connected' ? 'Waiting for this slide’s notes from the lecture window…' : 'The slide’s own words appear here once the lecture window shows it.'}</p>
            : state.notes.map((note, i) => <p key={i}>{note}</p>)}
          {tryThis !== null && (
            <>
              <h3>Try this</h3>
              <p>{tryThis}</p>
            </>
          )}
        </section>
        <aside className="speaker-side" aria-label="Next slide and time">
          <h2>Next</h2>
          <p className="speaker-next" data-testid="speaker-next">{next === undefined ? 'End of the lecture' : next.title}</p>
          <h2>Elapsed</h2>
          <p className="speaker-clock" role="timer" aria-label={`Elapsed: ${elapsedInWords(elapsed)}`}>{formatElapsed(elapsed)}</p>
          <button type="button" onClick={resetClock}>Reset clock</button>
          <p className="speaker-link" role="status">{LINK_TEXT[state.audience]}</p>
          {state.said !== null && <p className="speaker-said" role="status">{state.said}</p>}
        </aside>
      </main>
      <nav className="speaker-controls" aria-label="Speaker controls">
        <button type="button" onClick={() => go({ type: 'move', move: 'previous' })} disabled={state.slide === 0}>← Previous</button>
        <button type="button" className="primary" onClick={() => go({ type: 'move', move: 'next' })} disabled={state.slide === last}>Next →</button>
        {state.training !== null && (
          <button type="button" onClick={toggleTraining} disabled={state.audience !== 'connected'}>{trainingButton(state.training)}</button>
        )}
        {state.training !== null && <span className="speaker-run" data-testid="speaker-run">{`Training: ${state.training}`}</span>}
      </nav>
    </div>
  );
}
