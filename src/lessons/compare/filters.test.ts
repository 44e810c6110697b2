import { describe, expect, it } from 'vitest';
import { filterRows } from './filters';
import type { ArmEvaluation } from '../../runtime/messages';

function arm(predictions: number[]): ArmEvaluation {
  const probabilities = new Float32Array(predictions.length * 10);
  predictions.forEach((p, i) => { probabilities[i * 10 + p] = 1; });
  return { accuracy: 0, loss: 0, count: predictions.length, probabilities };
}

describe('stem-plot filters', () => {
  const labels = Uint8Array.from([1, 2, 3, 4]);
  const self = arm([1, 2, 0, 0]);
  const supervised = arm([1, 5, 3, 0]);
  it('finds disagreements and each model\'s mistakes', () => {
    expect(filterRows('all', labels, self, supervised)).toEqual([0, 1, 2, 3]);
    expect(filterRows('disagree', labels, self, supervised)).toEqual([1, 2]);
    expect(filterRows('selfWrong', labels, self, supervised)).toEqual([2, 3]);
    expect(filterRows('supervisedWrong', labels, self, supervised)).toEqual([1, 3]);
  });
});
