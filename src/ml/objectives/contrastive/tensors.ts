/**
 * Contrastive learning's NT-Xent as tensors (see `nt-xent.ts`): the network outputs projections [b, d]; rows
 * 2k and 2k+1 of every batch must be the two views of one image. The targets are each row's partner's position
 * in the batch, and building them checks that the batch really holds whole, adjacent pairs: a split pair would
 * silently turn a positive into a negative.
 */
import * as tf from '#tf';
import type { Objective } from '../tensor-types';
import { ntXentPerRow, partnerPositions, partnersFound } from './nt-xent';
import type { ContrastiveSpec } from './index';

/** NT-Xent at the temperature `spec` gives. */
export function contrastive(spec: Pick<ContrastiveSpec, 'temperature'>): Objective {
  const { temperature } = spec;
  return {
    targets(_set, rows) {
      if (rows.length % 2 !== 0) throw new Error(`A contrastive batch needs whole pairs of views; got ${rows.length} rows.`);
      for (let b = 0; b < rows.length; b += 2) {
        if (rows[b] % 2 !== 0 || rows[b + 1] !== rows[b] + 1) {
          throw new Error(`Rows ${rows[b]} and ${rows[b + 1]} are not the two views of one image; pairs must stay together.`);
        }
      }
      return tf.tensor1d(partnerPositions(rows.length), 'int32');
    },
    meanLoss(targets, output) {
      return tf.tidy(() => tf.mean(ntXentPerRow(targets as tf.Tensor1D, output as tf.Tensor2D, temperature)) as tf.Scalar);
    },
    lossSum(targets, output) {
      return tf.tidy(() => tf.sum(ntXentPerRow(targets as tf.Tensor1D, output as tf.Tensor2D, temperature)) as tf.Scalar);
    },
    scoreSum(targets, output) {
      return partnersFound(targets as tf.Tensor1D, output as tf.Tensor2D);
    },
  };
}
