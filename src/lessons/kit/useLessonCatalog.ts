/**
 * The lesson catalog (./lesson-catalog.ts) as a React context: src/main.tsx provides the registry once for the
 * whole page, and the kit's frame and step references read it.
 */
import { createContext, useContext } from 'react';
import type { LessonCatalog } from './lesson-catalog';

const CatalogContext = createContext<LessonCatalog | null>(null);

/** Gives the panels below it the registry; the page's root (src/main.tsx) wraps everything in one. */
export const LessonCatalogProvider = CatalogContext.Provider;

/** The registry the page was given. A panel drawn without one is a wiring mistake, said as such. */
export function useLessonCatalog(): LessonCatalog {
  const catalog = useContext(CatalogContext);
  if (catalog === null) throw new Error('A lesson was drawn outside <LessonCatalogProvider>: the page root (src/main.tsx) must provide the lesson registry.');
  return catalog;
}
