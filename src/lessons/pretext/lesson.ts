/** The pretext-training lesson's registry entry. */
import { step, stepNo, type LessonMeta, type Setup } from '../kit/lesson-meta';

function pretextEpochs(n: number): Setup {
  return {
    label: `Set ${n} pretext epoch${n === 1 ? '' : 's'}`,
    done: [`Pretext epochs set to ${n}. Train the pretext model (`, stepNo('pretext'), ') and then the self-supervised head (', stepNo('transfer'), ').'],
    apply: (c) => ({ ...c, preset: 'custom', pretext: { ...c.pretext, epochs: n } }),
  };
}

/** Registry entry of the pretext panel, a live slide on which Space trains the pretext model. */
export const pretextLesson: LessonMeta<'pretext'> = {
  id: 'pretext',
  title: 'Pretext training: learn from labels that cost nothing',
  short: 'Pretext training',
  numbered: true,
  lecture: { section: 3 },
  tryThis: {
    text: [
      'Train the pretext model for 1 epoch, then for 5, and carry each through ', step('transfer'),
      '. Does the downstream accuracy change, or only the rotation accuracy?',
    ],
    setups: [pretextEpochs(1), pretextEpochs(5)],
  },
};
