/**
 * The frame every lesson step sits in: a numbered heading, a short "why" and the step's own content. The
 * heading and the number come from the lesson registry (handed down as the page's catalog,
 * ./useLessonCatalog.ts), so a panel never writes its own number.
 */
import type { ReactNode } from 'react';
import { useLessonCatalog } from './useLessonCatalog';
import type { LessonId } from './lesson-meta';

/** Props of {@link Panel}. */
export interface PanelProps {
  readonly id: LessonId;
  /** Extra class names for the section, besides `panel`. */
  readonly className?: string;
  readonly children: ReactNode;
}

/** A lesson section, labelled by its heading for screen readers and in-page links; numbered if it is a step. */
export function Panel({ id, className, children }: PanelProps) {
  const catalog = useLessonCatalog();
  const number = catalog.stepNumber(id);
  return (
    <section id={id} className={className ? `panel ${className}` : 'panel'} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {number !== null && <><span className="panel-number" aria-hidden="true">{number}</span>{' '}</>}
        {catalog.meta(id).title}
      </h2>
      {children}
    </section>
  );
}
