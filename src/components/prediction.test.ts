import { describe, expect, it } from 'vitest';
import { DIGIT_CLASSES, ROTATION_CLASSES, argmax, describePrediction } from './prediction';

describe('argmax', () => {
  it('picks the largest and the first on ties, as np.argmax', () => {
    expect(argmax([0.1, 0.7, 0.2])).toBe(1);
    expect(argmax([0.5, 0.5])).toBe(0);
    expect(argmax(new Float32Array([0, 0, 0.9, 0.1]))).toBe(2);
  });
  it('skips NaN and reports no winner when there is none', () => {
    expect(argmax([Number.NaN, 0.2])).toBe(1);
    expect(argmax([Number.NaN])).toBe(-1);
    expect(argmax([])).toBe(-1);
  });
});

describe('describePrediction', () => {
  const p = [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.93, 0.0, 0.0];
  it('says what the model predicts and how sure it is', () => {
    expect(describePrediction(p, DIGIT_CLASSES)).toBe('predicts 7 with 93% confidence');
  });
  it('adds whether it is right when the true label is known', () => {
    expect(describePrediction(p, DIGIT_CLASSES, 7)).toBe('predicts 7 with 93% confidence (correct)');
    expect(describePrediction(p, DIGIT_CLASSES, 1)).toBe('predicts 7 with 93% confidence; the true label is 1');
  });
  it('names rotation classes by angle', () => {
    expect(describePrediction([0.1, 0.05, 0.8, 0.05], ROTATION_CLASSES)).toBe('predicts 180° with 80% confidence');
  });
  it('admits when there is nothing to predict', () => {
    expect(describePrediction([], DIGIT_CLASSES)).toBe('no prediction');
  });
});
