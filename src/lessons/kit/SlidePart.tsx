/**
 * A lesson too large for one screen is shown in lecture mode over several slides, one part each (its registry
 * entry lists the parts). On the study page every part shows, in order; on a slide only the part of that slide.
 */
import { createContext, useContext, type ReactNode } from 'react';

/** The part of its lesson the slide in view shows; null on the study page, where everything shows. */
export const SlidePartContext = createContext<string | null>(null);

/** The part of its lesson the slide in view shows, or null on the study page. */
export function useSlidePart(): string | null {
  return useContext(SlidePartContext);
}

/** The content of one part of a lesson: on the study page always shown, on a slide only on that part's own. */
export function SlidePart({ id, children }: { readonly id: string; readonly children: ReactNode }) {
  const part = useSlidePart();
  return part === null || part === id ? <>{children}</> : null;
}
