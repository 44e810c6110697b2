/**
 * The editable settings as a table: label, where the value lives in the config, and how to parse it. One
 * generic form renders them all, and the SettingError's `setting` name finds the field to flag.
 */
import type { ExperimentConfig, StepSettings } from '../../ml/config/presets';

/** One numeric field of the settings form. */
export interface NumberField {
  /** The dotted setting name, as SettingError reports it. */
  readonly setting: string;
  readonly label: string;
  readonly step: number;
  read(config: ExperimentConfig): number;
  write(config: ExperimentConfig, value: number): ExperimentConfig;
}

function stepField(step: 'pretext' | 'downstream' | 'supervised', key: 'epochs' | 'batchSize' | 'learningRate', label: string, inc: number): NumberField {
  return {
    setting: `${step}.${key}`,
    label,
    step: inc,
    read: (c) => c[step][key],
    write: (c, v) => ({ ...c, preset: 'custom', [step]: { ...c[step], [key]: v } as StepSettings }),
  };
}

/** General fields. */
export const GENERAL_FIELDS: readonly NumberField[] = [
  { setting: 'seed', label: 'Seed', step: 1, read: (c) => c.seed, write: (c, v) => ({ ...c, seed: v }) },
  { setting: 'splits.pretextCount', label: 'Unlabelled pretext images', step: 1000, read: (c) => c.splits.pretextCount, write: (c, v) => ({ ...c, preset: 'custom', splits: { ...c.splits, pretextCount: v } }) },
  { setting: 'splits.labelledCount', label: 'Labelled images', step: 100, read: (c) => c.splits.labelledCount, write: (c, v) => ({ ...c, preset: 'custom', splits: { ...c.splits, labelledCount: v } }) },
];

/** Per-step fields, grouped. */
export const STEP_FIELDS: readonly { readonly title: string; readonly fields: readonly NumberField[] }[] = [
  { title: 'Pretext (Adam)', fields: [stepField('pretext', 'epochs', 'Pretext epochs', 1), stepField('pretext', 'batchSize', 'Pretext batch size', 1), stepField('pretext', 'learningRate', 'Pretext learning rate', 0.0001)] },
  { title: 'Self-supervised head (SGD)', fields: [stepField('downstream', 'epochs', 'Head epochs', 1), stepField('downstream', 'batchSize', 'Head batch size', 1), stepField('downstream', 'learningRate', 'Head learning rate', 0.0001)] },
  { title: 'Supervised (SGD)', fields: [stepField('supervised', 'epochs', 'Supervised epochs', 1), stepField('supervised', 'batchSize', 'Supervised batch size', 1), stepField('supervised', 'learningRate', 'Supervised learning rate', 0.0001)] },
];
