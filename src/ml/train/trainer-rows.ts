/**
 * How many rows a run trains on, as the trainer counts them. Its own tfjs-free module, so the page's time
 * estimate counts exactly what the trainer will do.
 */

/** Training rows left after the validation split (Keras: the last fraction is held out), in whole groups. */
export function trainRowCount(count: number, validationSplit: number, groupSize = 1): number {
  const rows = validationSplit > 0 ? Math.floor(count * (1 - validationSplit)) : count;
  return rows - (rows % groupSize);
}
