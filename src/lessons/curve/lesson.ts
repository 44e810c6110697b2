/** The label-efficiency lesson's registry entry: how many labels does a trunk save? */
import type { LessonMeta } from '../kit/lesson-meta';
import { step } from '../kit/lesson-meta';

/** Registry entry of the curve panel, a live slide in the lecture's last part, after the leaderboard. */
export const curveLesson: LessonMeta<'curve'> = {
  id: 'curve',
  title: 'How many labels? The label-efficiency curve',
  short: 'How many labels?',
  numbered: true,
  lecture: {
    section: 3,
    parts: [
      { id: 'curve', title: '(1 of 4)' },
      { id: 'findings', title: '(2 of 4): what the data shows' },
      { id: 'sweep', title: '(3 of 4): sweep your own trunks' },
      { id: 'probes', title: '(4 of 4): probes, block by block' },
    ],
  },
  tryThis: {
    text: [
      'Sweep the rotation trunk (frozen), the same trunk fine-tuned, and the random trunk at 10, 100 and 1,000 labels with two seeds. Where do the frozen rotation features stop helping? Then run the probes: which block of the rotation model reads the digit best? Compare with ',
      step('leaderboard'), '.',
    ],
  },
};
