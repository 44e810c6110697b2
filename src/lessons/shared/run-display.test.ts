import { describe, expect, it } from 'vitest';
import { ROTATION_ACCENT, RUN_COLORS } from '../../components/palette';
import { TASK_IDS } from '../../ml/tasks/registry';
import { runColor, taskAccent } from './run-display';

describe('task colours', () => {
  it('gives every task a colour of its own, apart from the colours of the uses', () => {
    const accents = TASK_IDS.map(taskAccent);
    expect(accents.every((c) => typeof c === 'string' && c.startsWith('#'))).toBe(true);
    expect(new Set(accents).size).toBe(TASK_IDS.length);
    const uses = [RUN_COLORS.scratch, RUN_COLORS.random, RUN_COLORS.pretext, RUN_COLORS.finetune, ROTATION_ACCENT];
    for (const c of accents) expect(uses).not.toContain(c);
    expect(taskAccent('rotation')).toBe(RUN_COLORS.transfer);
  });

  it('colours every task\'s frozen features apart on a panel about any one task', () => {
    for (const inView of TASK_IDS) {
      const colours = TASK_IDS.map((task) => runColor({ task, use: 'transfer', seed: 1, labels: 100 }, inView));
      expect(new Set(colours).size).toBe(TASK_IDS.length);
      expect(colours[TASK_IDS.indexOf(inView)]).toBe(RUN_COLORS.transfer);
    }
  });
});
