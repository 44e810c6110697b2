/**
 * What the lecture's two windows say to each other. The audience window (the projector) owns the slides'
 * live panels and the training worker; the speaker view (the lecturer's laptop) only shows notes and sends
 * requests. They talk over a BroadcastChannel, which joins every window of the same origin without either
 * having to hold the other's handle, so closing one never breaks the other.
 *
 * Pure: the messages, how to read one that arrives (anything may arrive on a channel), where a move goes and
 * the speaker view's address. Tested in Node.
 */

/** The channel both windows of a lecture open. */
export const LECTURE_CHANNEL = 'pretext-lab-lecture';

/** Which window said something. */
export type WindowRole = 'audience' | 'speaker';

/** A training slide's run, as the speaker's Train / Pause button needs to know it. */
export type TrainingStatus = 'idle' | 'running' | 'paused' | 'done' | 'failed';

/** A move between slides, from a button or a key. */
export type SlideMove = 'next' | 'previous' | 'first' | 'last';

/** Where the audience window is: everything the speaker view shows that it cannot work out alone. */
export interface AudienceState {
  /** The slide on the projector, counted from 0. */
  readonly slide: number;
  /** The slide's own words (its explanation, or a concept slide's points), one paragraph each. */
  readonly notes: readonly string[];
  /** The run this slide trains, or null on a slide that trains nothing. */
  readonly training: TrainingStatus | null;
  /** When the talk started (ms since the epoch), for the speaker's clock. */
  readonly startedAt: number;
}

/** Every message on the channel. */
export type LectureMessage =
  /** A speaker view has opened and asks where the lecture is; the audience answers with `state`. */
  | { readonly type: 'hello' }
  /** The speaker moved: the audience goes to this slide (counted from 0). */
  | { readonly type: 'goto'; readonly slide: number }
  /** The speaker pressed Train / Pause (or Space) on this slide; a press meant for another slide is dropped. */
  | { readonly type: 'toggle-training'; readonly slide: number }
  /** The speaker restarted the clock. */
  | { readonly type: 'reset-clock'; readonly startedAt: number }
  /** The audience's slide, notes, run and clock, sent whenever one of them changes. */
  | ({ readonly type: 'state' } & AudienceState)
  /** Why the audience did not train (a run elsewhere, data still loading...), so the speaker reads it too. */
  | { readonly type: 'said'; readonly text: string }
  /** A window is closing. */
  | { readonly type: 'closed'; readonly from: WindowRole };

const STATUSES: readonly TrainingStatus[] = ['idle', 'running', 'paused', 'done', 'failed'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isSlide(value: unknown, count: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < count;
}

/**
 * A message from the channel, checked, or null. Another version of the app in another tab (an old one kept by
 * the offline cache, say) shares the channel's name, so what arrives is read like a form, never trusted.
 */
export function readMessage(data: unknown, slideCount: number): LectureMessage | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case 'hello':
      return { type: 'hello' };
    case 'goto':
    case 'toggle-training':
      return isSlide(data.slide, slideCount) ? { type: data.type, slide: data.slide } : null;
    case 'reset-clock':
      return typeof data.startedAt === 'number' && Number.isFinite(data.startedAt) ? { type: 'reset-clock', startedAt: data.startedAt } : null;
    case 'said':
      return typeof data.text === 'string' ? { type: 'said', text: data.text } : null;
    case 'closed':
      return data.from === 'audience' || data.from === 'speaker' ? { type: 'closed', from: data.from } : null;
    case 'state': {
      const { slide, notes, training, startedAt } = data;
      if (!isSlide(slide, slideCount) || typeof startedAt !== 'number' || !Number.isFinite(startedAt)) return null;
      if (!Array.isArray(notes) || !notes.every((n): n is string => typeof n === 'string')) return null;
      if (training !== null && !(STATUSES as readonly unknown[]).includes(training)) return null;
      return { type: 'state', slide, notes, training: training as TrainingStatus | null, startedAt };
    }
    default:
      return null;
  }
}

/** The slide a move lands on (counted from 0): no wrapping round, so a clicker pressed once too often stays put. */
export function moveSlide(move: SlideMove, slide: number, count: number): number {
  switch (move) {
    case 'next': return Math.min(count - 1, slide + 1);
    case 'previous': return Math.max(0, slide - 1);
    case 'first': return 0;
    case 'last': return count - 1;
  }
}

/**
 * The speaker view's address, from the audience's query string: the same settings (so both windows describe
 * one setup), `mode=speaker` and the slide (counted from 1, as in lecture links).
 */
export function speakerSearch(audienceSearch: string, slide: number): string {
  const params = new URLSearchParams(audienceSearch);
  params.set('mode', 'speaker');
  params.set('slide', String(slide + 1));
  return `?${params.toString()}`;
}
