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

/** True when the content of part `id` is shown: on the study page always, on a slide only on that part's own. */
export function useShowsPart(id: string): boolean {
  const part = useContext(SlidePartContext);
  return part === null || part === id;
}

/** The content of one part of a lesson. */
export function SlidePart({ id, children }: { readonly id: string; readonly children: ReactNode }) {
  return useShowsPart(id) ? <>{children}</> : null;
}
