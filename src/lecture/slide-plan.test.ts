import { describe, expect, it } from 'vitest';
import { CONCEPT_SLIDES, SLIDE_PLAN, planSlides, slideForLesson } from './slide-plan';
import { SECTIONS } from '../lessons/kit/sections';
import { LESSONS, LESSON_IDS } from '../lessons/registry';
import type { LessonMeta } from '../lessons/kit/lesson-meta';

describe('the lecture’s slides', () => {
  it('keeps the slides lecture mode has always shown, in the same order, a lesson too large for one screen on several', () => {
    expect(SLIDE_PLAN.map((s) => s.id)).toEqual([
      'cost', 'self-supervision', 'context', 'jigsaw', 'colorization', 'restoration', 'pipeline', 'rotnet',
      'rotation', 'pretext', 'transfer', 'supervised',
      'compare', 'compare-control', 'compare-finetune', 'compare-predictions',
      'leaderboard', 'leaderboard-verdicts', 'leaderboard-instruments', 'leaderboard-scatter',
      'curve', 'curve-findings', 'curve-sweep', 'curve-probes',
      'pretext-length', 'pretext-length-findings', 'inside', 'draw',
    ]);
    expect(SLIDE_PLAN.find((s) => s.id === 'leaderboard-scatter')).toMatchObject({ lesson: 'leaderboard', part: 'scatter', title: 'Leaderboard: which features are worth learning? (4 of 4): solving the task is not enough' });
  });

  it('titles each live slide with its lesson’s heading (and its part) and puts it in a real section', () => {
    for (const slide of SLIDE_PLAN) {
      expect(SECTIONS[slide.section], slide.id).toBeDefined();
      if (slide.lesson !== undefined) expect(slide.title.startsWith(LESSONS.find((l) => l.id === slide.lesson)?.title ?? '?')).toBe(true);
      if (slide.lesson !== undefined && slide.part === undefined) expect(slide.title).toBe(LESSONS.find((l) => l.id === slide.lesson)?.title);
    }
    expect(new Set(SLIDE_PLAN.map((s) => s.id)).size).toBe(SLIDE_PLAN.length);
  });

  it('opens a slide that exists for every lesson, and the same ones as before', () => {
    for (const lesson of LESSONS) {
      if ('opens' in lesson.lecture) expect(SLIDE_PLAN.map((s) => s.id), lesson.id).toContain(lesson.lecture.opens);
    }
    const opened = LESSON_IDS.map((id) => SLIDE_PLAN[slideForLesson(id)].id);
    expect(opened).toEqual(['cost', 'rotnet', 'rotation', 'rotation', 'pretext', 'transfer', 'supervised', 'compare', 'leaderboard', 'curve', 'pretext-length', 'inside', 'draw']);
    expect(slideForLesson(null)).toBe(0);
  });

  it('places an inserted lesson’s slide by its section, after that section’s concept slides', () => {
    const extra: LessonMeta<'pretext'> = { ...LESSONS[4], title: 'Another', lecture: { section: 2 } };
    const plan = planSlides(CONCEPT_SLIDES, [extra]);
    expect(plan.map((s) => s.id)).toEqual(['cost', 'self-supervision', 'context', 'jigsaw', 'colorization', 'restoration', 'pipeline', 'pretext', 'rotnet']);
  });
});
