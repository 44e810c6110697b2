import { describe, expect, it } from 'vitest';
import { lectureAction, spaceOutcome, type KeyTarget, type SpaceContext } from './keys';
import { lectureScale } from './scale';
import { LESSONS } from '../app/lessons';
import { initialState, type StepState } from '../state/lab-state';
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
    expect(lectureAction(' ', NO_MODS, SLIDE)).toBe('toggleTraining');
    expect(lectureAction('x', NO_MODS, SLIDE)).toBeNull();
  });

  it('never fires while typing in a field, a select or editable text', () => {
    for (const tag of ['input', 'select', 'textarea']) {
      for (const key of ['ArrowRight', ' ', 'h', 'Escape', 'PageDown']) {
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
  });
});

describe('spaceOutcome', () => {
  const base = initialState(presetConfig('smoke'));
  const running = { status: 'running' } as unknown as StepState;
  const paused = { status: 'paused' } as unknown as StepState;
  const done = { status: 'done' } as unknown as StepState;
  const ctx = (steps: Partial<SpaceContext['steps']>, ready = true): SpaceContext => ({ steps: { ...base.steps, ...steps }, ready });

  it('starts an idle step, pauses a running one, resumes a paused one', () => {
    expect(spaceOutcome('pretext', ctx({}))).toEqual({ kind: 'train' });
    expect(spaceOutcome('pretext', ctx({ pretext: running }))).toEqual({ kind: 'pause' });
    expect(spaceOutcome('pretext', ctx({ pretext: paused }))).toEqual({ kind: 'resume' });
  });

  it('explains instead of acting when it cannot train yet, or would throw a trained model away', () => {
    expect(spaceOutcome('pretext', ctx({}, false)).kind).toBe('explain');
    expect(spaceOutcome('supervised', ctx({ pretext: running })).kind).toBe('explain');
    expect(spaceOutcome('selfSupervised', ctx({})).kind).toBe('explain');
    expect(spaceOutcome('selfSupervised', ctx({ pretext: done }))).toEqual({ kind: 'train' });
    expect(spaceOutcome('pretext', ctx({ pretext: done }))).toMatchObject({ kind: 'explain', text: expect.stringContaining('Retrain') });
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
