/**
 * The colours every panel shares, from the Okabe-Ito palette: eight colours chosen to stay distinct for the
 * common forms of colour blindness, so "self-supervised vs supervised vs random" survives any projector and
 * any viewer. The same colour means the same run everywhere in the app: a student who learns that blue is
 * the rotation-pretrained model on one chart can read every other chart without a legend hunt.
 */

/** One colour per kind of run compared in the lessons. */
export const RUN_COLORS = {
  /** Rotation-pretrained (self-supervised) features: Okabe-Ito blue, 5.1:1 on white. */
  selfSupervised: '#0072B2',
  /** The supervised baseline trained from scratch: Okabe-Ito vermillion. */
  supervised: '#D55E00',
  /** The honest control, a head on random frozen convolutions: a neutral grey (5.7:1 on white). */
  randomFrozen: '#666666',
  /** The pretext (rotation) task itself: Okabe-Ito bluish green. */
  pretext: '#009E73',
} as const;

/** A run-kind name, for props that pick a colour by meaning rather than by hex value. */
export type RunKind = keyof typeof RUN_COLORS;

/**
 * The full Okabe-Ito palette (black omitted: it is the text colour), in an order where neighbours differ
 * strongly, for charts that overlay more runs than there are named kinds (e.g. several seeds).
 */
export const OKABE_ITO: readonly string[] = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#F0E442', // yellow: weak on white, so last
];

/**
 * Neutral inks for chart furniture. Axis text uses the page's muted colour so charts match the prose;
 * de-emphasised marks (the stems of the classes a model did not pick) use a lighter grey that still
 * clears WCAG's 3:1 for graphics on white.
 */
export const INK = {
  text: '#1b1b1f',
  muted: '#4a4a55',
  faint: '#767680',
  grid: '#d6d6dc',
} as const;
