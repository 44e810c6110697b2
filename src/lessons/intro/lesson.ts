/** The introduction lesson's registry entry: why self-supervised learning. */
import { step, type LessonMeta } from '../kit/lesson-meta';

/** Registry entry of the introduction. Lecture mode has concept slides for it, so a link opens the first. */
export const introLesson: LessonMeta<'intro'> = {
  id: 'intro',
  title: 'Why self-supervised learning?',
  short: 'Why self-supervised learning',
  numbered: true,
  lecture: { opens: 'cost' },
  tryThis: {
    text: [
      'Before training anything, guess: with only 1,000 labels, will the network that first learned to see rotations beat the same network trained from scratch? ',
      'Write the guess down and check it in ', step('compare'), '.',
    ],
  },
};
