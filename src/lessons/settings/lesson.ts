/** The settings lesson's registry entry. It is not a step of the experiment, so it has no number. */
import { step, type LessonMeta } from '../kit/lesson-meta';

/** Registry entry of the settings panel. Lecture mode shows it on no slide; a link opens the first live one. */
export const settingsLesson: LessonMeta<'settings'> = {
  id: 'settings',
  title: 'Settings',
  short: 'Settings',
  numbered: false,
  lecture: { opens: 'rotation' },
  tryThis: {
    text: [
      'Change nothing but the seed and train everything again. How far do the accuracies in ', step('compare'),
      ' move? That spread is the noise any difference between two models has to beat.',
    ],
    setups: [{
      label: 'Use seed 2',
      done: ['Seed set to 2. Train the steps again and compare the numbers in ', step('compare'), ' with the first run.'],
      apply: (c) => ({ ...c, seed: 2 }),
    }],
  },
};
