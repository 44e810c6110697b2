/**
 * Rotation prediction, the task the lecture codes (section 2.6; Gidaris, Singh & Komodakis 2018): each
 * image at 0, 90, 180 and 270 degrees, labelled by the turn alone. To say which way is up, the network has
 * to know what a digit looks like, or so the argument goes.
 */
import { IMAGE_PIXELS } from '../../data/mnist';
import type { PretextTask } from '../types';
import { buildRotationSet, ROTATION_CLASSES, ROTATION_NAMES, type RotationOrder } from './rotation';

/**
 * The row order a run asks for in its settings (`rotationOrder`): the lecture's notebook order when they say
 * so (the Lecture preset does), else grouped, as on the data panel and for the test examples.
 */
function rowOrder(config: object | undefined): RotationOrder {
  return config !== undefined && 'rotationOrder' in config && config.rotationOrder === 'lecture' ? 'lecture' : 'grouped';
}

/** The rotation task. Its head is the lecture's: Conv2D(16, 3x3, stride 2) -> Flatten -> Dense(4). */
export const rotationTask: PretextTask = {
  id: 'rotation',
  title: 'Rotation',
  question: 'Which way has the digit been turned: 0, 90, 180 or 270 degrees?',
  about: 'Every pretext image is turned by 0°, 90°, 180° and 270° (counter-clockwise, like numpy\'s np.rot90), labelled by the turn alone, written one-hot as in the lecture: the dataset grows four times. To say which way is up, the network has to know what an upright digit looks like.',
  lectureSection: '2.6',
  hope: 'With rotation, telling a 6 turned 180° from a 9 needs strokes, loops and their usual orientation: that is the hope of RotNet (Gidaris et al. 2018).',
  testExamplesName: 'rotated test images',
  paper: {
    authors: 'Gidaris, Singh & Komodakis', year: 2018,
    title: 'Unsupervised Representation Learning by Predicting Image Rotations', venue: 'ICLR',
  },
  objective: { kind: 'classify' },
  classNames: ROTATION_NAMES,
  examplesPerImage: 4,
  random: false,
  buildExamples: (images, { config }) => buildRotationSet(images, rowOrder(config)),
  head: [
    { kind: 'conv', filters: 16, stride: 2, seedSalt: 4 },
    { kind: 'flatten' },
    { kind: 'dense', units: ROTATION_CLASSES, seedSalt: 6 },
  ],
  settings: (_preset, base) => base,
  // Every image at all four turns, whatever the seed; the lecture built the same set with a loop of tensors.
  generatedNote: '(The lecture\'s loop of one-hot tensors takes about 13 s for the same work.)',
  describe: (set, row) => {
    const turn = set.labels[row];
    const oneHot = ROTATION_NAMES.map((_, k) => (k === turn ? 1 : 0)).join(', ');
    return {
      input: set.images.subarray(row * IMAGE_PIXELS, (row + 1) * IMAGE_PIXELS),
      target: null,
      label: ROTATION_NAMES[turn],
      // The label as the lecture writes it: the class, then one-hot.
      caption: `${ROTATION_NAMES[turn]} → label ${turn} [${oneHot}]`,
    };
  },
};
