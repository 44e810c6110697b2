import { describe, expect, it } from 'vitest';
import { TASK_IDS } from '../../ml/tasks/registry';
import { taskAccent } from '../shared/run-display';
import { taskMark } from './PretextScatter';

describe('the pretext scatter', () => {
  it('gives every task of the registry a mark of its own (colour and shape), none reused', () => {
    const marks = TASK_IDS.map((t) => `${taskMark(t).color} ${taskMark(t).shape}`);
    expect(new Set(marks).size).toBe(TASK_IDS.length);
  });

  it('draws a task in the colour it has on every other chart', () => {
    for (const t of TASK_IDS) expect(taskMark(t).color).toBe(taskAccent(t));
  });
});
