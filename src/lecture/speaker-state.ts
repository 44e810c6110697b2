/**
 * What the speaker view knows, and how each message or button changes it. The speaker view keeps its own
 * slide so that it still works (for a rehearsal, or after the projector's window was closed by mistake) when
 * no audience window answers; whenever one does, the audience's word wins. Pure, tested in Node.
 */
import { moveSlide, type AudienceState, type LectureMessage, type SlideMove, type TrainingStatus } from './speaker-sync';

/** Whether an audience window is listening. */
export type AudienceLink = 'waiting' | 'connected' | 'closed';

/** The speaker view's state. */
export interface SpeakerState {
  /** The slide shown, counted from 0. */
  readonly slide: number;
  readonly slideCount: number;
  /** The audience slide's own words, or null until the audience has sent them for this slide. */
  readonly notes: readonly string[] | null;
  /** The run on this slide, as the audience last reported it; null where the slide trains nothing or nobody said. */
  readonly training: TrainingStatus | null;
  /** When the talk started (ms since the epoch). */
  readonly startedAt: number;
  readonly audience: AudienceLink;
  /** The audience's last explanation of a press that did not train, shown until the slide changes. */
  readonly said: string | null;
}

/** What can happen to the speaker view: a message from the channel, or the speaker's own buttons and keys. */
export type SpeakerEvent =
  | LectureMessage
  | { readonly type: 'move'; readonly move: SlideMove }
  | { readonly type: 'choose'; readonly slide: number };

/** The state of a speaker view just opened on `slide`, before any audience has answered. */
export function initialSpeakerState(slide: number, slideCount: number, now: number): SpeakerState {
  return { slide, slideCount, notes: null, training: null, startedAt: now, audience: 'waiting', said: null };
}

function onSlide(state: SpeakerState, slide: number): SpeakerState {
  if (slide === state.slide) return state;
  // The old slide's notes and run would be wrong under the new title; the audience sends the new ones.
  return { ...state, slide, notes: null, training: null, said: null };
}

function adopt(state: SpeakerState, audience: AudienceState): SpeakerState {
  return { ...state, ...audience, audience: 'connected', said: audience.slide === state.slide ? state.said : null };
}

/** The next state. Messages only another speaker view would act on (`hello`, `toggle-training`) change nothing. */
export function speakerReducer(state: SpeakerState, event: SpeakerEvent): SpeakerState {
  switch (event.type) {
    case 'move': return onSlide(state, moveSlide(event.move, state.slide, state.slideCount));
    case 'choose':
    case 'goto': return onSlide(state, Math.min(state.slideCount - 1, Math.max(0, event.slide)));
    case 'state': return adopt(state, event);
    case 'reset-clock': return { ...state, startedAt: event.startedAt };
    case 'said': return { ...state, said: event.text };
    case 'closed': return event.from === 'audience' ? { ...state, audience: 'closed', training: null } : state;
    case 'hello':
    case 'toggle-training': return state;
  }
}

/** The label of the speaker's training button for a run's status. */
export function trainingButton(status: TrainingStatus): 'Train' | 'Pause' | 'Resume' {
  return status === 'running' ? 'Pause' : status === 'paused' ? 'Resume' : 'Train';
}
