/** The supervised-baseline lesson's registry entry: the same network, trained from scratch. */
import type { LessonMeta } from '../kit/lesson-meta';

/** Registry entry of the supervised panel, a live slide on which Space trains the supervised model. */
export const supervisedLesson: LessonMeta<'supervised'> = {
  id: 'supervised',
  title: 'The supervised baseline: same network, no pretext',
  short: 'Supervised baseline',
  numbered: true,
  lecture: { section: 3 },
  tryThis: {
    text: [
      'The lecture feeds raw 0–255 pixels to SGD. Retrain with pixels divided by 255: how far does that one choice, not the pretext task, move the from-scratch model?',
    ],
    setups: [{
      label: 'Divide pixels by 255',
      done: ['Input pixels are now divided by 255. Retrain the supervised model (and the other steps, to compare fairly).'],
      apply: (c) => ({ ...c, preset: 'custom', scaling: 'unit' }),
    }],
  },
};
