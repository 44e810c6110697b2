/**
 * Contrastive learning's objective, page-safe half (SimCLR's NT-Xent; Chen et al. 2020): no target at all but
 * the pairing of rows: each view must find its partner among the batch. The tensors are in `tensors.ts`, the
 * loss itself in `nt-xent.ts`.
 */
import type { ObjectiveTraits, SamplePicture } from '../types';

/** Rows of one pair: the two views of an image, adjacent (rows 2k and 2k+1). */
export const VIEWS_PER_PAIR = 2;

/**
 * Tell apart views (SimCLR's NT-Xent): rows come in adjacent pairs, two views of one image; each row must be
 * most similar to its partner among all other rows of the batch (cosine similarity over `temperature`).
 * Scored by the share of rows whose most similar other row is their partner. That score depends on how many
 * rows compete, so evaluation always compares `evaluationRows` rows at a time.
 */
export interface ContrastiveSpec {
  readonly kind: 'contrastive';
  readonly temperature: number;
  readonly evaluationRows: number;
}

/** What a contrastive objective means to the page. */
export function contrastiveTraits(spec: ContrastiveSpec): ObjectiveTraits {
  return {
    scoreName: 'views that found their partner',
    lossWords: `NT-Xent at temperature ${spec.temperature}, pairs kept together in each batch`,
    // The trainer shuffles and batches whole pairs; the objective refuses a batch with a split pair.
    groupSize: VIEWS_PER_PAIR,
    // A contrastive score depends on how many views compete (1 in 191 is harder than 1 in 63), so it is always
    // measured in batches of the task's own size, whatever the caller asks: the same number on every panel.
    evaluationBatch: () => spec.evaluationRows,
    chance: (set) => contrastiveChance(set.count, spec.evaluationRows),
    paints: false,
    namesClasses: false,
    samples(examples, describe) {
      // Each pair's first view beside its second (its positive), which the task describes as its target.
      const pictures: SamplePicture[] = [];
      for (let row = 0, pair = 1; row < examples.count; row += VIEWS_PER_PAIR, pair++) {
        const view = describe(examples, row);
        pictures.push({ key: `view-a-${row}`, pixels: view.input, caption: `view ${pair}a`, label: `Pair ${pair}, view ${pair}a: a random view of the image` });
        if (view.target) pictures.push({ key: `view-b-${row}`, pixels: view.target, caption: `view ${pair}b`, label: `Pair ${pair}, view ${pair}b: ${view.label}` });
      }
      return { noun: 'views', pictures };
    },
  };
}

/**
 * Chance of finding one's partner by guessing, averaged over `rows` views evaluated from the first row on in
 * batches of `batchRows` (the last one smaller): each view guesses among the other views of its batch. The
 * last batch of a set is usually smaller (40,000 test views in batches of 192 leave 64, where chance is 1/63,
 * three times higher), so the honest chance level is the average over views of 1 / (their batch's size - 1).
 */
export function contrastiveChance(rows: number, batchRows: number): number {
  if (rows < 2) return NaN;
  let sum = 0;
  for (let start = 0; start < rows; start += batchRows) {
    const size = Math.min(batchRows, rows - start);
    sum += size / Math.max(1, size - 1);
  }
  return sum / rows;
}
