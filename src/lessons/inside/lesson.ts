/** The inspection lesson's registry entry: what did the trunk's convolutions actually learn? */
import type { LessonMeta } from '../kit/lesson-meta';

/** Registry entry of the "what the network learned" panel, a live slide in the lecture's RotNet part. */
export const insideLesson: LessonMeta<'inside'> = {
  id: 'inside',
  title: 'Inside the network: what did it learn?',
  short: 'Inside the network',
  numbered: true,
  lecture: { section: 3 },
  tryThis: {
    text: [
      'Open the filters of the rotation model and then of the supervised model: which moved further from their random start? Then lay out the embeddings of the rotation trunk next to the random one, with UMAP: do the digits form clusters in one and not the other, and does that match the accuracies you measured?',
    ],
  },
};
