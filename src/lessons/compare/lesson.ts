/** The comparison lesson's registry entry: did the pretext task help? */
import type { LessonMeta } from '../kit/lesson-meta';

/** Registry entry of the compare panel, a live slide of the lecture's last part. */
export const compareLesson: LessonMeta<'compare'> = {
  id: 'compare',
  title: 'Compare: did the pretext task help?',
  short: 'Compare',
  numbered: true,
  lecture: {
    section: 3,
    parts: [
      { id: 'results', title: '(1 of 4): the two models' },
      { id: 'control', title: '(2 of 4): random frozen features' },
      { id: 'finetune', title: '(3 of 4): fine-tuning' },
      { id: 'predictions', title: '(4 of 4): image by image' },
    ],
  },
  tryThis: {
    text: [
      'Test on all 10,000 test images, then repeat the whole run with seeds 1, 2 and 3. Is the gap between the two models larger than the spread between seeds?',
    ],
    setups: [{
      label: 'Test on all 10,000 images',
      done: ['The comparison now uses all 10,000 test images. Evaluate again.'],
      apply: (c) => ({ ...c, splits: { ...c.splits, testSet: 'full' } }),
    }],
  },
};
