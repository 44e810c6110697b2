/** The drawing lesson's registry entry: draw a digit and ask the models. */
import type { LessonMeta } from '../kit/lesson-meta';

/** Registry entry of the draw panel, the lecture's last live slide. */
export const drawLesson: LessonMeta<'draw'> = {
  id: 'draw',
  title: 'Draw a digit: ask the models',
  short: 'Draw a digit',
  numbered: true,
  lecture: { section: 3 },
  tryThis: {
    text: ['Draw a 6 upside down. What do the two classifiers answer, and does the rotation head notice the turn?'],
  },
};
