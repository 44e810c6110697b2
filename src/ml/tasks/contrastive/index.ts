/**
 * Contrastive learning (SimCLR; Chen, Kornblith, Norouzi & Hinton 2020), the method that came after the
 * lecture's pretext tasks, on the shared trunk: a small projection head maps each view to 32 numbers, and the
 * NT-Xent loss pulls the two views of an image together and pushes them away from every other view in the
 * batch. See `contrastive.ts` for how the views are made and laid out.
 */
import { IMAGE_PIXELS } from '../../data/mnist';
import type { PretextTask } from '../types';
import { buildContrastiveSet, partnerRow } from './contrastive';

/** Rows of one contrastive evaluation batch: 96 pairs, as many as a training batch of the lecture's 192. */
export const CONTRASTIVE_EVALUATION_ROWS = 192;

/**
 * Contrastive. The head is SimCLR's projection head, shrunk: Flatten -> Dense(64, relu) -> Dense(32). SimCLR
 * found that the loss is best applied after such a head, not on the features themselves: the head can throw
 * away what the augmentations change (position, slant, stroke width) so the trunk below does not have to.
 * Like every head here, it is dropped for the digit transfer; only the trunk is kept.
 */
export const contrastiveTask: PretextTask = {
  id: 'contrastive',
  title: 'Contrastive',
  question: 'Which of the other pictures in the batch is another view of this same digit?',
  about: 'What came after pretext tasks: SimCLR (Chen et al. 2020) drops the invented question. Each image gives two pairs of random views (a small rotation up to 15°, a zoom and shift, thicker or thinner strokes, never a mirror image, which would turn a digit into another one). The network maps every view to 32 numbers; the NT-Xent loss (temperature 0.5) rewards each view for being closest to its partner among all the views in the batch. To tell its partner from the 190 other views in a batch of 192, the network has to keep what survives the augmentations: the shape of the digit. Below, views 1a and 1b are one pair and 2a and 2b the other: within a pair each view is the other\'s positive.',
  lectureSection: 'after the lecture',
  paper: {
    authors: 'Chen, Kornblith, Norouzi & Hinton', year: 2020,
    title: 'A Simple Framework for Contrastive Learning of Visual Representations', venue: 'ICML',
  },
  // SimCLR's default temperature 0.5 (their CIFAR-10 setting; 0.1 was best only with very large batches).
  // A lower temperature weighs the hardest negatives more; with 96 pairs per batch there are few of them.
  objective: { kind: 'contrastive', temperature: 0.5, evaluationRows: CONTRASTIVE_EVALUATION_ROWS },
  classNames: [],
  examplesPerImage: 4,
  random: true,
  buildExamples: (images, { seed }) => buildContrastiveSet(images, seed),
  head: [
    { kind: 'flatten' },
    { kind: 'dense', units: 64, seedSalt: 6, activation: 'relu' },
    { kind: 'dense', units: 32, seedSalt: 7 },
  ],
  settings: (_preset, base) => base,
  describe: (set, row) => {
    const partner = partnerRow(row);
    return {
      input: set.images.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS),
      target: set.images.subarray(partner * IMAGE_PIXELS, (partner + 1) * IMAGE_PIXELS),
      label: 'the other view of the same image (its positive)',
    };
  },
};
