/**
 * The colours every panel shares, from the Okabe-Ito palette: eight colours chosen to stay distinct for the
 * common forms of colour blindness, so "self-supervised vs supervised vs random" survives any projector and
 * any viewer. The same colour means the same run everywhere in the app: a student who learns that blue is
 * the rotation-pretrained model on one chart can read every other chart without a legend hunt.
 */

/** One colour per way of using the trunk (a run's `use`). */
export const RUN_COLORS = {
  /** Self-supervised features of the task in view, frozen: Okabe-Ito blue, 5.1:1 on white. */
  transfer: '#0072B2',
  /** The supervised baseline trained from scratch: Okabe-Ito vermillion. */
  scratch: '#D55E00',
  /** The honest control, a head on random frozen convolutions: a neutral grey (5.7:1 on white). */
  random: '#666666',
  /** The pretext task itself: Okabe-Ito bluish green. */
  pretext: '#009E73',
  /** The pretext trunk fine-tuned on the labels: a dark purple (not Okabe-Ito, 8.6:1 on white), kin to neither arm it sits between. */
  finetune: '#6A3D9A',
} as const;

/**
 * Colours for the frozen features of the tasks other than rotation (rotation's features are `transfer` blue),
 * one per task in registry order, so a task keeps its colour on every chart: the Okabe-Ito colours not taken
 * above, then three darker ones from Paul Tol's palettes, far from every colour before them. A test checks there is
 * one for every task, so adding a task cannot silently reuse one.
 */
export const TASK_ACCENTS: readonly string[] = [
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#8B5A2B', // brown (not Okabe-Ito; distinct enough, 6.0:1 on white)
  '#882255', // wine (Tol)
  '#117733', // dark green (Tol)
  '#7A7A1F', // dark olive (Tol's olive, darkened)
];

/** Rotation's frozen features on a panel about another task, where transfer blue is that task's: Tol's indigo. */
export const ROTATION_ACCENT = '#332288';

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
