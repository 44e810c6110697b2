import { describe, expect, it } from 'vitest';
import type { ProbeReading } from '../../ml/features/live-probe';
import { describeProbeLine, probedTestDigits, probePoints } from './probe-line';

const reading = (epoch: number, accuracy: number): ProbeReading => ({
  epoch, accuracy, lambda: 0.01, grid: [0.01], folds: 2, converged: true, labelled: 1000, tested: 300, ms: 1,
});

describe('the live probe line', () => {
  it('starts at epoch 0 and reads out every number of a short line, with chance', () => {
    const line = [reading(0, 0.883), reading(1, 0.9)];
    expect(probePoints(line)).toEqual([{ x: 0, train: 0.883 }, { x: 1, train: 0.9 }]);
    expect(describeProbeLine('Probe', line)).toBe('Probe: epoch 0 (the untrained trunk) 88.3%, after epoch 1 90.0%; chance is 10%.');
    expect(describeProbeLine('Probe', [])).toBe('Probe: no reading yet; chance is 10%.');
  });

  it('reads a long line as its start, latest and best', () => {
    const line = Array.from({ length: 51 }, (_, e) => reading(e, e === 9 ? 0.95 : 0.9));
    expect(describeProbeLine('Probe', line)).toBe('Probe: epoch 0 (the untrained trunk) 90.0%, after epoch 50 90.0%, best 95.0% after epoch 9; chance is 10%.');
  });

  it('names the test digits it scored', () => {
    expect(probedTestDigits('lecture', 300)).toBe("the lecture's 300 test digits");
    expect(probedTestDigits('full', 1000)).toBe('the first 1,000 of the 10,000 test digits');
  });
});
