/**
 * The inpainting task (lecture section 2.5; Pathak et al. 2016) on the shared trunk: a small decoder reads the
 * trunk's 3x3x32 features and paints the whole 28x28 image; the loss counts mostly the hole.
 */
import { IMAGE_PIXELS, IMAGE_SIZE } from '../../data/mnist';
import type { PretextTask } from '../types';
import { rowView } from '../view';
import { buildInpaintingSet } from './inpainting';

/**
 * Inpainting. The decoder is one Dense layer from the 288 trunk features to 784 pixels: deliberately weak,
 * so that what the digit should look like has to be known by the trunk, not by a big decoder.
 */
export const inpaintingTask: PretextTask = {
  id: 'inpainting',
  title: 'Inpainting',
  question: 'A square of the digit is missing: what was there?',
  about: 'A grey square of 10 to 14 pixels hides part of each digit, at a random place inside the 20x20 box MNIST centres its digits in; the target is the original pixels. To paint back a missing loop or stroke end, the network has to know how digits continue.',
  lectureSection: '2.5',
  paper: {
    authors: 'Pathak, Krähenbühl, Donahue, Darrell & Efros', year: 2016,
    title: 'Context Encoders: Feature Learning by Inpainting', venue: 'CVPR',
  },
  // Outside the hole the answer is visible in the input; weight 0.1 keeps the decoder honest there without
  // letting copying dominate the loss.
  objective: { kind: 'reconstruct', outsideWeight: 0.1, inkThreshold: 0.5 },
  classNames: [],
  examplesPerImage: 4,
  random: true,
  buildExamples: (images, { seed }) => buildInpaintingSet(images, seed, 4),
  head: [
    { kind: 'flatten' },
    { kind: 'dense', units: IMAGE_PIXELS, seedSalt: 6 },
    { kind: 'reshape', shape: [IMAGE_SIZE, IMAGE_SIZE, 1] },
  ],
  settings: (_preset, base) => base,
  describe: (set, row) => rowView(set, row, 'the original pixels under the grey square'),
};
