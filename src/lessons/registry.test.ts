import { describe, expect, it } from 'vitest';
import { LESSONS, LESSON_IDS, lessonMeta, numberLessons, proseText, stepLabel, stepNumber, type LessonId } from './registry';
import { step, stepNo } from './kit/lesson-meta';

describe('the lesson registry', () => {
  it('gives every lesson a different id', () => {
    expect(new Set(LESSON_IDS).size).toBe(LESSONS.length);
  });

  it('keeps the ids that links already use, in the same order (new lessons may sit between them)', () => {
    const published = ['intro', 'data', 'settings', 'rotation', 'pretext', 'transfer', 'supervised', 'compare', 'leaderboard', 'draw'];
    expect(LESSON_IDS.filter((id) => published.includes(id))).toEqual(published);
    // After the leaderboard: how many labels (the curve), how long to train the pretext task, then a look inside
    // the models, then the drawing.
    expect(LESSON_IDS.indexOf('curve')).toBe(LESSON_IDS.indexOf('leaderboard') + 1);
    expect(LESSON_IDS.indexOf('pretext-length')).toBe(LESSON_IDS.indexOf('curve') + 1);
    expect(LESSON_IDS.indexOf('inside')).toBe(LESSON_IDS.indexOf('pretext-length') + 1);
  });

  it('numbers the steps in registry order, skipping the unnumbered settings', () => {
    const numbered = LESSONS.filter((l) => l.numbered).map((l) => stepNumber(l.id));
    expect(numbered).toEqual(numbered.map((_, i) => i + 1));
    expect(stepNumber('settings')).toBeNull();
    // The numbers the page has always shown up to the leaderboard (8); the curve is 9, pretext length 10, inside 11, draw 12.
    expect(['intro', 'data', 'settings', 'rotation', 'pretext', 'transfer', 'supervised', 'compare', 'leaderboard'].map((id) => stepNumber(id as LessonId)))
      .toEqual([1, 2, null, 3, 4, 5, 6, 7, 8]);
    expect(stepNumber('curve')).toBe(9);
    expect(stepNumber('pretext-length')).toBe(10);
    expect(stepNumber('inside')).toBe(11);
    expect(stepNumber('draw')).toBe(12);
  });

  it('gives every lesson a heading, a short name and a "Try this"', () => {
    for (const lesson of LESSONS) {
      expect(lesson.title.trim(), lesson.id).not.toBe('');
      expect(lesson.short.trim(), lesson.id).not.toBe('');
      expect(proseText(lesson.tryThis.text).length, lesson.id).toBeGreaterThan(20);
      for (const setup of lesson.tryThis.setups ?? []) expect(proseText(setup.done).trim(), setup.label).not.toBe('');
    }
  });

  it('names a step by number and short name, or by number alone', () => {
    expect(stepLabel('pretext')).toBe('step 4 (Pretext training)');
    expect(stepLabel('pretext', 'number')).toBe('step 4');
    expect(stepLabel('settings')).toBe('Settings');
    expect(proseText(['Train it (', stepNo('transfer'), '), then see ', step('compare'), '.'])).toBe('Train it (step 5), then see step 7 (Compare).');
  });

  it('finds each lesson by its id', () => {
    for (const id of LESSON_IDS) expect(lessonMeta(id).id).toBe(id);
  });
});

describe('numberLessons', () => {
  const list = [
    { id: 'a', numbered: true },
    { id: 'b', numbered: true },
    { id: 'options', numbered: false },
    { id: 'c', numbered: true },
  ];

  it('renumbers everything after a lesson inserted into a copy of the list', () => {
    const before = numberLessons(list);
    expect([...before]).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    const inserted = [...list.slice(0, 1), { id: 'new', numbered: true }, ...list.slice(1)];
    const after = numberLessons(inserted);
    expect([...after]).toEqual([['a', 1], ['new', 2], ['b', 3], ['c', 4]]);
    // The original list is untouched.
    expect(numberLessons(list).get('c')).toBe(3);
  });

  it('does not number an inserted unnumbered lesson, nor shift the others', () => {
    const inserted = [{ id: 'aside', numbered: false }, ...list];
    expect([...numberLessons(inserted)]).toEqual([['a', 1], ['b', 2], ['c', 3]]);
  });
});
