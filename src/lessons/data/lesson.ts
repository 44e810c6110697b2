/** The data lesson's registry entry: the MNIST splits and which of them may use labels. */
import { step, type LessonMeta } from '../kit/lesson-meta';

/** Registry entry of the data panel. Lecture mode has no slide for it; a link opens the RotNet slide. */
export const dataLesson: LessonMeta<'data'> = {
  id: 'data',
  title: 'The data: MNIST, mostly without labels',
  short: 'The data',
  numbered: true,
  lecture: { opens: 'rotnet' },
  tryThis: {
    text: [
      'The pretext task never reads a label, so unlabelled images are the cheap part. Use only 2,000 of them and train the pretext model in ',
      step('pretext'), ' again: how much rotation accuracy, and how much downstream accuracy, did the rest buy?',
    ],
    setups: [{
      label: 'Use 2,000 unlabelled images',
      done: ['Unlabelled pretext images set to 2,000. Retrain the pretext model in ', step('pretext'), ' and the head in ', step('transfer'), '.'],
      apply: (c) => ({ ...c, preset: 'custom', splits: { ...c.splits, pretextCount: 2000 } }),
    }],
  },
};
