/**
 * The layout of a concept slide: a few short points beside one figure, and the paper underneath. Short on
 * purpose: a slide is read from the back of a room while the lecturer talks, so it carries the claim and
 * the picture, not the paragraph.
 */
import type { ReactNode } from 'react';

/** Props of {@link ConceptSlide}. */
export interface ConceptSlideProps {
  readonly points: readonly ReactNode[];
  readonly figure: ReactNode;
  /** The citation, as the lecture gives it. */
  readonly source?: string;
  /** Figure across the top and the points in columns under it, for wide figures such as a pipeline. */
  readonly wide?: boolean;
}

/** Points, figure, source. */
export function ConceptSlide({ points, figure, source, wide = false }: ConceptSlideProps) {
  return (
    <div className={`concept${wide ? ' wide' : ''}`}>
      <ul className="concept-points">
        {points.map((p, i) => <li key={i}>{p}</li>)}
      </ul>
      <div className="concept-figure">{figure}</div>
      {source && <p className="concept-source">{source}</p>}
    </div>
  );
}

/** A row of boxes joined by arrows, for pipelines; items may hold a number and a short line. */
export function Flow({ label, steps, vertical = false }: { label: string; steps: readonly { title: string; text?: string }[]; vertical?: boolean }) {
  return (
    <ol className={`flow${vertical ? ' vertical' : ''}`} aria-label={label}>
      {steps.map((s) => (
        <li key={s.title}>
          <strong>{s.title}</strong>
          {s.text && <span>{s.text}</span>}
        </li>
      ))}
    </ol>
  );
}
