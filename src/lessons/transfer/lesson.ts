/** The transfer lesson's registry entry: freeze the pretext features, train a new head. */
import { stepNo, type LessonMeta } from '../kit/lesson-meta';

/** Registry entry of the transfer panel, a live slide on which Space trains the self-supervised head. */
export const transferLesson: LessonMeta<'transfer'> = {
  id: 'transfer',
  title: 'Transfer: freeze the features, train a new head',
  short: 'Transfer',
  numbered: true,
  lecture: { section: 3 },
  tryThis: {
    text: [
      'Fewer labels: use 100 labelled images instead of 1,000 and train both the head and the supervised model again. Does self-supervision help more when labels are scarce?',
    ],
    setups: [{
      label: 'Use 100 labelled images',
      done: ['Labelled images set to 100. Retrain the self-supervised head (', stepNo('transfer'), ') and the supervised model (', stepNo('supervised'), ').'],
      apply: (c) => ({ ...c, preset: 'custom', splits: { ...c.splits, labelledCount: 100 } }),
    }],
  },
};
