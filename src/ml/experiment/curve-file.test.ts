import { describe, expect, it } from 'vitest';
import { compareSentence, curveFindings, curveTrunkTitle, parseCurveFile } from './curve-file';
import type { Curve } from './curve';
import { formatCurveReport, mergeCurveReports, type CurveReport } from './curve-report';

const point = (labels: number, accuracies: number[]) => {
  const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
  const std = Math.sqrt(accuracies.reduce((a, v) => a + (v - mean) ** 2, 0) / (accuracies.length - 1));
  return { labels, balanced: labels <= 100, mean, std, accuracies };
};
const curve = (trunk: Curve['trunk'], rows: number[][]): Curve => ({ trunk, points: [10, 100, 1000].map((n, i) => point(n, rows[i])) });
const file = {
  curves: [
    curve('rotation', [[0.5, 0.52, 0.51], [0.8, 0.81, 0.79], [0.9, 0.91, 0.9]]),
    curve('random', [[0.4, 0.42, 0.41], [0.8, 0.82, 0.8], [0.95, 0.94, 0.95]]),
    curve('scratch', [[0.2, 0.22, 0.25], [0.6, 0.62, 0.61], [0.9, 0.92, 0.91]]),
  ],
  preset: 'quick', seeds: 3, seedList: [1, 2, 3], labels: [10, 100, 1000], validation: 'none', testCount: 10_000,
  labelPool: { start: 10_000, size: 10_000 }, balancedUpTo: 100, backend: 'wasm', elapsedMs: 1,
  recordedAt: '2026-11-30T01:00:00.000Z', command: 'npm run curve -- --seeds 3',
};

describe('the recorded curve file', () => {
  it('is read when whole, and refused with the first problem named otherwise', () => {
    expect(parseCurveFile(file).curves).toHaveLength(3);
    expect(() => parseCurveFile([])).toThrow('not a curve file');
    expect(() => parseCurveFile({ ...file, curves: [] })).toThrow('the curve file has no curves');
    expect(() => parseCurveFile({ ...file, recordedAt: 'yesterday' })).toThrow('no valid recording date');
    expect(() => parseCurveFile({ ...file, command: undefined })).toThrow('does not say which command recorded it');
    const broken = { ...file, curves: [{ ...file.curves[0], points: [{ ...file.curves[0].points[0], accuracies: [0.5] }] }] };
    expect(() => parseCurveFile(broken)).toThrow('curve "rotation" at 10 labels needs one accuracy per seed');
    const wrong = { ...file, curves: [{ ...file.curves[0], points: [{ ...file.curves[0].points[0], mean: 51 }] }] };
    expect(() => parseCurveFile(wrong)).toThrow('needs a mean from 0 to 1');
  });

  it('says, from the numbers, where one trunk beats, ties with or trails another', () => {
    const [rotation, random, scratch] = file.curves;
    expect(compareSentence(rotation, random)).toBe('The frozen rotation trunk beats the random frozen trunk at 10 labels, ties with it (within twice the noise between seeds) at 100, and falls behind it at 1,000.');
    expect(compareSentence(rotation, scratch)).toMatch(/^The frozen rotation trunk beats the network trained from scratch at 10 and 100 labels/);
    expect(compareSentence(random, rotation)).toBe('The random frozen trunk beats the frozen rotation trunk at 1,000 labels, ties with it (within twice the noise between seeds) at 100, and falls behind it at 10.');
    expect(compareSentence({ ...random, points: random.points.slice(1, 2) }, rotation)).toBe('The random frozen trunk ties with the frozen rotation trunk (within twice the noise between seeds) at 100 labels.');
    expect(curveFindings(file as never)).toHaveLength(3);
    expect(curveTrunkTitle('finetune-rotation')).toBe('rotation fine-tuned');
    const one = { ...rotation, points: rotation.points.map((p) => ({ ...p, accuracies: [p.mean] })) };
    expect(compareSentence(one, { ...random, points: random.points.map((p) => ({ ...p, accuracies: [p.mean] })) })).toMatch(/^With one seed/);
  });
});

describe('merging recorded curves', () => {
  it('joins curves measured the same way, with the union of label counts, and refuses anything else', () => {
    const a = parseCurveFile({ ...file, curves: file.curves.slice(0, 2), command: 'A' });
    const b = parseCurveFile({ ...file, curves: [{ ...file.curves[2], points: file.curves[2].points.slice(0, 2) }], labels: [10, 100], command: 'B', recordedAt: '2026-11-30T02:00:00.000Z' });
    const merged = mergeCurveReports([a, b], 'scratch stops at 100 labels');
    expect(merged.curves.map((c) => c.trunk)).toEqual(['rotation', 'random', 'scratch']);
    expect(merged).toMatchObject({ labels: [10, 100, 1000], command: 'A && B', recordedAt: '2026-11-30T02:00:00.000Z', note: 'scratch stops at 100 labels', elapsedMs: 2 });
    expect(parseCurveFile(merged)).toBe(merged);
    expect(formatCurveReport(merged)).toMatch(/1000 .* not measured/);
    expect(() => mergeCurveReports([a, { ...b, seedList: [1, 2] }])).toThrow(/cannot merge curves measured differently/);
    expect(() => mergeCurveReports([a, a])).toThrow('the trunk "rotation" has a point at 10 labels in more than one file');
    // A trunk recorded in two parts becomes one curve.
    const c = parseCurveFile({ ...file, curves: [{ ...file.curves[2], points: file.curves[2].points.slice(2) }], labels: [1000], command: 'C' });
    expect(mergeCurveReports([a, b, c]).curves.find((x) => x.trunk === 'scratch')?.points.map((p) => p.labels)).toEqual([10, 100, 1000]);
  });
});

describe('merging curves read by different heads', () => {
  const part = (head: 'probe' | 'lecture' | undefined, trunk: string): CurveReport => ({
    ...(head ? { head } : {}), preset: 'quick', seeds: 1, seedList: [1], labels: [10], validation: 'none', testCount: 10, labelPool: { start: 10_000, size: 10_000 },
    balancedUpTo: 100, backend: 'wasm', elapsedMs: 1, recordedAt: '2026-01-01T00:00:00Z', command: trunk,
    curves: [{ trunk: trunk as CurveReport['curves'][number]['trunk'], points: [{ labels: 10, balanced: true, mean: 0.5, std: 0, accuracies: [0.5] }] }],
  });

  it('joins a scratch curve (its own head) to frozen trunks read by the probe, and refuses frozen trunks read by two heads', () => {
    const merged = mergeCurveReports([part('probe', 'rotation'), part(undefined, 'scratch')]);
    expect(merged.head).toBe('probe');
    expect(merged.curves.map((c) => c.trunk)).toEqual(['rotation', 'scratch']);
    expect(() => mergeCurveReports([part('probe', 'rotation'), part('lecture', 'random')])).toThrow(/different heads \(probe and lecture\)/);
  });
});
