/** The rotation lesson's registry entry: rotation data, labels for free. */
import type { LessonMeta } from '../kit/lesson-meta';

/** Registry entry of the rotation panel, which is also a live slide of the lecture's last part. */
export const rotationLesson: LessonMeta<'rotation'> = {
  id: 'rotation',
  title: 'Pretext data: labels for free',
  short: 'Pretext data',
  numbered: true,
  lecture: { section: 3 },
  tryThis: {
    text: [
      'The lecture’s loop stores image i at rows 4i−4 to 4i−1, so image 0 lands at the very end of the dataset (row −4 is the fourth from last). ' +
        'Why can that matter only when training does not shuffle? Train the pretext model once in the lecture’s order and once in the order a reader expects.',
    ],
    setups: [{
      label: 'Use the reader’s order',
      done: ['Rotation order set to “grouped” (image i at rows 4i to 4i+3). Retrain the pretext model to compare.'],
      apply: (c) => ({ ...c, preset: 'custom', rotationOrder: 'grouped' }),
    }],
  },
};
