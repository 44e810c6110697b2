/**
 * The shape of one lesson in the registry (src/lessons/registry.ts), and the pieces its prose is written with.
 * Each lesson folder describes itself with a {@link LessonMeta} in its `lesson.ts`; the registry puts them in
 * order, and the order alone decides the step numbers.
 *
 * Prose that points at another step never writes the number: it holds a {@link StepMention}, and the number
 * is looked up when the text is shown, so inserting a panel renumbers every "step 5" on the page at once.
 *
 * Pure data and types: no React, no store, and nothing from the registry, which imports every lesson folder's
 * metadata and so sits above them: the lesson ids are written out here instead, and the registry's compiler
 * check (src/lessons/registry.ts) makes sure each one is registered.
 */
import type { ExperimentConfig } from '../../ml/config/presets';
import type { SectionIndex } from './sections';

/**
 * A lesson panel's id: the names a link may use for the step (`#pretext`, `?step=pretext`). Never change one:
 * links use it. A new lesson adds its id here; the registry then refuses to compile until it is registered.
 */
export type LessonId =
  | 'intro' | 'data' | 'settings' | 'rotation' | 'pretext' | 'transfer' | 'supervised' | 'compare'
  | 'leaderboard' | 'curve' | 'pretext-length' | 'inside' | 'draw';

/** A pointer to another lesson inside prose: "step 4 (Pretext training)", or just "step 4". */
export interface StepMention {
  readonly step: LessonId;
  /** `full`: number and short name; `number`: the number alone, where the sentence already names the step. */
  readonly form: 'full' | 'number';
}

/** Text that may mention other lessons: plain strings and mentions, in reading order. */
export type Prose = readonly (string | StepMention)[];

/** A mention that reads "step 4 (Pretext training)". */
export function step(id: LessonId): StepMention {
  return { step: id, form: 'full' };
}

/** A mention that reads "step 4", for sentences that already say what the step is. */
export function stepNo(id: LessonId): StepMention {
  return { step: id, form: 'number' };
}

/** A settings change a "Try this" can make for the student. */
export interface Setup {
  /** Button text, e.g. "Set 1 pretext epoch". */
  readonly label: string;
  /** What changed and what to do next, for the notice after the click. */
  readonly done: Prose;
  apply(config: ExperimentConfig): ExperimentConfig;
}

/** A lesson's "Try this": one small experiment whose answer the lab can show. */
export interface Suggestion {
  readonly text: Prose;
  readonly setups?: readonly Setup[];
}

/** One screen of a lesson that needs more than one slide: its id (for SlidePart) and the words after the title. */
export interface SlidePartMeta {
  readonly id: string;
  readonly title: string;
}

/**
 * Where a lesson appears in lecture mode: as its own live slide in a section of the lecture (or several, one per
 * part, where one screen cannot hold it), or not at all, in which case a link to it opens the named slide instead
 * (for the lessons lecture mode skips).
 */
export type LecturePlace = { readonly section: SectionIndex; readonly parts?: readonly SlidePartMeta[] } | { readonly opens: string };

/**
 * One lesson panel. `Id` is the literal id; a folder's `lesson.ts` writes it in the type as well as the
 * value (`LessonMeta<'pretext'>`), because the registry derives `LessonId` from these objects and
 * TypeScript cannot infer a type that its own prose refers to.
 */
export interface LessonMeta<Id extends string = string> {
  /** The URL id (`#pretext`, `?step=pretext`) and the panel's element id. Never change one: links use it. */
  readonly id: Id;
  /** The panel's heading, and its live slide's title. */
  readonly title: string;
  /** A few words for cross-references: "step 4 (Pretext training)". */
  readonly short: string;
  /** Whether the lesson is a numbered step of the experiment (Settings is not). */
  readonly numbered: boolean;
  readonly lecture: LecturePlace;
  readonly tryThis: Suggestion;
}
