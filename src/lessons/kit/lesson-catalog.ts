/**
 * What a lesson may know about the other lessons: their headings, short names and step numbers. The
 * registry that holds them (src/lessons/registry.ts) imports every lesson's metadata, so it sits above the
 * lessons; the kit below them cannot import it. The app hands it down instead, once, as a React context (./useLessonCatalog.ts,
 * provided in src/main.tsx), and the frame and the step references read it from there. That keeps the layers
 * honest without a global set at import time, whose order nobody could see. Pure: the registry and Node tests
 * import this file.
 */
import type { LessonId, LessonMeta, Prose, StepMention } from './lesson-meta';

/** The registry, as the kit reads it. */
export interface LessonCatalog {
  /** The registry entry of a lesson. */
  meta(id: LessonId): LessonMeta<LessonId>;
  /** A lesson's step number, or null for a lesson that is not a numbered step (Settings). */
  stepNumber(id: LessonId): number | null;
}

/**
 * How prose names a lesson: "step 4 (Pretext training)", or "step 4" where the sentence already says what it
 * is. A lesson without a number is named by its short name alone ("Settings").
 */
export function labelStep(catalog: LessonCatalog, id: LessonId, form: StepMention['form'] = 'full'): string {
  const n = catalog.stepNumber(id);
  const { short } = catalog.meta(id);
  if (n === null) return short;
  return form === 'number' ? `step ${n}` : `step ${n} (${short})`;
}

/** Prose as plain text, for notices and other places that cannot hold a link. */
export function proseIn(catalog: LessonCatalog, prose: Prose): string {
  return prose.map((part) => (typeof part === 'string' ? part : labelStep(catalog, part.step, part.form))).join('');
}
