/**
 * The super-resolution task (lecture section 2.4; Ledig et al. 2017) on the shared trunk: a small decoder reads
 * the trunk's 3x3x32 features and paints the sharp 28x28 image back from a blocky enlargement of a 14x14 or
 * 7x7 copy. See `super-resolution.ts` for how the small copies are made.
 */
import { IMAGE_PIXELS, IMAGE_SIZE } from '../../data/mnist';
import type { PretextTask } from '../types';
import { rowView } from '../view';
import { buildSuperResolutionSet } from './super-resolution';

/**
 * Super-resolution, with inpainting's deliberately weak decoder (Flatten -> Dense(784) -> Reshape), so the
 * shape of the sharp digit has to be known by the trunk.
 */
export const superResolutionTask: PretextTask = {
  id: 'superResolution',
  title: 'Super-resolution',
  question: 'This digit was shrunk and blown up again: what did the sharp original look like?',
  about: 'Each image is shrunk to 14x14 or to 7x7 (drawn at random, each small pixel the mean of a 2x2 or 4x4 block, the blocks moved by a random pixel or few) and enlarged back to 28x28, blocky; the target is the sharp original. The score counts only the pixels the blur changed, where detail was lost, and the loss counts mostly them: the rest (blank paper, the middle of thick strokes) the input already gives away. Copying the blurry input would already beat the chance level shown (painting those pixels all paper), so look for a score well above it. To draw crisp strokes from a blur, especially from 7x7, the network has to know what strokes and digits look like.',
  lectureSection: '2.4',
  paper: {
    authors: 'Ledig, Theis, Huszár, Caballero, Cunningham, Acosta, Aitken, Tejani, Totz, Wang & Shi', year: 2017,
    title: 'Photo-Realistic Single Image Super-Resolution Using a Generative Adversarial Network', venue: 'CVPR',
  },
  // Outside the changed pixels the answer is in the input; weight 0.1 keeps the decoder copying it there
  // without letting the easy copying dominate the loss.
  objective: { kind: 'reconstruct', outsideWeight: 0.1, inkThreshold: 0.5, maskName: 'blurred' },
  classNames: [],
  examplesPerImage: 4,
  random: true,
  buildExamples: (images, { seed }) => buildSuperResolutionSet(images, seed, 4),
  head: [
    { kind: 'flatten' },
    { kind: 'dense', units: IMAGE_PIXELS, seedSalt: 6 },
    { kind: 'reshape', shape: [IMAGE_SIZE, IMAGE_SIZE, 1] },
  ],
  settings: (_preset, base) => base,
  describe: (set, row) => rowView(set, row, `the sharp original of a ${set.labels[row]}x${set.labels[row]} copy`),
};
