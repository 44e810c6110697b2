import { describe, expect, it } from 'vitest';
import { lectureAction, spaceOutcome, type KeyTarget, type SpaceContext } from './keys';
import { lectureScale } from './scale';
import { LESSONS } from '../lessons/registry';
import { initialState, type RunEntry, type StepState } from '../state/lab-state';
import { experimentSpecs, runId, type TrunkUse } from '../ml/experiment/runs';
import { presetConfig, PRESET_NAMES } from '../ml/config/presets';
import { checkConfig } from '../ml/config/check-config';

const NO_MODS = { ctrl: false, alt: false, meta: false };
const SLIDE: KeyTarget = { tag: 'main', editable: false, role: null };

describe('lectureAction', () => {
  it('moves with arrows and a clicker’s PageUp/PageDown', () => {
    expect(lectureAction('ArrowRight', NO_MODS, SLIDE)).toBe('next');
    expect(lectureAction('PageDown', NO_MODS, SLIDE)).toBe('next');
    expect(lectureAction('ArrowLeft', NO_MODS, SLIDE)).toBe('previous');
    expect(lectureAction('PageUp', NO_MODS, SLIDE)).toBe('previous');
    expect(lectureAction('Escape', NO_MODS, SLIDE)).toBe('leave');
    expect(lectureAction('h', NO_MODS, SLIDE)).toBe('toggleControls');
    expect(lectureAction('s', NO_MODS, SLIDE)).toBe('speakerView');
    expect(lectureAction('S', NO_MODS, SLIDE)).toBe('speakerView');
    expect(lectureAction(' ', NO_MODS, SLIDE)).toBe('toggleTraining');
    expect(lectureAction('x', NO_MODS, SLIDE)).toBeNull();
  });

  it('never fires while typing in a field, a select or editable text', () => {
    for (const tag of ['input', 'select', 'textarea']) {
      for (const key of ['ArrowRight', ' ', 'h', 's', 'Escape', 'PageDown']) {
        expect(lectureAction(key, NO_MODS, { tag, editable: false, role: null })).toBeNull();
      }
    }
    expect(lectureAction('h', NO_MODS, { tag: 'div', editable: true, role: null })).toBeNull();
  });

  it('leaves Space to a focused button, but still moves on arrows', () => {
    const button: KeyTarget = { tag: 'button', editable: false, role: null };
    expect(lectureAction(' ', NO_MODS, button)).toBeNull();
    expect(lectureAction(' ', NO_MODS, { tag: 'div', editable: false, role: 'checkbox' })).toBeNull();
    expect(lectureAction('ArrowRight', NO_MODS, button)).toBe('next');
  });

  it('leaves browser shortcuts alone', () => {
    expect(lectureAction('ArrowLeft', { ...NO_MODS, alt: true }, SLIDE)).toBeNull();
    expect(lectureAction('h', { ...NO_MODS, ctrl: true }, SLIDE)).toBeNull();
    // Ctrl+S is the browser's "save page", not the speaker view.
    expect(lectureAction('s', { ...NO_MODS, ctrl: true }, SLIDE)).toBeNull();
  });
});

describe('spaceOutcome', () => {
  const base = initialState(presetConfig('smoke'));
  const running = { status: 'running' } as unknown as StepState;
  const paused = { status: 'paused' } as unknown as StepState;
  const done = { status: 'done' } as unknown as StepState;
  const specs = experimentSpecs(base.config);
  const ctx = (runs: Partial<Record<TrunkUse, StepState>>, ready = true): SpaceContext => ({
    runs: Object.fromEntries(Object.entries(runs).map(([use, s]) => [runId(specs[use as TrunkUse]), { ...s, spec: specs[use as TrunkUse] } as RunEntry])),
    specs,
    ready,
  });

  it('starts an idle run, pauses a running one, resumes a paused one', () => {
    expect(spaceOutcome('pretext', ctx({}))).toEqual({ kind: 'train' });
    expect(spaceOutcome('pretext', ctx({ pretext: running }))).toEqual({ kind: 'pause' });
    expect(spaceOutcome('pretext', ctx({ pretext: paused }))).toEqual({ kind: 'resume' });
  });

  it('explains instead of acting when it cannot train yet, or would throw a trained model away', () => {
    expect(spaceOutcome('pretext', ctx({}, false)).kind).toBe('explain');
    expect(spaceOutcome('scratch', ctx({ pretext: running }))).toMatchObject({ kind: 'explain', text: 'The rotation pretext model is still training; one run at a time keeps the numbers honest.' });
    expect(spaceOutcome('transfer', ctx({}))).toMatchObject({ kind: 'explain', text: expect.stringContaining('Train the rotation pretext model first') });
    expect(spaceOutcome('transfer', ctx({ pretext: done }))).toEqual({ kind: 'train' });
    expect(spaceOutcome('pretext', ctx({ pretext: done }))).toMatchObject({ kind: 'explain', text: expect.stringContaining('Retrain') });
  });

  it('looks at the runs of the task in view: a trained rotation model does not unlock the jigsaw head', () => {
    const jigsaw = experimentSpecs({ ...base.config, task: 'jigsaw' });
    const context: SpaceContext = { ...ctx({ pretext: done }), specs: jigsaw };
    expect(spaceOutcome('transfer', context)).toMatchObject({ kind: 'explain', text: expect.stringContaining('jigsaw pretext model') });
    expect(spaceOutcome('pretext', context)).toEqual({ kind: 'train' });
  });
});

describe('lectureScale', () => {
  it('fits the type to the window, and steps it with A+ / A−', () => {
    expect(lectureScale(1280, 720, 0)).toBe(1.4);
    expect(lectureScale(1920, 1080, 0)).toBe(2.1);
    expect(lectureScale(1920, 1080, 1)).toBeGreaterThan(2.1);
    expect(lectureScale(400, 300, 0)).toBe(1.1);
  });
});

describe('Try this', () => {
  it('every one-click setup gives settings checkConfig accepts, from every preset', () => {
    for (const { tryThis } of LESSONS) {
      for (const setup of tryThis.setups ?? []) {
        for (const name of PRESET_NAMES) expect(() => checkConfig(setup.apply(presetConfig(name)), 20_000)).not.toThrow();
      }
    }
  });
});
