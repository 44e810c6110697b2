import { describe, expect, it } from 'vitest';
import { initialSpeakerState, speakerReducer, trainingButton, type SpeakerState } from './speaker-state';

const start = (): SpeakerState => initialSpeakerState(2, 10, 1000);

describe('speakerReducer', () => {
  it('waits for an audience, then takes its slide, notes, run and clock', () => {
    const s = start();
    expect(s).toMatchObject({ slide: 2, audience: 'waiting', notes: null, training: null, startedAt: 1000 });
    const next = speakerReducer(s, { type: 'state', slide: 4, notes: ['Why'], training: 'idle', startedAt: 500 });
    expect(next).toMatchObject({ slide: 4, audience: 'connected', notes: ['Why'], training: 'idle', startedAt: 500 });
  });

  it('moves by itself, clamped, and forgets the old slide\'s notes and run', () => {
    const s = speakerReducer(start(), { type: 'state', slide: 9, notes: ['x'], training: 'running', startedAt: 1 });
    expect(speakerReducer(s, { type: 'move', move: 'next' })).toBe(s);
    const back = speakerReducer(s, { type: 'move', move: 'previous' });
    expect(back).toMatchObject({ slide: 8, notes: null, training: null });
    expect(speakerReducer(back, { type: 'move', move: 'first' }).slide).toBe(0);
    expect(speakerReducer(back, { type: 'choose', slide: 99 }).slide).toBe(9);
    expect(speakerReducer(back, { type: 'goto', slide: 3 }).slide).toBe(3);
  });

  it('keeps an explanation for its slide only', () => {
    const s = speakerReducer(start(), { type: 'said', text: 'Still loading' });
    expect(s.said).toBe('Still loading');
    expect(speakerReducer(s, { type: 'state', slide: 2, notes: [], training: 'idle', startedAt: 1 }).said).toBe('Still loading');
    expect(speakerReducer(s, { type: 'move', move: 'next' }).said).toBeNull();
  });

  it('notes a closed audience window and keeps working', () => {
    const s = speakerReducer(start(), { type: 'state', slide: 2, notes: [], training: 'running', startedAt: 1 });
    const closed = speakerReducer(s, { type: 'closed', from: 'audience' });
    expect(closed).toMatchObject({ audience: 'closed', training: null });
    expect(speakerReducer(closed, { type: 'move', move: 'next' }).slide).toBe(3);
    expect(speakerReducer(s, { type: 'closed', from: 'speaker' })).toBe(s);
  });

  it('restarts the clock', () => {
    expect(speakerReducer(start(), { type: 'reset-clock', startedAt: 7 }).startedAt).toBe(7);
  });

  it('ignores the messages meant for the audience', () => {
    const s = start();
    expect(speakerReducer(s, { type: 'hello' })).toBe(s);
    expect(speakerReducer(s, { type: 'toggle-training', slide: 2 })).toBe(s);
  });
});

describe('trainingButton', () => {
  it('names what a press will do', () => {
    expect(trainingButton('running')).toBe('Pause');
    expect(trainingButton('paused')).toBe('Resume');
    expect(trainingButton('idle')).toBe('Train');
    expect(trainingButton('done')).toBe('Train');
  });
});
