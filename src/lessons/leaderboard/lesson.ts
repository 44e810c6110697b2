/** The leaderboard lesson's registry entry: which pretext task's features are worth learning? */
import type { LessonMeta } from '../kit/lesson-meta';

/** Registry entry of the leaderboard panel, a live slide at the end of the lecture's last part. */
export const leaderboardLesson: LessonMeta<'leaderboard'> = {
  id: 'leaderboard',
  title: 'Leaderboard: which features are worth learning?',
  short: 'Leaderboard',
  numbered: true,
  lecture: {
    section: 3,
    parts: [
      { id: 'table', title: '(1 of 4): the table' },
      { id: 'verdicts', title: '(2 of 4): what the data shows' },
      { id: 'instruments', title: '(3 of 4): two instruments' },
      { id: 'scatter', title: '(4 of 4): solving the task is not enough' },
    ],
  },
  tryThis: {
    text: [
      'Pick the task you think will do best and train its row live. Then train the random-features control with the same seed: does your task beat it by more than the noise? A pretext score near 100% does not promise good digit features: compare the scatter.',
    ],
    setups: [{
      label: 'Test on all 10,000 images',
      done: ['Your rows now use all 10,000 test images, like the recorded ones.'],
      apply: (c) => ({ ...c, splits: { ...c.splits, testSet: 'full' } }),
    }],
  },
};
