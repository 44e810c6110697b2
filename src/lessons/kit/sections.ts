/**
 * The lecture's table of contents. Pure data, apart from the slides' React bodies, so the lesson registry
 * can say which part of the lecture a lesson's slide belongs to without importing any component.
 */

/** The four parts of the lecture's table of contents, in order. */
export const SECTIONS = [
  '1. Supervised learning and transfer learning',
  '2. Pretext tasks',
  '3. Self-supervised learning',
  '4. Self-supervised learning with TensorFlow',
] as const;

/** An index into {@link SECTIONS}; a unit test checks that every one names a section. */
export type SectionIndex = 0 | 1 | 2 | 3;
