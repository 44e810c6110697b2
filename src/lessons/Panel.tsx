/**
 * The frame every lesson step sits in: a numbered heading, a short "why" and the step's own content.
 */
import type { ReactNode } from 'react';

/** Props of {@link Panel}. */
export interface PanelProps {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly children: ReactNode;
}

/** A numbered lesson section, labelled by its heading for screen readers and in-page links. */
export function Panel({ id, number, title, children }: PanelProps) {
  return (
    <section id={id} className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <span className="panel-number" aria-hidden="true">{number}</span> {title}
      </h2>
      {children}
    </section>
  );
}
