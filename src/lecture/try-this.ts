/**
 * "Try this": one small experiment per step of the self-study page, each a question whose answer the lab can
 * show. Where the experiment is a settings change, it comes with a button that makes it, so a student spends
 * the time on the question rather than on finding the field.
 */
import type { ExperimentConfig } from '../ml/config/presets';
import type { LessonId } from '../url/url-state';

/** A settings change a suggestion can make for the student. */
export interface Setup {
  /** Button text, e.g. "Set 1 pretext epoch". */
  readonly label: string;
  /** What changed, for the notice after the click. */
  readonly done: string;
  apply(config: ExperimentConfig): ExperimentConfig;
}

/** One suggestion. */
export interface Suggestion {
  readonly text: string;
  readonly setups?: readonly Setup[];
}

function pretextEpochs(n: number): Setup {
  return {
    label: `Set ${n} pretext epoch${n === 1 ? '' : 's'}`,
    done: `Pretext epochs set to ${n}. Train the pretext model (step 4) and then the self-supervised head (step 5).`,
    apply: (c) => ({ ...c, preset: 'custom', pretext: { ...c.pretext, epochs: n } }),
  };
}

/** The suggestion for each step that has one. */
export const SUGGESTIONS: Partial<Record<LessonId, Suggestion>> = {
  rotation: {
    text:
      'The lecture’s loop stores image i at rows 4i−4 to 4i−1, so image 0 lands at the very end of the dataset (row −4 is the fourth from last). ' +
      'Why can that matter only when training does not shuffle? Train the pretext model once in the lecture’s order and once in the order a reader expects.',
    setups: [{
      label: 'Use the reader’s order',
      done: 'Rotation order set to “grouped” (image i at rows 4i to 4i+3). Retrain the pretext model to compare.',
      apply: (c) => ({ ...c, preset: 'custom', rotationOrder: 'grouped' }),
    }],
  },
  pretext: {
    text: 'Train the pretext model for 1 epoch, then for 5, and carry each through the transfer step. Does the downstream accuracy change, or only the rotation accuracy?',
    setups: [pretextEpochs(1), pretextEpochs(5)],
  },
  transfer: {
    text: 'Fewer labels: use 100 labelled images instead of 1,000 and train both the head and the supervised model again. Does self-supervision help more when labels are scarce?',
    setups: [{
      label: 'Use 100 labelled images',
      done: 'Labelled images set to 100. Retrain the self-supervised head (step 5) and the supervised model (step 6).',
      apply: (c) => ({ ...c, preset: 'custom', splits: { ...c.splits, labelledCount: 100 } }),
    }],
  },
  supervised: {
    text: 'The lecture feeds raw 0–255 pixels to SGD. Retrain with pixels divided by 255: how far does that one choice, not the pretext task, move the from-scratch model?',
    setups: [{
      label: 'Divide pixels by 255',
      done: 'Input pixels are now divided by 255. Retrain the supervised model (and the other steps, to compare fairly).',
      apply: (c) => ({ ...c, preset: 'custom', scaling: 'unit' }),
    }],
  },
  compare: {
    text: 'Test on all 10,000 test images, then repeat the whole run with seeds 1, 2 and 3. Is the gap between the two models larger than the spread between seeds?',
    setups: [{
      label: 'Test on all 10,000 images',
      done: 'The comparison now uses all 10,000 test images. Evaluate again.',
      apply: (c) => ({ ...c, splits: { ...c.splits, testSet: 'full' } }),
    }],
  },
  draw: {
    text: 'Draw a 6 upside down. What do the two classifiers answer, and does the rotation head notice the turn?',
  },
};
