/**
 * `?embed=<lesson id>`: one lesson's panel alone, for an iframe in someone else's slides or course page. Read
 * here, apart from the rest of the link (src/url/url-state.ts), because it chooses a different page rather
 * than a setting of this one; every other key of the link (preset, seed, settings) still applies inside it.
 *
 * Pure, tested in Node.
 */
import { LESSON_IDS, isLessonId, type LessonId } from '../lessons/registry';
import { quoteFromLink } from '../url/url-state';

/** What a link asks to embed: a lesson, a name that is not one, or nothing (the whole app). */
export type EmbedRequest =
  | { readonly kind: 'none' }
  | { readonly kind: 'lesson'; readonly lesson: LessonId }
  | { readonly kind: 'unknown'; readonly message: string };

/** Reads `embed` from a query string. */
export function embedRequest(search: string): EmbedRequest {
  const asked = new URLSearchParams(search).get('embed');
  if (asked === null) return { kind: 'none' };
  if (isLessonId(asked)) return { kind: 'lesson', lesson: asked };
  // The host page's author reads this inside their slide, so it names every id they could have meant.
  return {
    kind: 'unknown',
    message: `${asked === '' ? 'This embed names no lesson' : `This embed asks for a lesson called ${quoteFromLink(asked)}, which Pretext Lab does not have`}. `
      + `Use one of: ${LESSON_IDS.join(', ')}.`,
  };
}
