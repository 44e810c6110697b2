/**
 * The jigsaw task (lecture section 2.2; Noroozi & Favaro 2016) on the shared trunk: name which of the 24
 * orders the four tiles were shuffled into. See `jigsaw.ts` for how the puzzles are cut.
 */
import type { PretextTask } from '../types';
import { rowView } from '../view';
import { buildJigsawSet, PERMUTATIONS, permutationName } from './jigsaw';

/** Jigsaw: the same head shape as rotation's (Conv2D(16, stride 2) -> Flatten -> Dense), 24 classes. */
export const jigsawTask: PretextTask = {
  id: 'jigsaw',
  title: 'Jigsaw',
  question: 'The four tiles of the digit were shuffled: in which order?',
  about: 'Each image is cut into four 12x12 tiles, each cut a pixel off its place at random, and put back with a 2-pixel gap in one of the 24 possible orders; the label is the order. The gap and the jitter stop the network from matching stroke ends across tile edges, so it has to know which part of a digit goes where.',
  lectureSection: '2.2',
  paper: {
    authors: 'Noroozi & Favaro', year: 2016,
    title: 'Unsupervised Learning of Visual Representations by Solving Jigsaw Puzzles', venue: 'ECCV',
  },
  objective: { kind: 'classify' },
  classNames: PERMUTATIONS.map((_, i) => permutationName(i)),
  examplesPerImage: 4,
  random: true,
  buildExamples: (images, { seed }) => buildJigsawSet(images, seed, 4),
  head: [
    { kind: 'conv', filters: 16, stride: 2, seedSalt: 4 },
    { kind: 'flatten' },
    { kind: 'dense', units: PERMUTATIONS.length, seedSalt: 6 },
  ],
  settings: (_preset, base) => base,
  // Beside each puzzle, the same cut with its tiles in their own places: what the label undoes.
  describe: (set, row) => ({
    ...rowView(set, row, `order ${permutationName(set.labels[row])}`),
    beside: { caption: 'in order', label: 'the same tiles in their own places' },
  }),
};
