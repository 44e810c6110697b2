/**
 * Validation of a whole experiment configuration, before any work starts.
 */
import type { ExperimentConfig, StepSettings } from './presets';
import { SettingError, checkChoice, checkInteger, checkNumber } from './validate';
import { TASK_IDS, taskById } from '../tasks/registry';

/** Checks one step's settings against the number of examples it will train on. */
export function checkStep(name: string, step: StepSettings, examples: number): void {
  checkInteger(`${name}.epochs`, step.epochs, 1, 1000);
  checkInteger(`${name}.batchSize`, step.batchSize, 1, 8192);
  checkNumber(`${name}.learningRate`, step.learningRate, 0, 10, true);
  checkNumber(`${name}.momentum`, step.momentum, 0, 0.999);
  if (typeof step.shuffle !== 'boolean') throw new SettingError(`${name}.shuffle`, `${name}.shuffle must be true or false`);
  checkNumber(`${name}.validationSplit`, step.validationSplit, 0, 0.9);
  if (step.patience !== null) checkInteger(`${name}.patience`, step.patience, 1, 1000);
  const trainRows = Math.floor(examples * (1 - step.validationSplit));
  if (trainRows < 1 || (step.validationSplit > 0 && trainRows === examples)) {
    throw new SettingError(
      `${name}.validationSplit`,
      `${name}.validationSplit ${step.validationSplit} leaves no training or no validation images out of ${examples}`,
    );
  }
}

/**
 * Throws a SettingError naming the first invalid setting. `trainImages` is how many training images the
 * app ships (the pretext and labelled sets are cut from them).
 */
export function checkConfig(config: ExperimentConfig, trainImages: number): void {
  checkChoice('task', config.task, TASK_IDS);
  checkInteger('seed', config.seed, 0, 2 ** 31 - 1);
  checkChoice('scaling', config.scaling, ['raw', 'unit'] as const);
  checkChoice('rotationOrder', config.rotationOrder, ['lecture', 'grouped'] as const);
  checkChoice('splits.testSet', config.splits.testSet, ['lecture', 'full'] as const);
  checkInteger('splits.pretextCount', config.splits.pretextCount, 1, trainImages - 1);
  checkInteger('splits.labelledCount', config.splits.labelledCount, 2, trainImages - config.splits.pretextCount);
  checkStep('pretext', config.pretext, config.splits.pretextCount * taskById(config.task).examplesPerImage);
  checkStep('downstream', config.downstream, config.splits.labelledCount);
  checkStep('supervised', config.supervised, config.splits.labelledCount);
}

/**
 * The first problem of a configuration as a SettingError, or null when it is valid. Anything that is not a
 * configuration at all (a hand-edited file's settings, say) is a problem with the setting "config".
 */
export function configProblem(candidate: unknown, trainImages: number): SettingError | null {
  if (!candidate || typeof candidate !== 'object') return new SettingError('config', 'The settings are missing or not an object.');
  try {
    checkConfig(candidate as ExperimentConfig, trainImages);
    return null;
  } catch (err) {
    return err instanceof SettingError ? err : new SettingError('config', `The settings are incomplete: ${String(err)}`);
  }
}
