/**
 * The context prediction task (lecture section 2.1; Doersch, Gupta & Efros 2015) on the shared trunk: given the
 * centre patch of a digit and one of its eight neighbours, say where the neighbour was. See `context.ts` for
 * how the patches are cut.
 */
import type { PretextTask } from '../types';
import { rowView } from '../view';
import { buildContextSet, NEIGHBOUR_NAMES } from './context';

/**
 * Context prediction. Doersch et al. ran each patch through its own copy of the network and joined them
 * late; here both patches share one 28x28 input so that every task trains the same trunk, and the head is
 * jigsaw's (Conv2D(16, stride 2) -> Flatten -> Dense), with 8 classes.
 */
export const contextTask: PretextTask = {
  id: 'context',
  title: 'Context prediction',
  question: 'The left patch is the middle of a digit: where was the right patch?',
  about: 'Each image is cut into a 3x3 grid of 7x7 patches, 9 pixels apart, each a pixel off its place at random, and the whole grid moves by up to 6 pixels. The centre patch (left) and one of its eight neighbours (right) are shown twice their size; the label is where the neighbour was. A pair with a nearly empty patch is cut again elsewhere on the digit, so almost every label can be answered (a thin 1 has no ink to its top left anywhere; that is about 1 example in 100). The uneven gaps stop the network from just continuing strokes across patch edges: to say that a piece of curve sits above the middle, it has to know how digits are built.',
  lectureSection: '2.1',
  paper: {
    authors: 'Doersch, Gupta & Efros', year: 2015,
    title: 'Unsupervised Visual Representation Learning by Context Prediction', venue: 'ICCV',
  },
  objective: { kind: 'classify' },
  classNames: [...NEIGHBOUR_NAMES],
  examplesPerImage: 4,
  random: true,
  buildExamples: (images, { seed }) => buildContextSet(images, seed, 4),
  head: [
    { kind: 'conv', filters: 16, stride: 2, seedSalt: 4 },
    { kind: 'flatten' },
    { kind: 'dense', units: NEIGHBOUR_NAMES.length, seedSalt: 6 },
  ],
  settings: (_preset, base) => base,
  describe: (set, row) => ({
    ...rowView(set, row, `neighbour: ${NEIGHBOUR_NAMES[set.labels[row]]}`),
    beside: { caption: 'cut from', label: `the nine patches where they were cut, the centre and its ${NEIGHBOUR_NAMES[set.labels[row]]} neighbour bright` },
  }),
};
