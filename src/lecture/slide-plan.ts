/**
 * The order of the lecture's slides, without their React bodies: the concept slides, and one live slide for
 * every lesson the registry places in the lecture, each in its section. Pure, so the plan (and which slide a
 * link to a lesson opens) is tested in Node; slides.tsx attaches the components.
 */
import { LESSONS, type LessonId } from '../lessons/registry';
import type { LessonMeta } from '../lessons/kit/lesson-meta';
import type { SectionIndex } from '../lessons/kit/sections';

/** A slide's place in the lecture. */
export interface SlidePlan {
  /** Stable name, for keys and tests; a live slide's id is its lesson's id. */
  readonly id: string;
  readonly title: string;
  readonly section: SectionIndex;
  /** The lesson panel this slide shows, for live slides. */
  readonly lesson?: LessonId;
  /** Which part of that panel, for a lesson shown over several slides (see lessons/kit/SlidePart.tsx). */
  readonly part?: string;
}

/** The concept slides, in order. Their bodies are in concepts.tsx. */
export const CONCEPT_SLIDES = [
  { id: 'cost', section: 0, title: 'Supervised pretraining, and what it costs' },
  { id: 'self-supervision', section: 0, title: 'Self-supervised learning: the data labels itself' },
  { id: 'context', section: 1, title: 'Pretext task: context prediction' },
  { id: 'jigsaw', section: 1, title: 'Pretext task: jigsaw puzzles' },
  { id: 'colorization', section: 1, title: 'Pretext task: colorization' },
  { id: 'restoration', section: 1, title: 'Pretext tasks: super-resolution and inpainting' },
  { id: 'pipeline', section: 2, title: 'The self-supervised pipeline' },
  { id: 'rotnet', section: 3, title: 'RotNet: which way is up?' },
] as const satisfies readonly SlidePlan[];

/** A concept slide's id. */
export type ConceptSlideId = (typeof CONCEPT_SLIDES)[number]['id'];

/**
 * The slides in order: section by section, a section's concept slides first and then its live slides in
 * the lessons' page order. Live titles are the panels' headings, which lecture mode hides to save room.
 */
export function planSlides<Id extends LessonId>(concepts: readonly SlidePlan[], lessons: readonly LessonMeta<Id>[]): SlidePlan[] {
  const live: SlidePlan[] = [];
  for (const l of lessons) {
    if (!('section' in l.lecture)) continue;
    const { section, parts = [] } = l.lecture;
    if (parts.length === 0) live.push({ id: l.id, title: l.title, section, lesson: l.id });
    // The first part keeps the lesson's id, so a link to the lesson opens its first slide.
    parts.forEach((p, i) => live.push({ id: i === 0 ? l.id : `${l.id}-${p.id}`, title: `${l.title} ${p.title}`, section, lesson: l.id, part: p.id }));
  }
  // Array.prototype.sort is stable, so within a section concepts stay before lessons and each keeps its order.
  return [...concepts, ...live].sort((a, b) => a.section - b.section);
}

/** Every slide's place, in order. */
export const SLIDE_PLAN: readonly SlidePlan[] = planSlides(CONCEPT_SLIDES, LESSONS);

/**
 * The slide index (0-based) to open for a lesson: its own slide if it has one; for the lessons lecture mode
 * skips (intro, data, settings), the slide their registry entry names, so nobody lands in the middle of the
 * concept slides when they meant "the experiment".
 */
export function slideForLesson(lesson: LessonId | null, plan: readonly SlidePlan[] = SLIDE_PLAN): number {
  if (lesson === null) return 0;
  const place = LESSONS.find((l) => l.id === lesson)?.lecture;
  const target = place === undefined || 'section' in place ? lesson : place.opens;
  return Math.max(0, plan.findIndex((s) => s.id === target));
}
