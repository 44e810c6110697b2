/** The pretext-length lesson's registry entry: does training the pretext task longer give better digit features? */
import type { LessonMeta } from '../kit/lesson-meta';
import { step } from '../kit/lesson-meta';

/** Registry entry of the pretext-length panel, a live slide in the lecture's last part, after the curve. */
export const pretextLengthLesson: LessonMeta<'pretext-length'> = {
  id: 'pretext-length',
  title: 'Longer pretext training: better features?',
  short: 'Pretext length',
  numbered: true,
  lecture: {
    section: 3,
    parts: [
      { id: 'chart', title: '(1 of 2)' },
      { id: 'findings', title: '(2 of 2): what the data shows' },
    ],
  },
  tryThis: {
    text: [
      'Before you read the findings, guess: after which epoch does the rotation trunk read the digit best? Then train a rotation pretext model for 5 epochs in ',
      step('pretext'), ' and watch its live probe line: does your seed follow the recorded band?',
    ],
  },
};
