/**
 * The settings of one training step and the preset names: the part of the presets a pretext task reads
 * (`PretextTask.settings`). Kept apart from presets.ts, which names a task in every experiment, so the task
 * types can read them without an import cycle through the task registry.
 */

/** Settings of one training step. `momentum` applies to the SGD steps only; Adam uses Keras defaults. */
export interface StepSettings {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly momentum: number;
  readonly shuffle: boolean;
  readonly validationSplit: number;
  /** Early stopping on training accuracy; null for none. */
  readonly patience: number | null;
}

/** The preset names. */
export type PresetName = 'lecture' | 'quick' | 'smoke';
/** All preset names, for menus and validation. */
export const PRESET_NAMES: readonly PresetName[] = ['lecture', 'quick', 'smoke'];
