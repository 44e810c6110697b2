/**
 * Self-study mode: every lesson panel on one page, in the registry's order, each followed by its "Try this".
 * It also knows which step is in view (for the link in the address bar) and, when a link names a step,
 * brings that step into view and gives it the focus, so a keyboard or screen-reader user starts there too.
 */
import { useEffect, useRef } from 'react';
import { LESSON_IDS, type LessonId } from '../lessons/registry';
import { LESSON_PANELS } from '../app/lesson-panels';
import { TryThis } from './TryThis';
import './study.css';

/** Props of {@link StudyPage}. */
export interface StudyPageProps {
  /** The step to bring into view when the page appears (from a link, or the slide lecture mode left on). */
  readonly initialStep: LessonId | null;
  /** Called with the step in view as the student scrolls. */
  readonly onVisibleStep: (step: LessonId) => void;
}

/** All the lessons. */
export function StudyPage({ initialStep, onVisibleStep }: StudyPageProps) {
  const listRef = useRef<HTMLElement>(null);
  const report = useRef(onVisibleStep);
  useEffect(() => {
    report.current = onVisibleStep;
  }, [onVisibleStep]);

  useEffect(() => {
    const list = listRef.current;
    if (list === null) return;
    // The step "in view" is the last one whose top has passed a line 30% down the window, where the eye
    // reads; above the first step (the page header) that is still the first. Measured on scroll, at most
    // once a frame: nine rectangles are cheap, and unlike an intersection band it never falls in a gap.
    const lessons = [...list.querySelectorAll<HTMLElement>('[data-lesson]')];
    let pending = 0;
    const measure = () => {
      pending = 0;
      const line = window.innerHeight * 0.3;
      let current = lessons[0];
      for (const el of lessons) if (el.getBoundingClientRect().top <= line) current = el;
      // The last step may be too short to reach the line; scrolled to the very bottom, it is the one read.
      const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      if (atBottom && window.scrollY > 0) current = lessons[lessons.length - 1];
      if (current) report.current(current.dataset.lesson as LessonId);
    };
    const onScroll = () => {
      if (pending === 0) pending = requestAnimationFrame(measure);
    };
    const observe = () => {
      window.addEventListener('scroll', onScroll, { passive: true });
      measure();
    };

    const target = initialStep !== null && initialStep !== 'intro' ? list.querySelector<HTMLElement>(`[data-lesson="${initialStep}"]`) : null;
    let frame = 0;
    if (target === null) observe();
    else {
      // Focus without scrolling, then scroll the step's top into view ourselves: focus() alone scrolls only
      // as far as needed. We wait one frame so that notices about the link (posted by the app after this
      // effect) are on the page, and stop below them: they stick to the top and would hide the heading.
      // Watching starts after the scroll, so the top of the page is never reported on the way.
      target.focus({ preventScroll: true });
      frame = requestAnimationFrame(() => {
        const notices = document.querySelector('.notices');
        const cover = notices ? notices.getBoundingClientRect().height + 12 : 0;
        window.scrollTo({ top: target.getBoundingClientRect().top + window.scrollY - cover });
        observe();
      });
    }
    return () => {
      cancelAnimationFrame(frame);
      cancelAnimationFrame(pending);
      window.removeEventListener('scroll', onScroll);
    };
  }, [initialStep]);

  return (
    <section className="lessons" aria-label="Lessons" ref={listRef}>
      {LESSON_IDS.map((id) => {
        const Panel = LESSON_PANELS[id];
        return (
          <div key={id} className="lesson" data-lesson={id} tabIndex={-1}>
            <Panel />
            <TryThis lesson={id} />
          </div>
        );
      })}
    </section>
  );
}
