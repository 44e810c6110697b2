/**
 * What a key does in lecture mode, and what Space does to a training step. Pure, so the rules a presenter
 * relies on in front of a room are tested in Node rather than discovered on the projector.
 */
import type { RunEntry, StepState } from '../state/lab-state';
import { describeRun, needsPretextMessage, runId, type RunId, type RunSpec, type TrunkUse } from '../ml/experiment/runs';

/** A lecture-mode command. */
export type LectureAction = 'next' | 'previous' | 'first' | 'last' | 'toggleTraining' | 'leave' | 'toggleControls' | 'speakerView';

/** What we need to know about where a key was pressed. */
export interface KeyTarget {
  /** Lower-case tag name, e.g. "input", "button", "div". */
  readonly tag: string;
  readonly editable: boolean;
  /** The element's role attribute, if any. */
  readonly role: string | null;
}

/** Elements where Space already means something (press a button, tick a box, open a summary). */
const SPACE_TAGS = new Set(['button', 'a', 'summary', 'input', 'select', 'textarea', 'option', 'label']);
const SPACE_ROLES = new Set(['button', 'checkbox', 'radio', 'switch', 'menuitem', 'tab', 'link', 'option', 'slider', 'spinbutton']);
/** Elements that take typing or arrows for themselves: no lecture key may fire there. */
const TYPING_TAGS = new Set(['input', 'select', 'textarea']);

/**
 * The action for a key press, or null to leave it to the browser. Keys with Ctrl, Alt or Meta are never ours
 * (Alt+Left is "back"), and nothing fires while the presenter types in a field or works a select, so a
 * seed typed on a slide does not turn the page. Space on a focused button presses that button, as it
 * always does; Space only trains when the focus is on the slide itself.
 */
export function lectureAction(key: string, mods: { readonly ctrl: boolean; readonly alt: boolean; readonly meta: boolean }, target: KeyTarget): LectureAction | null {
  if (mods.ctrl || mods.alt || mods.meta) return null;
  if (target.editable || TYPING_TAGS.has(target.tag)) return null;
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case ' ':
    case 'Spacebar':
      return SPACE_TAGS.has(target.tag) || (target.role !== null && SPACE_ROLES.has(target.role)) ? null : 'toggleTraining';
    case 'Escape':
      return 'leave';
    case 'h':
    case 'H':
      return 'toggleControls';
    case 's':
    case 'S':
      return 'speakerView';
    default:
      return null;
  }
}

/** What Space should do to a slide's training step. */
export type SpaceOutcome =
  | { readonly kind: 'train' | 'pause' | 'resume' }
  | { readonly kind: 'explain'; readonly text: string };

/** What the lab looks like to the Space key: the runs it knows, and the specs of the runs in view. */
export interface SpaceContext {
  readonly runs: Readonly<Record<RunId, RunEntry>>;
  readonly specs: Readonly<Record<TrunkUse, RunSpec>>;
  /** Engine started and MNIST loaded. */
  readonly ready: boolean;
}

/**
 * Space on a training slide: start the run if it has not run, pause it if it runs, resume it if paused.
 * A finished run is not retrained by Space: one stray key press in front of a class should not throw away
 * a trained model, so we say how to retrain instead.
 */
export function spaceOutcome(use: TrunkUse, context: SpaceContext): SpaceOutcome {
  const spec = context.specs[use];
  const state = (id: RunId): StepState => context.runs[id] ?? { status: 'idle' };
  const s = state(runId(spec));
  if (s.status === 'running') return { kind: 'pause' };
  if (s.status === 'paused') return { kind: 'resume' };
  if (!context.ready) return { kind: 'explain', text: 'The training engine and the MNIST data are still loading; press Space again in a moment.' };
  const busy = Object.values(context.runs).find((r) => runId(r.spec) !== runId(spec) && (r.status === 'running' || r.status === 'paused'));
  if (busy !== undefined) return { kind: 'explain', text: `${capitalise(describeRun(busy.spec))} is still training; one run at a time keeps the numbers honest.` };
  const source = state(runId(context.specs.pretext)).status;
  if (use === 'transfer' && source !== 'done' && source !== 'failed') return { kind: 'explain', text: needsPretextMessage(spec) };
  if (s.status === 'done' || s.status === 'failed') {
    return { kind: 'explain', text: `${capitalise(describeRun(spec))} has already trained. To train it again, press its Retrain button.` };
  }
  return { kind: 'train' };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Describes a DOM element for {@link lectureAction}. */
export function keyTarget(el: EventTarget | null): KeyTarget {
  if (!(el instanceof HTMLElement)) return { tag: '', editable: false, role: null };
  return { tag: el.tagName.toLowerCase(), editable: el.isContentEditable, role: el.getAttribute('role') };
}
