import * as tf from '#tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { ntXentPerRow, partnerPositions, partnersFound } from './nt-xent';
import { contrastive } from './tensors';
import { useCpuBackend } from '../../testing/fixtures';
import { createRng } from '../../train/random';

/** NT-Xent written out plainly in float64, one row at a time, as the SimCLR paper states it. */
function referenceLoss(z: number[][], temperature: number): number {
  const unit = z.map((v) => { const n = Math.hypot(...v); return v.map((x) => x / n); });
  const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
  let total = 0;
  for (let i = 0; i < unit.length; i++) {
    const partner = i ^ 1;
    let denominator = 0;
    for (let k = 0; k < unit.length; k++) if (k !== i) denominator += Math.exp(dot(unit[i], unit[k]) / temperature);
    total += -Math.log(Math.exp(dot(unit[i], unit[partner]) / temperature) / denominator);
  }
  return total / unit.length;
}

function meanLoss(z: number[][], temperature: number): number {
  return tf.tidy(() => tf.mean(ntXentPerRow(tf.tensor1d(partnerPositions(z.length), 'int32'), tf.tensor2d(z), temperature)).dataSync()[0]);
}

describe('NT-Xent', () => {
  beforeAll(useCpuBackend);

  it('equals the value worked out by hand on two pairs', () => {
    // Views 0,1 point along x, views 2,3 along y (lengths differ: only directions count). Each view's
    // similarities to the other three are 1 (partner), 0, 0; at temperature 0.5 its logits are 2, 0, 0, so
    // its loss is -log(e^2 / (e^2 + 2)) = log(1 + 2 / e^2) = 0.23954...
    const z = [[3, 0], [1, 0], [0, 2], [0, 0.5]];
    const byHand = Math.log(1 + 2 / Math.E ** 2);
    expect(byHand).toBeCloseTo(0.239543, 5);
    expect(meanLoss(z, 0.5)).toBeCloseTo(byHand, 5);
    // Swap views 1 and 2: now each view's partner is orthogonal to it and a stranger points the same way, so
    // its logits are 0 (partner), 2 and 0, and its loss is -log(e^0 / (e^0 + e^2 + e^0)) = log(2 + e^2).
    expect(meanLoss([[3, 0], [0, 2], [1, 0], [0, 0.5]], 0.5)).toBeCloseTo(Math.log(2 + Math.E ** 2), 5);
  });

  it('matches the plain float64 formula on random projections and temperatures', () => {
    const rng = createRng(4);
    for (const temperature of [0.1, 0.5, 1]) {
      const z = Array.from({ length: 6 }, () => Array.from({ length: 3 }, () => rng() * 2 - 1));
      expect(meanLoss(z, temperature)).toBeCloseTo(referenceLoss(z, temperature), 4);
    }
  });

  it('has the gradient finite differences give', () => {
    const rng = createRng(9);
    const z = Array.from({ length: 4 }, () => Array.from({ length: 3 }, () => rng() * 2 - 1));
    const temperature = 0.5;
    const partners = tf.tensor1d(partnerPositions(4), 'int32');
    const gradient = tf.grad((x: tf.Tensor) => tf.mean(ntXentPerRow(partners, x as tf.Tensor2D, temperature)))(tf.tensor2d(z));
    const analytic = gradient.arraySync() as number[][];
    tf.dispose([partners, gradient]);
    // Central differences of the float64 reference: independent of tfjs and of float32 rounding.
    const h = 1e-5;
    let largest = 0;
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 3; j++) {
        const plus = z.map((row) => [...row]);
        const minus = z.map((row) => [...row]);
        plus[i][j] += h;
        minus[i][j] -= h;
        const numeric = (referenceLoss(plus, temperature) - referenceLoss(minus, temperature)) / (2 * h);
        largest = Math.max(largest, Math.abs(numeric));
        expect(analytic[i][j]).toBeCloseTo(numeric, 4);
      }
    }
    expect(largest).toBeGreaterThan(0.01); // the check compared real slopes, not zeros
  });

  it('counts a view right only when its partner is strictly its nearest other view', () => {
    const found = (z: number[][]) => tf.tidy(() => partnersFound(tf.tensor1d(partnerPositions(z.length), 'int32'), tf.tensor2d(z)).dataSync()[0]);
    expect(found([[1, 0], [1, 0.1], [0, 1], [0.1, 1]])).toBe(4);
    // View 3 leans towards x: nearer view 0 (cosine 0.95) than its partner view 2 (0.32), so it alone goes
    // wrong; view 2 still finds view 3, its nearest other view.
    expect(found([[1, 0], [1, 0.1], [0, 1], [0.9, 0.3]])).toBe(3);
    // A network that maps everything to one point finds nothing: ties are not credited.
    expect(found([[1, 1], [1, 1], [1, 1], [1, 1]])).toBe(0);
    // A single pair has no other view to confuse: found by default (its chance is 1 too).
    expect(found([[1, 0], [0, 1]])).toBe(2);
  });

  it('refuses a batch whose pairs were split or shuffled apart', () => {
    const objective = contrastive({ temperature: 0.5 });
    const set = { images: new Uint8Array(0), labels: new Uint8Array(8), count: 8 };
    tf.dispose(objective.targets(set, [4, 5, 0, 1]));
    expect(() => objective.targets(set, [0, 1, 2])).toThrow(/whole pairs/);
    expect(() => objective.targets(set, [1, 2, 4, 5])).toThrow(/stay together/);
    expect(() => objective.targets(set, [0, 2, 1, 3])).toThrow(/stay together/);
  });
});
