/**
 * The "Try this" aside under a lesson panel on the self-study page. It sits outside the panel's own markup
 * (the page wraps each panel with it) so the lessons stay as they are and lecture mode, which shows the bare
 * panels, does not repeat homework on the projector. The suggestions themselves are in the lesson registry:
 * each lesson folder's `lesson.ts`.
 */
import { getState, notify, setConfig } from '../state/store';
import { lessonMeta, proseText, type LessonId } from '../lessons/registry';
import type { Setup } from '../lessons/kit/lesson-meta';
import { ProseText } from '../lessons/kit/StepRef';

function runSetup(setup: Setup): void {
  setConfig(setup.apply(getState().config));
  notify('info', proseText(setup.done));
}

/** The suggestion for one step. */
export function TryThis({ lesson }: { lesson: LessonId }) {
  const suggestion = lessonMeta(lesson).tryThis;
  return (
    // Each aside gets its own name: a landmark list of nine identical "Try this" entries helps nobody.
    <aside className="try-this" aria-label={`Try this: ${lesson} step`}>
      <h3>Try this</h3>
      <p><ProseText prose={suggestion.text} /></p>
      {suggestion.setups && (
        <div className="controls">
          {suggestion.setups.map((s) => <button key={s.label} type="button" onClick={() => runSetup(s)}>{s.label}</button>)}
        </div>
      )}
    </aside>
  );
}
