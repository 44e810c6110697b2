/**
 * Fitting a slide to the screen. A slide is laid out for 16:9 in large type, but its content still varies: a
 * task with a long question, a model table that grows a row, charts that appear once training starts. Rather
 * than let the slide scroll (the room then loses what the lecturer is pointing at), the type is stepped down
 * until the slide fits, never below a floor at which the back row can still read it; and where a slide has room
 * to spare (its data arrived, a table shrank), stepped back up, but never to a size already seen to overflow.
 */

/** The smallest share of the chosen type size a slide may be shrunk to. */
export const MIN_FIT = 0.6;

/** Fit factors are rounded to this step, so a slide settles instead of chasing sub-pixel differences. */
const STEP = 0.02;

/**
 * Where the search stands: the factor in use, the smallest one seen to overflow (Infinity: none yet), and the
 * content's height when last measured at this factor (0: not yet).
 */
export interface FitState {
  readonly fit: number;
  readonly tooBig: number;
  readonly height: number;
}

/** The search's start for a new slide, window or chosen size. */
export const FIT_START: FitState = { fit: 1, tooBig: Infinity, height: 0 };

const onStep = (f: number) => Math.round(Math.floor(f / STEP + 1e-9) * STEP * 100) / 100;

/**
 * The next state for a slide whose content is `contentHeight` tall in a stage `stageHeight` tall. Text rewraps
 * as it shrinks, so its height changes faster than the factor: moving by the square root of the ratio
 * overshoots less than the ratio itself, and a few rounds settle it. A slide that fits with less than a tenth
 * to spare stays as it is.
 */
export function nextFit(state: FitState, stageHeight: number, contentHeight: number): FitState {
  const { fit } = state;
  // The content itself shrank (data replaced a long "loading" line, a part closed): sizes that overflowed
  // before may fit now, so they are no longer ruled out.
  const tooBig = state.height > 0 && contentHeight < state.height * 0.9 ? Infinity : state.tooBig;
  if (contentHeight > stageHeight + 1) {
    if (fit <= MIN_FIT) return { fit: MIN_FIT, tooBig: Math.min(tooBig, fit), height: contentHeight };
    const next = onStep(fit * Math.min(Math.sqrt(stageHeight / contentHeight), 1 - STEP));
    return { fit: Math.max(MIN_FIT, next), tooBig: Math.min(tooBig, fit), height: 0 };
  }
  const ceiling = Math.min(1, tooBig - STEP);
  const settled = state.height === contentHeight && state.tooBig === tooBig ? state : { fit, tooBig, height: contentHeight };
  if (fit >= ceiling - 1e-9 || contentHeight > stageHeight * 0.9) return settled;
  const grown = onStep(Math.min(ceiling, fit * Math.max(Math.sqrt(stageHeight / contentHeight), 1 + STEP)));
  return grown > fit ? { fit: grown, tooBig, height: 0 } : settled;
}
