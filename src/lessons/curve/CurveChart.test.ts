import { describe, expect, it } from 'vitest';
import { RUN_COLORS } from '../../components/palette';
import { taskAccent } from '../shared/run-display';
import { trunkColor } from './CurveChart';

describe('the curve\'s colours', () => {
  it('keeps a task\'s colour whatever its place in the list, recorded or swept', () => {
    expect(trunkColor('contrastive', 0)).toBe(trunkColor('contrastive', 5));
    expect(trunkColor('contrastive.pretext.s2', 9)).toBe(taskAccent('contrastive'));
    expect(trunkColor('rotation', 3)).toBe(RUN_COLORS.transfer);
    expect(trunkColor('finetune-rotation', 1)).toBe(RUN_COLORS.finetune);
    expect(trunkColor('scratch', 1)).toBe(RUN_COLORS.scratch);
  });
});
