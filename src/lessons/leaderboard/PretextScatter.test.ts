import { describe, expect, it } from 'vitest';
import { TASK_IDS } from '../../ml/tasks/registry';
import { MARKS } from './PretextScatter';

describe('the pretext scatter', () => {
  it('gives every task of the registry a mark of its own (colour and shape), none reused', () => {
    expect(MARKS.length).toBeGreaterThanOrEqual(TASK_IDS.length);
    const marks = TASK_IDS.map((_, i) => `${MARKS[i].color} ${MARKS[i].shape}`);
    expect(new Set(marks).size).toBe(TASK_IDS.length);
  });
});
