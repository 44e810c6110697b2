/**
 * The denoising task (Vincent, Larochelle, Bengio & Manzagol 2008) on the shared trunk: a small decoder reads
 * the trunk's 3x3x32 features and paints the clean 28x28 digit back from a noisy copy. See `denoising.ts` for
 * how the noise is drawn.
 */
import { IMAGE_PIXELS, IMAGE_SIZE } from '../../data/mnist';
import type { PretextTask } from '../types';
import { rowView } from '../view';
import { buildDenoisingSet, NOISE_NAMES } from './denoising';

/**
 * Denoising, with inpainting's deliberately weak decoder (Flatten -> Dense(784) -> Reshape), so what a clean
 * digit looks like has to be known by the trunk.
 */
export const denoisingTask: PretextTask = {
  id: 'denoising',
  title: 'Denoising',
  question: 'This digit is covered in noise: what did the clean digit look like?',
  about: 'Each copy of a digit gets its own noise, drawn at random: Gaussian (every pixel moved by a random amount, its spread 25% to 50% of full brightness), salt and pepper (5% to 20% of the pixels set to pure white or pure black), or both; the target is the clean digit. The loss is the squared error over every pixel, as Vincent et al.\'s; the score counts only the pixels the noise flipped between paper and ink, where copying the noisy input is always wrong. Most of those are specks of salt on the paper, so painting them all paper (the chance level shown) already scores high: look for a score well above it. To tell a stray speck from the end of a stroke, and to close a stroke the pepper broke, the network has to know what digits look like. Inpainting, at lecture section 2.5, is the same idea with one large hole instead of many small specks.',
  lectureSection: 'before the lecture\'s tasks',
  paper: {
    authors: 'Vincent, Larochelle, Bengio & Manzagol', year: 2008,
    title: 'Extracting and Composing Robust Features with Denoising Autoencoders', venue: 'ICML',
  },
  // Every pixel of the clean digit is the target, weighted alike (outsideWeight 1: Vincent et al.'s plain
  // squared error); the score reads only the flipped pixels, since elsewhere copying the input is already right.
  objective: { kind: 'reconstruct', outsideWeight: 1, inkThreshold: 0.5, maskName: 'flipped' },
  classNames: [],
  examplesPerImage: 4,
  random: true,
  buildExamples: (images, { seed }) => buildDenoisingSet(images, seed, 4),
  head: [
    { kind: 'flatten' },
    { kind: 'dense', units: IMAGE_PIXELS, seedSalt: 6 },
    { kind: 'reshape', shape: [IMAGE_SIZE, IMAGE_SIZE, 1] },
  ],
  settings: (_preset, base) => base,
  describe: (set, row) => rowView(set, row, `the clean digit under the ${NOISE_NAMES[set.labels[row]]} noise`),
};
