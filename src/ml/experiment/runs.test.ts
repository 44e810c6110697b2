import { describe, expect, it } from 'vitest';
import { presetConfig } from '../config/presets';
import { deriveSeed } from '../train/random';
import { isTaskId } from '../tasks/registry';
import { FINETUNE_LR_FACTOR, copiesTrunk, describeRun, experimentSpecs, needsPretextMessage, settingsFor, parseRunId, runId, sourceOf, trainOptionsFor, trainSeed, type RunSpec } from './runs';

describe('runs', () => {
  const config = { ...presetConfig('quick'), seed: 7 };

  it('names each run by its spec, and reads the name back', () => {
    const specs = experimentSpecs(config);
    expect(Object.values(specs).map(runId)).toEqual(['rotation.pretext.s7', 'rotation.transfer.s7.n1000', 'scratch.s7.n1000', 'random.s7.n1000', 'rotation.finetune.s7.n1000']);
    for (const spec of Object.values(specs)) expect(parseRunId(runId(spec), isTaskId)).toEqual(spec.use === 'scratch' || spec.use === 'random' ? { ...spec, task: 'rotation' } : spec);
    expect(parseRunId('sudoku.pretext.s1', isTaskId)).toBeNull();
    expect(parseRunId('pretext', isTaskId)).toBeNull(); // a step name from before runs existed
    expect(runId(sourceOf({ task: 'jigsaw', use: 'transfer', seed: 2, labels: 300 }))).toBe('jigsaw.pretext.s2');
  });

  it('derives training seeds from the spec; rotation and the heads keep the seeds they had before tasks existed', () => {
    const at = (use: RunSpec['use'], task: RunSpec['task'] = 'rotation') => trainSeed({ task, use, seed: 7, labels: 1000 });
    expect([at('pretext'), at('transfer'), at('scratch'), at('random')]).toEqual([100, 101, 102, 103].map((salt) => deriveSeed(7, salt)));
    // Another task's pretext run gets its own seed; its digit head shares rotation's, so only the trunk differs.
    expect(at('pretext', 'jigsaw')).not.toBe(at('pretext'));
    expect(at('pretext', 'jigsaw')).not.toBe(at('pretext', 'inpainting'));
    expect(at('transfer', 'jigsaw')).toBe(at('transfer'));
  });

  it('trains pretext runs with Adam and the task objective, heads with SGD and classification', () => {
    const specs = experimentSpecs({ ...config, task: 'inpainting' });
    const pretext = trainOptionsFor(specs.pretext, { ...config, task: 'inpainting' });
    expect(pretext.optimizer.kind).toBe('adam');
    expect(pretext.objective).toEqual({ kind: 'reconstruct', outsideWeight: 0.1, inkThreshold: 0.5 });
    const head = trainOptionsFor(specs.transfer, config);
    expect(head.optimizer).toEqual({ kind: 'sgd', learningRate: 0.001, momentum: 0.9 });
    expect(head.objective).toBeUndefined();
    expect(describeRun(specs.transfer)).toBe('the self-supervised head on inpainting features');
  });

  it('fine-tunes from the pretext trunk with its own seed, the baseline settings and a tenth of the learning rate', () => {
    const spec: RunSpec = { task: 'jigsaw', use: 'finetune', seed: 3, labels: 300 };
    expect(runId(spec)).toBe('jigsaw.finetune.s3.n300');
    expect(parseRunId('jigsaw.finetune.s3.n300', isTaskId)).toEqual(spec);
    expect(runId(sourceOf(spec))).toBe('jigsaw.pretext.s3');
    expect(copiesTrunk('finetune') && copiesTrunk('transfer') && !copiesTrunk('scratch') && !copiesTrunk('random')).toBe(true);
    // A salt of its own: adding the fourth use moved none of the published seeds (checked above).
    expect(trainSeed(spec)).toBe(deriveSeed(3, 104));
    expect(trainSeed({ ...spec, seed: 4 })).not.toBe(trainSeed(spec));
    // Seeds come from the spec, not from where the run sits in a list or which task it started from.
    expect(trainSeed({ ...spec, task: 'rotation' })).toBe(trainSeed(spec));
    const base = presetConfig('lecture');
    const settings = settingsFor('finetune', base);
    expect(settings).toEqual({ ...base.supervised, learningRate: base.supervised.learningRate * FINETUNE_LR_FACTOR });
    expect(settings.learningRate).toBeCloseTo(0.0001, 10);
    expect(trainOptionsFor(spec, base).optimizer).toEqual({ kind: 'sgd', learningRate: settings.learningRate, momentum: 0.9 });
    expect(describeRun(spec)).toBe('the network fine-tuned from jigsaw features');
    expect(needsPretextMessage(spec)).toBe('Train the jigsaw pretext model first: the fine-tuned network starts from its convolutions.');
  });
});
