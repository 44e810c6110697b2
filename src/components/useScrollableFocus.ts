/**
 * A keyboard user can only scroll a box sideways if it can take focus. This hook reports whether a box
 * currently overflows, so it can be made a focusable region exactly then (and not add a useless Tab stop on
 * a wide screen where nothing scrolls). It is what axe-core's "scrollable-region-focusable" rule asks for.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';

/** A ref for the box, and whether its content is wider or taller than the box right now. */
export function useScrollableFocus<T extends HTMLElement>(): { readonly ref: RefObject<T | null>; readonly scrollable: boolean } {
  const ref = useRef<T | null>(null);
  const [scrollable, setScrollable] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const check = () => setScrollable(box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return { ref, scrollable };
}
