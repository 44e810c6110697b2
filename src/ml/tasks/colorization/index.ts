/**
 * The colorization task (lecture section 2.3; Zhang, Isola & Efros 2016) on the shared trunk: from the grey
 * picture of a coloured digit, name every pixel's colour class. See `colorization.ts` for how the colours
 * are made.
 */
import { IMAGE_PIXELS, IMAGE_SIZE } from '../../data/mnist';
import type { PretextTask } from '../types';
import { buildColorizationSet, coloredPicture, COLOR_CLASSES, inkOf, PALETTE } from './colorization';

/**
 * Colorization. The head is a weak decoder, like inpainting's, that paints at half size and enlarges: Flatten ->
 * Dense(14 x 14 x 5) -> Reshape -> Conv2DTranspose(5, 2 x 2, stride 2), five numbers for every 2 x 2 block of
 * pixels, which one small learned map (the same for every block) turns into each of the block's four pixels'
 * colour scores. Zhang et al.'s network also works at a quarter of the pixels and enlarges with a transposed
 * convolution: neighbouring pixels nearly always share a colour. Naming all 28 x 28 pixels through one Dense layer
 * took 1.1 million weights, more arithmetic per image than the whole trunk; this head has a quarter of that. What
 * is where in the picture still has to come from the trunk.
 */
export const colorizationTask: PretextTask = {
  id: 'colorization',
  title: 'Colorization',
  question: 'This is a black-and-white photo of a coloured digit: which colour is each pixel?',
  about: `MNIST has no colour, so we make some: each copy of a digit is written in one ink, yellow, green, red or blue, drawn at random, and the network sees only its grey, as a black-and-white camera would. It must name every pixel's colour, or paper. Zhang et al. hoped colour would force a network to recognise things (grass is green, sky is blue); here that cannot happen, and the task is easy without knowing anything about digits: the four inks look differently bright in grey, one ink fills the whole stroke, and ink and paper are plain to see. The score counts only ink pixels, so painting everything paper gets nothing. Whether features this easy task teaches still help to read digits is exactly what the leaderboard can show.`,
  lectureSection: '2.3',
  paper: {
    authors: 'Zhang, Isola & Efros', year: 2016,
    title: 'Colorful Image Colorization', venue: 'ECCV',
  },
  // Paper is visible in the grey input; weight 0.1 keeps the decoder painting it without letting the 80% of
  // pixels that are paper drown the ink, where the colour question is.
  objective: { kind: 'classifyPixels', classes: COLOR_CLASSES, outsideWeight: 0.1 },
  classNames: [],
  examplesPerImage: 4,
  random: true,
  // 2: the head paints at 14 x 14 and enlarges (revision 1 named all 28 x 28 pixels through one Dense layer).
  revision: 2,
  buildExamples: (images, { seed }) => buildColorizationSet(images, seed, 4),
  head: [
    { kind: 'flatten' },
    { kind: 'dense', units: (IMAGE_PIXELS / 4) * COLOR_CLASSES, seedSalt: 6 },
    { kind: 'reshape', shape: [IMAGE_SIZE / 2, IMAGE_SIZE / 2, COLOR_CLASSES] },
    { kind: 'convTranspose', filters: COLOR_CLASSES, size: 2, stride: 2, seedSalt: 7 },
  ],
  settings: (_preset, base) => base,
  describe: (set, row) => {
    const ink = inkOf(set, row);
    return {
      input: set.images.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS),
      target: null,
      targetRgb: coloredPicture(set, row),
      label: ink === null ? 'all paper' : `the digit in ${PALETTE[ink].name} ink`,
    };
  },
};
