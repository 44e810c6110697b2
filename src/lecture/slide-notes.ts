/**
 * The speaker's notes for the slide on screen, read from the slide itself: a concept slide's points and source,
 * a live slide's explanation (the panel's own paragraphs, the ones the self-study page reads). Reading them off
 * the rendered slide keeps one copy of every sentence, and a live slide's prose already names the settings in
 * use ("batch 192, 50 epochs"), which is just what a lecturer wants to glance at.
 *
 * Slides may hide these paragraphs from the room (with CSS); they must stay in the slide's markup, because
 * textContent, unlike what is drawn, still holds them.
 */

/** Paragraphs that are the slide's words, not its status: hints, errors and live results say what just happened. */
const NOTE_SELECTOR = [
  '.concept-points > li',
  '.concept-source',
  'section.panel > p:not([role]):not(.hint):not(.error)',
].join(', ');

/** The slide's notes, one string per paragraph, in reading order, whitespace tidied. */
export function slideNotes(stage: ParentNode): string[] {
  return [...stage.querySelectorAll(NOTE_SELECTOR)]
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((text) => text.length > 0);
}
