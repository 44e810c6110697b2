import { describe, expect, it } from 'vitest';
import { moveSlide, readMessage, speakerSearch } from './speaker-sync';

describe('readMessage', () => {
  it('reads every kind of message the windows send', () => {
    expect(readMessage({ type: 'hello' }, 10)).toEqual({ type: 'hello' });
    expect(readMessage({ type: 'goto', slide: 3 }, 10)).toEqual({ type: 'goto', slide: 3 });
    expect(readMessage({ type: 'toggle-training', slide: 9 }, 10)).toEqual({ type: 'toggle-training', slide: 9 });
    expect(readMessage({ type: 'reset-clock', startedAt: 5 }, 10)).toEqual({ type: 'reset-clock', startedAt: 5 });
    expect(readMessage({ type: 'said', text: 'busy' }, 10)).toEqual({ type: 'said', text: 'busy' });
    expect(readMessage({ type: 'closed', from: 'audience' }, 10)).toEqual({ type: 'closed', from: 'audience' });
    const state = { type: 'state', slide: 2, notes: ['a', 'b'], training: 'running', startedAt: 1 };
    expect(readMessage(state, 10)).toEqual(state);
    expect(readMessage({ ...state, training: null }, 10)).toEqual({ ...state, training: null });
  });

  it('drops anything malformed, and slides that do not exist', () => {
    for (const bad of [null, 'goto', 3, [], { type: 'dance' }, { type: 'goto', slide: 10 }, { type: 'goto', slide: -1 },
      { type: 'goto', slide: 1.5 }, { type: 'goto', slide: '2' }, { type: 'reset-clock', startedAt: Infinity },
      { type: 'said', text: 4 }, { type: 'closed', from: 'projector' },
      { type: 'state', slide: 2, notes: [1], training: null, startedAt: 1 },
      { type: 'state', slide: 2, notes: [], training: 'sleeping', startedAt: 1 },
      { type: 'state', slide: 2, notes: [], training: null }]) {
      expect(readMessage(bad, 10), JSON.stringify(bad)).toBeNull();
    }
  });

  it('keeps no fields beyond the message', () => {
    expect(readMessage({ type: 'goto', slide: 1, extra: '<b>' }, 10)).toEqual({ type: 'goto', slide: 1 });
  });
});

describe('moveSlide', () => {
  it('moves one slide at a time and never wraps round', () => {
    expect(moveSlide('next', 3, 10)).toBe(4);
    expect(moveSlide('next', 9, 10)).toBe(9);
    expect(moveSlide('previous', 3, 10)).toBe(2);
    expect(moveSlide('previous', 0, 10)).toBe(0);
    expect(moveSlide('first', 7, 10)).toBe(0);
    expect(moveSlide('last', 2, 10)).toBe(9);
  });
});

describe('speakerSearch', () => {
  it('keeps the settings and sets the mode and the slide (counted from 1)', () => {
    const search = speakerSearch('?preset=smoke&seed=3&mode=lecture&slide=4&probe=off', 6);
    const params = new URLSearchParams(search);
    expect(params.get('preset')).toBe('smoke');
    expect(params.get('seed')).toBe('3');
    expect(params.get('probe')).toBe('off');
    expect(params.get('mode')).toBe('speaker');
    expect(params.get('slide')).toBe('7');
  });

  it('works from an empty query', () => {
    expect(speakerSearch('', 0)).toBe('?mode=speaker&slide=1');
  });
});
