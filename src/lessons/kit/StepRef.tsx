/**
 * Cross-references between lessons, as links: `<StepRef id="pretext" />` reads "step 4 (Pretext training)" and
 * jumps to that panel. The number comes from the lesson registry, never from the sentence, so prose stays right
 * when a panel is inserted (the registry reaches the kit as the page's catalog, ./useLessonCatalog.ts). For
 * text that cannot hold a link (a notice, an aria-label), use the registry's stepLabel.
 */
import { Fragment } from 'react';
import { labelStep } from './lesson-catalog';
import { useLessonCatalog } from './useLessonCatalog';
import type { LessonId, Prose, StepMention } from './lesson-meta';

/** Props of {@link StepRef}. */
export interface StepRefProps {
  readonly id: LessonId;
  /** `number` for "step 4" alone, where the sentence already says what the step is. */
  readonly form?: StepMention['form'];
}

/** A link to another lesson panel, named by its step number (and short name). */
export function StepRef({ id, form = 'full' }: StepRefProps) {
  const catalog = useLessonCatalog();
  return <a className="step-ref" href={`#${id}`}>{labelStep(catalog, id, form)}</a>;
}

/** Registry prose (a "Try this", say) with its step mentions as links. */
export function ProseText({ prose }: { readonly prose: Prose }) {
  return (
    <>
      {prose.map((part, i) => (typeof part === 'string' ? <Fragment key={i}>{part}</Fragment> : <StepRef key={i} id={part.step} form={part.form} />))}
    </>
  );
}
