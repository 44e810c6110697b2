import { describe, expect, it } from 'vitest';
import { embedRequest } from './embed-request';
import { LESSON_IDS } from '../lessons/registry';

describe('embedRequest', () => {
  it('is the whole app when the link asks for no embed', () => {
    expect(embedRequest('?preset=smoke')).toEqual({ kind: 'none' });
  });

  it('reads a lesson id, whatever else the link sets', () => {
    expect(embedRequest('?preset=smoke&embed=pretext&probe=off')).toEqual({ kind: 'lesson', lesson: 'pretext' });
  });

  it('names every allowed id when the name is not a lesson, and does not echo markup', () => {
    const asked = embedRequest('?embed=pretxt');
    expect(asked.kind).toBe('unknown');
    const message = asked.kind === 'unknown' ? asked.message : '';
    expect(message).toContain('“pretxt”');
    for (const id of LESSON_IDS) expect(message).toContain(id);
    const hostile = embedRequest(`?embed=${encodeURIComponent('<img src=x>')}`);
    expect(hostile.kind === 'unknown' && hostile.message.includes('<img')).toBe(false);
  });

  it('treats an empty name as unknown, not as the whole app', () => {
    expect(embedRequest('?embed=').kind).toBe('unknown');
  });
});
