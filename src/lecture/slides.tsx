/**
 * The lecture's table of contents as slides. Concept slides are short; the live slides *are* the lesson
 * panels of the self-study page, rendered one at a time, so what the class sees in lecture mode is what a
 * student later finds on their own, and there is only one copy of each to keep right.
 */
import type { ComponentType } from 'react';
import type { StepName } from '../runtime/messages';
import type { LessonId } from '../app/lessons';
import { RotationPanel } from '../lessons/rotation/RotationPanel';
import { PretextPanel } from '../lessons/pretext/PretextPanel';
import { TransferPanel } from '../lessons/transfer/TransferPanel';
import { SupervisedPanel } from '../lessons/supervised/SupervisedPanel';
import { ComparePanel } from '../lessons/compare/ComparePanel';
import { DrawPanel } from '../lessons/draw/DrawPanel';
import {
  ColorizationSlide, ContextSlide, JigsawSlide, PipelineSlide, RestorationSlide, RotNetSlide, SelfSupervisionSlide, SupervisedCostSlide,
} from './concepts';
import type { SectionIndex } from './sections';

/** One slide. */
export interface Slide {
  /** Stable name, for keys and tests. */
  readonly id: string;
  readonly title: string;
  /** Index into SECTIONS (sections.ts). */
  readonly section: SectionIndex;
  readonly Body: ComponentType;
  /** The lesson panel this slide shows, for live slides. */
  readonly lesson?: LessonId;
  /** The step Space trains, pauses and resumes on this slide. */
  readonly trains?: StepName;
}

/** Every slide, in order. Live titles repeat the panels' headings, which lecture mode hides to save room. */
export const SLIDES: readonly Slide[] = [
  { id: 'cost', section: 0, title: 'Supervised pretraining, and what it costs', Body: SupervisedCostSlide },
  { id: 'self-supervision', section: 0, title: 'Self-supervised learning: the data labels itself', Body: SelfSupervisionSlide },
  { id: 'context', section: 1, title: 'Pretext task: context prediction', Body: ContextSlide },
  { id: 'jigsaw', section: 1, title: 'Pretext task: jigsaw puzzles', Body: JigsawSlide },
  { id: 'colorization', section: 1, title: 'Pretext task: colourisation', Body: ColorizationSlide },
  { id: 'restoration', section: 1, title: 'Pretext tasks: super-resolution and inpainting', Body: RestorationSlide },
  { id: 'pipeline', section: 2, title: 'The self-supervised pipeline', Body: PipelineSlide },
  { id: 'rotnet', section: 3, title: 'RotNet: which way is up?', Body: RotNetSlide },
  { id: 'rotation', section: 3, title: 'Rotation data: labels for free', Body: RotationPanel, lesson: 'rotation' },
  { id: 'pretext', section: 3, title: 'Pretext training: learn to see which way is up', Body: PretextPanel, lesson: 'pretext', trains: 'pretext' },
  { id: 'transfer', section: 3, title: 'Transfer: freeze the features, train a new head', Body: TransferPanel, lesson: 'transfer', trains: 'selfSupervised' },
  { id: 'supervised', section: 3, title: 'The supervised baseline: same network, no pretext', Body: SupervisedPanel, lesson: 'supervised', trains: 'supervised' },
  { id: 'compare', section: 3, title: 'Compare: did the pretext task help?', Body: ComparePanel, lesson: 'compare' },
  { id: 'draw', section: 3, title: 'Draw a digit: ask the models', Body: DrawPanel, lesson: 'draw' },
];

/**
 * The slide index (0-based) to open for a lesson: its own slide if it has one; for the steps lecture mode
 * skips (intro, data, settings) the first slide after them in page order, so nobody lands in the middle of
 * the concept slides when they meant "the experiment".
 */
export function slideForLesson(lesson: LessonId | null): number {
  if (lesson === null || lesson === 'intro') return 0;
  const own = SLIDES.findIndex((s) => s.lesson === lesson);
  if (own >= 0) return own;
  return lesson === 'data' ? SLIDES.findIndex((s) => s.id === 'rotnet') : SLIDES.findIndex((s) => s.lesson === 'rotation');
}
