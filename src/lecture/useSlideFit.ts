/**
 * Keeps the slide on one screen: watches the slide's content and, while it is taller than the stage, steps the
 * type down, or back up where it has room to spare (fit.ts). A new slide, a new window size or a new A+/A− choice
 * starts again from the chosen size.
 */
import { useEffect, useState, type RefObject } from 'react';
import { FIT_START, nextFit, type FitState } from './fit';

/** The stage's height inside its padding. */
function innerHeight(box: HTMLElement): number {
  const style = getComputedStyle(box);
  return box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
}

/**
 * The fit factor (1 = the chosen size) for the content in `content` shown in `stage`; `reset` changes whenever
 * the slide, the window or the chosen size changes.
 */
export function useSlideFit(stage: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>, reset: string): number {
  const [state, setState] = useState<FitState>(FIT_START);
  useEffect(() => setState(FIT_START), [reset]);
  useEffect(() => {
    const box = stage.current;
    const inner = content.current;
    if (!box || !inner) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      // After layout settles: a chart sizes itself from its container one frame after the type changes.
      frame = requestAnimationFrame(() => {
        // What scrolls counts too: a child can reach past the content's own box (a chart's legend, a menu).
        const overflow = box.scrollHeight - box.clientHeight;
        const height = overflow > 1 ? Math.max(inner.offsetHeight, innerHeight(box) + overflow) : inner.offsetHeight;
        setState((s) => nextFit(s, innerHeight(box), height));
      });
    };
    const observer = new ResizeObserver(measure);
    observer.observe(inner);
    observer.observe(box);
    // A resize the observer does not see (the title band and control bar change with the type, the content's
    // overflow with both) must not leave a slide scrolling: look again now and then. A settled slide costs one
    // layout read, and its state does not change.
    const again = window.setInterval(measure, 500);
    measure();
    return () => {
      cancelAnimationFrame(frame);
      window.clearInterval(again);
      observer.disconnect();
    };
  }, [stage, content, reset]);
  return state.fit;
}
