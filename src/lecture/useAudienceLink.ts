/**
 * The audience window's side of the speaker view (see speaker-sync.ts): it answers a speaker view that opens,
 * tells it where the lecture is whenever the slide, its run or the clock changes, and does what it asks
 * (move, train, pause, restart the clock). The audience keeps the training worker; the speaker only asks.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useLab } from '../state/store';
import { runState } from '../state/lab-state';
import { experimentSpecs, runId } from '../ml/experiment/runs';
import { SLIDES } from './slides';
import { slideNotes } from './slide-notes';
import { LECTURE_CHANNEL, readMessage, type LectureMessage, type TrainingStatus } from './speaker-sync';

/** When this page's talk started: the first time lecture mode opened, kept when the lecturer steps out and back. */
let talkStartedAt: number | null = null;

/** What the audience window does for the speaker view. */
export interface AudienceLinkOptions {
  readonly slide: number;
  readonly onSlide: (index: number) => void;
  /** The slide's element, to read its notes from. */
  readonly stage: RefObject<HTMLElement | null>;
  /** Train, pause or resume this slide's run; returns why nothing happened, or null. */
  readonly toggleTraining: () => string | null;
}

/** The status of the run a slide trains, or null for a slide that trains nothing. */
function useTrainingStatus(slide: number): TrainingStatus | null {
  const use = SLIDES[slide].trains;
  return useLab((s) => (use === undefined ? null : runState(s, runId(experimentSpecs(s.config)[use])).status));
}

/** Keeps any speaker view of this origin in step with this window. */
export function useAudienceLink({ slide, onSlide, stage, toggleTraining }: AudienceLinkOptions): void {
  const training = useTrainingStatus(slide);
  const [startedAt, setStartedAt] = useState(() => (talkStartedAt ??= Date.now()));
  const channel = useRef<BroadcastChannel | null>(null);

  // The channel's listener is set up once; it reads the latest slide and callbacks through this ref.
  const latest = useRef({ slide, training, startedAt, onSlide, toggleTraining });
  latest.current = { slide, training, startedAt, onSlide, toggleTraining };

  const sendState = useRef(() => {
    const { slide: now, training: run, startedAt: since } = latest.current;
    const notes = stage.current === null ? [] : slideNotes(stage.current);
    post(channel.current, { type: 'state', slide: now, notes, training: run, startedAt: since });
  });

  useEffect(() => {
    // A browser without BroadcastChannel still gives a working lecture, just no speaker view in step.
    if (typeof BroadcastChannel !== 'function') return;
    const ch = new BroadcastChannel(LECTURE_CHANNEL);
    channel.current = ch;
    ch.onmessage = (event: MessageEvent<unknown>) => {
      const message = readMessage(event.data, SLIDES.length);
      if (message === null) return;
      switch (message.type) {
        case 'hello': sendState.current(); return;
        case 'goto': latest.current.onSlide(message.slide); return;
        case 'toggle-training': {
          // A press meant for the slide we just left must not start another slide's run.
          if (message.slide !== latest.current.slide) return;
          const why = latest.current.toggleTraining();
          if (why !== null) post(ch, { type: 'said', text: why });
          return;
        }
        case 'reset-clock':
          talkStartedAt = message.startedAt;
          setStartedAt(message.startedAt);
          return;
        default: return;
      }
    };
    const bye = () => post(ch, { type: 'closed', from: 'audience' });
    window.addEventListener('pagehide', bye);
    sendState.current();
    return () => {
      window.removeEventListener('pagehide', bye);
      // Leaving lecture mode is closing the audience as far as the speaker view is concerned.
      bye();
      ch.close();
      channel.current = null;
    };
  }, []);

  // The slide's DOM is committed when this runs (children's effects and layout come first), so its notes are there.
  useEffect(() => {
    sendState.current();
  }, [slide, training, startedAt]);
}

function post(channel: BroadcastChannel | null, message: LectureMessage): void {
  channel?.postMessage(message);
}
