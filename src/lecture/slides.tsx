/**
 * The lecture's table of contents as slides. Concept slides are short; the live slides *are* the lesson
 * panels of the self-study page, rendered one at a time, so what the class sees in lecture mode is what a
 * student later finds on their own, and there is only one copy of each to keep right. Which lessons get a
 * slide, and where, is the lesson registry's to say (src/lessons/registry.ts); the order is in slide-plan.ts.
 */
import type { ComponentType } from 'react';
import type { TrunkUse } from '../ml/experiment/runs';
import type { LessonId } from '../lessons/registry';
import { LESSON_PANELS } from '../app/lesson-panels';
import {
  ColorizationSlide, ContextSlide, JigsawSlide, PipelineSlide, RestorationSlide, RotNetSlide, SelfSupervisionSlide, SupervisedCostSlide,
} from './concepts';
import { SLIDE_PLAN, type ConceptSlideId, type SlidePlan } from './slide-plan';

/** One slide. */
export interface Slide extends SlidePlan {
  readonly Body: ComponentType;
  /** The run (of the task in view) that Space trains, pauses and resumes on this slide. */
  readonly trains?: TrunkUse;
}

const CONCEPT_BODIES: Readonly<Record<ConceptSlideId, ComponentType>> = {
  cost: SupervisedCostSlide,
  'self-supervision': SelfSupervisionSlide,
  context: ContextSlide,
  jigsaw: JigsawSlide,
  colorization: ColorizationSlide,
  restoration: RestorationSlide,
  pipeline: PipelineSlide,
  rotnet: RotNetSlide,
};

/** The model Space trains on a lesson's live slide. */
const TRAINS: Partial<Record<LessonId, TrunkUse>> = { pretext: 'pretext', transfer: 'transfer', supervised: 'scratch' };

/** Every slide, in order. */
export const SLIDES: readonly Slide[] = SLIDE_PLAN.map((plan) => (plan.lesson === undefined
  ? { ...plan, Body: CONCEPT_BODIES[plan.id as ConceptSlideId] }
  : { ...plan, Body: LESSON_PANELS[plan.lesson], trains: TRAINS[plan.lesson] }));
