/**
 * The lesson registry: every lesson panel, in page order. The order gives each numbered panel its step
 * number; each entry (the `lesson.ts` in the lesson's folder) gives its URL id, heading, short name for
 * cross-references, lecture slide and "Try this". The URL parser, the self-study page, the lecture slides,
 * the panels' headings and every "step N" in the prose read it from here, so inserting a panel is one line
 * below (plus its id in kit/lesson-meta.ts and its panel in src/app/lesson-panels.ts, both of which the
 * compiler asks for) and renumbers everything. It sits above the lesson folders and below the URL parser and
 * the shell (docs/architecture.md).
 *
 * Pure data: no React, so the URL parser and the unit tests can import it in Node. See docs/architecture.md.
 */
import { introLesson } from './intro/lesson';
import { dataLesson } from './data/lesson';
import { settingsLesson } from './settings/lesson';
import { rotationLesson } from './rotation/lesson';
import { pretextLesson } from './pretext/lesson';
import { transferLesson } from './transfer/lesson';
import { supervisedLesson } from './supervised/lesson';
import { compareLesson } from './compare/lesson';
import { leaderboardLesson } from './leaderboard/lesson';
import { curveLesson } from './curve/lesson';
import { pretextLengthLesson } from './pretext-length/lesson';
import { insideLesson } from './inside/lesson';
import { drawLesson } from './draw/lesson';
import type { LessonId, LessonMeta, Prose, StepMention } from './kit/lesson-meta';
import { labelStep, proseIn, type LessonCatalog } from './kit/lesson-catalog';

export type { LessonId } from './kit/lesson-meta';

/** Every lesson, in page order. */
export const LESSONS = [
  introLesson,
  dataLesson,
  settingsLesson,
  rotationLesson,
  pretextLesson,
  transferLesson,
  supervisedLesson,
  compareLesson,
  leaderboardLesson,
  curveLesson,
  pretextLengthLesson,
  insideLesson,
  drawLesson,
] as const;

/**
 * The ids the kit declares that no entry above registers; `never` when the list is complete. The next line
 * fails to compile otherwise, naming the missing id.
 */
export type UnregisteredLessonId = Exclude<LessonId, (typeof LESSONS)[number]['id']>;
export const EVERY_LESSON_REGISTERED: [UnregisteredLessonId] extends [never] ? true : UnregisteredLessonId = true;

/** The lesson ids, in page order. */
export const LESSON_IDS: readonly LessonId[] = LESSONS.map((l) => l.id);

/** Whether a name (from a link, say) is a lesson id. */
export function isLessonId(name: string): name is LessonId {
  return (LESSON_IDS as readonly string[]).includes(name);
}

/** The registry entry of a lesson. */
export function lessonMeta(id: LessonId): LessonMeta<LessonId> {
  const found = LESSONS.find((l) => l.id === id);
  if (found === undefined) throw new Error(`No lesson is registered as "${id}".`);
  return found;
}

/**
 * Step numbers for a list of lessons: 1, 2, 3, ... in list order, skipping the lessons that are not numbered
 * steps. Takes the list as a parameter so a test can insert a lesson into a copy and watch the rest move up.
 */
export function numberLessons<Id extends string>(list: readonly Pick<LessonMeta<Id>, 'id' | 'numbered'>[]): ReadonlyMap<Id, number> {
  const numbers = new Map<Id, number>();
  for (const lesson of list) if (lesson.numbered) numbers.set(lesson.id, numbers.size + 1);
  return numbers;
}

const STEP_NUMBERS = numberLessons<LessonId>(LESSONS);

/** A lesson's step number, or null for a lesson that is not a numbered step (Settings). */
export function stepNumber(id: LessonId): number | null {
  return STEP_NUMBERS.get(id) ?? null;
}

/** The registry as the lesson kit reads it; src/main.tsx hands it to every panel (LessonCatalogProvider). */
export const LESSON_CATALOG: LessonCatalog = { meta: lessonMeta, stepNumber };

/** How prose names a lesson: "step 4 (Pretext training)", "step 4", or a short name alone ("Settings"). */
export function stepLabel(id: LessonId, form: StepMention['form'] = 'full'): string {
  return labelStep(LESSON_CATALOG, id, form);
}

/** Prose as plain text, for notices and other places that cannot hold a link. */
export function proseText(prose: Prose): string {
  return proseIn(LESSON_CATALOG, prose);
}
