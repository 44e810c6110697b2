import { describe, expect, it } from 'vitest';
import { probeFindings, probeTrunkName } from './probe-words';
import type { ProbeRow } from '../../ml/features/probe-trunk';

const rows = (c1: number, c2: number, c3?: number): ProbeRow[] => [
  { depth: 2, block: 'conv1 + pool', width: 3136, linear: c1, knn: 0.6 },
  { depth: 4, block: 'conv2 + pool', width: 288, linear: c2, knn: 0.7 },
  ...(c3 === undefined ? [] : [{ depth: 5, block: 'conv3', width: 64, linear: c3, knn: 0.6 }]),
];

describe('the probe table in words', () => {
  it('names trunks by their run', () => {
    expect(probeTrunkName('rotation.pretext.s1')).toBe('Rotation pretext model, seed 1');
    expect(probeTrunkName('random.s4')).toBe('Random trunk (untrained, seed 4)');
  });

  it('calls a conv3 drop specialisation only beyond the untrained trunk\'s drop', () => {
    const specialised = probeFindings({ 'rotation.pretext.s1': rows(0.8, 0.9, 0.7), 'random.s1': rows(0.8, 0.88, 0.85) });
    expect(specialised[0]).toBe('Rotation pretext model, seed 1: the linear probe reads the digit best after conv2 + pool (90.0%). Its conv3 reads it 20.0% worse, more than the random trunk\'s 3.0%: the top block has specialised in the pretext task.');
    expect(specialised[1]).toMatch(/Even untrained, conv3 reads it worse \(3\.0% lower\)/);
    const sizeOnly = probeFindings({ 'rotation.pretext.s1': rows(0.8, 0.9, 0.7), 'random.s1': rows(0.8, 0.88, 0.69) });
    expect(sizeOnly[0]).toMatch(/about as much as the random trunk's 19\.0%: the drop is conv3's smaller size, not specialisation\.$/);
    expect(probeFindings({ 'rotation.pretext.s1': rows(0.8, 0.9, 0.7) })[0]).toMatch(/probe a random trunk too/);
    expect(probeFindings({ 'scratch.s1.n1000': rows(0.85, 0.8) })[0]).toBe('Supervised (from scratch), seed 1: the linear probe reads the digit best after conv1 + pool (85.0%).');
  });
});
