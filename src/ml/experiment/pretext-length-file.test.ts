import { describe, expect, it } from 'vitest';
import { parsePretextLengthFile } from './pretext-length-file';
import { overallFindings, taskFindings } from './pretext-length-words';
import { fixtureTask, pretextLengthFixture, seedStats } from '../testing/pretext-length-fixture';

/** The fixture as it would arrive from a server: plain JSON. */
const json = () => JSON.parse(JSON.stringify(pretextLengthFixture())) as Record<string, unknown> & ReturnType<typeof pretextLengthFixture>;

describe('the recorded pretext-length file', () => {
  it('is read when whole, and refused with the first problem named otherwise', () => {
    expect(parsePretextLengthFile(json()).tasks.map((t) => t.id)).toEqual(['rotation', 'contrastive']);
    expect(() => parsePretextLengthFile([])).toThrow('not a pretext-length file');
    expect(() => parsePretextLengthFile({ ...json(), version: 2 })).toThrow('not a pretext-length file');
    expect(() => parsePretextLengthFile({ ...json(), head: 'lecture' })).toThrow('must measure with the linear probe');
    expect(() => parsePretextLengthFile({ ...json(), epochs: [0, 5, 2] })).toThrow('epochs as whole numbers in increasing order');
    expect(() => parsePretextLengthFile({ ...json(), recordedAt: 'soon' })).toThrow('no valid recording date');
    expect(() => parsePretextLengthFile({ ...json(), commands: [] })).toThrow('does not say which commands');
    const file = json();
    const [rotation] = file.tasks;
    const withPoint = (point: object) => ({ ...file, tasks: [{ ...rotation, points: [point] }] });
    expect(() => parsePretextLengthFile(withPoint({ ...rotation.points[0], epoch: 3 }))).toThrow('task "rotation" has a point at an epoch the file does not list');
    expect(() => parsePretextLengthFile(withPoint({ ...rotation.points[0], accuracy: { mean: 88, std: 1, perSeed: [88, 88, 88] } }))).toThrow('task "rotation" at epoch 0: the digit accuracy needs a mean from 0 to 1');
    expect(() => parsePretextLengthFile(withPoint({ ...rotation.points[0], accuracy: { ...rotation.points[0].accuracy, perSeed: [0.9] } }))).toThrow('one value from 0 to 1 per seed (3)');
    expect(() => parsePretextLengthFile(withPoint({ ...rotation.points[0], probes: [{ labels: 50, block: 'conv1 + pool', accuracy: seedStats(0.5, 0.01) }] }))).toThrow('label count or block the file does not list');
    expect(() => parsePretextLengthFile({ ...file, tasks: [{ ...rotation, points: [rotation.points[1], rotation.points[0]] }] })).toThrow('out of order');
  });

  it('drops tasks this copy of the app does not know, and refuses a file with none it knows', () => {
    const file = json();
    const unknown = { ...file.tasks[0], id: 'telepathy' };
    expect(parsePretextLengthFile({ ...file, tasks: [...file.tasks, unknown] }).tasks).toHaveLength(2);
    expect(() => parsePretextLengthFile({ ...file, tasks: [unknown] })).toThrow('no task this copy of the app knows');
  });
});

describe('what the pretext-length study shows, in words computed from its numbers', () => {
  const [rotation, contrastive] = pretextLengthFixture().tasks;

  it('compares the longest training with the untrained trunk and with the best epoch, by the leaderboard\'s rule', () => {
    expect(taskFindings(contrastive)).toBe(
      'Contrastive: 50 epochs of pretext training lift the probe from 88.0% (the untrained trunk) to 93.5%, 5.5 points more, beyond twice the noise between seeds (±0.3). '
      + 'Epoch 50 is also its best reading. Block 2 reads the digit better than block 1 (93.5% against 90.5%, beyond the noise).',
    );
    expect(taskFindings(rotation)).toBe(
      'Rotation: after 50 epochs of pretext training the probe reads 87.0%, 1.0 points below the untrained trunk\'s 88.0%, beyond twice the noise between seeds (±0.3). '
      + 'Its best reading is at epoch 2 (90.5%); by epoch 50 it has fallen back by 3.5 points, beyond the noise (±0.3): here, longer is worse. '
      + 'Block 1 reads the digit better than block 2 (89.0% against 87.0%, beyond the noise).',
    );
  });

  it('says "within the noise" when the seeds cannot tell readings apart, and "one seed" when there is no spread', () => {
    const flat = fixtureTask('jigsaw', 'Jigsaw', [0.88, 0.881, 0.882, 0.881, 0.882, 0.881, 0.882], [0.04, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9], 0, 0.0417);
    expect(taskFindings(flat)).toMatch(/^Jigsaw: after 50 epochs of pretext training the probe reads 88\.2%, within the noise between seeds of the untrained trunk's 88\.0% \(\+0\.2 points, ±0\.3\)\. Its best reading is at epoch 2 \(88\.2%\), within the noise of epoch 50's\. Blocks 1 and 2 read the digit equally well/);
    const single = { ...flat, points: flat.points.map((p) => ({ ...p, accuracy: { ...p.accuracy, perSeed: [p.accuracy.mean] }, probes: [] })) };
    expect(taskFindings(single)).toBe('Jigsaw: with one seed, 88.0% at epoch 0 and 88.2% after 50 epochs cannot be told apart from noise. Its best reading is at epoch 2 (88.2%); one seed cannot say whether epoch 50 is really lower.');
  });

  it('sums up across tasks: which gain from longer training, and which block reads better', () => {
    expect(overallFindings(pretextLengthFixture())).toEqual([
      'The longest pretext training beats the untrained trunk beyond the noise for contrastive; not for rotation.',
      'After the longest training, block 1 reads the digit better for rotation; block 2 reads it better for contrastive.',
    ]);
    // One seed has no spread to judge by: the summary says so instead of calling every difference noise.
    expect(overallFindings({ ...pretextLengthFixture(), seedList: [1] })[0]).toMatch(/^Recorded with one seed \(1\): each line shows a trend, but no difference/);
  });
});
