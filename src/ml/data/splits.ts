/**
 * The lecture's data splits. The notebook does:
 *   XX_train = X_train[10000:11000]   (1,000 labelled images for the downstream task)
 *   X_train  = X_train[:10000]        (10,000 images for the pretext task; their labels are never used)
 *   XX_test  = X_test[300:600]        (300 test images)
 * We keep those defaults, let the sizes change, and offer the full 10,000-image test set, because 300
 * images give an accuracy with a standard error of about 2.3 points: too noisy to rank two methods.
 */
import { sliceSet, type ImageSet, type Mnist } from './mnist';

/** Which test images to evaluate on: the lecture's 300 (test 300-599) or all 10,000. */
export type TestSetName = 'lecture' | 'full';

/** Sizes of the splits; the defaults are the lecture's. */
export interface SplitSizes {
  /** Unlabelled training images for the pretext task, taken from the start of the training set. */
  readonly pretextCount: number;
  /** Labelled training images for the downstream task, taken right after the pretext images. */
  readonly labelledCount: number;
  readonly testSet: TestSetName;
}

/** The lecture's sizes. */
export const LECTURE_SPLITS: SplitSizes = { pretextCount: 10_000, labelledCount: 1_000, testSet: 'lecture' };

/**
 * The three sets an experiment uses. `pretext.labels` exist in memory; no pretext task reads them. Only the
 * leaderboard's upper-bound row trains on them, on purpose (`experiment/leaderboard.ts`).
 */
export interface Splits {
  readonly pretext: ImageSet;
  readonly labelled: ImageSet;
  readonly test: ImageSet;
  /** Index of the first labelled image in the training set (10,000 in the lecture). */
  readonly labelledStart: number;
  /** Index of the first test image in the test set (300 for the lecture's test set). */
  readonly testStart: number;
}

/** The lecture's test slice. */
export const LECTURE_TEST = { start: 300, count: 300 } as const;

/** Cuts the splits out of MNIST; throws a RangeError naming the setting when a size does not fit. */
export function makeSplits(mnist: Mnist, sizes: SplitSizes): Splits {
  const { pretextCount, labelledCount } = sizes;
  if (!Number.isInteger(pretextCount) || pretextCount < 1) {
    throw new RangeError(`pretextCount must be a whole number of at least 1, got ${pretextCount}`);
  }
  if (!Number.isInteger(labelledCount) || labelledCount < 1) {
    throw new RangeError(`labelledCount must be a whole number of at least 1, got ${labelledCount}`);
  }
  if (pretextCount + labelledCount > mnist.train.count) {
    throw new RangeError(
      `pretextCount + labelledCount must be at most ${mnist.train.count} (the training images shipped), got ${pretextCount + labelledCount}`,
    );
  }
  const labelledStart = Math.max(pretextCount, LECTURE_SPLITS.pretextCount);
  const start = labelledStart + labelledCount <= mnist.train.count ? labelledStart : pretextCount;
  const test = sizes.testSet === 'full'
    ? { start: 0, count: mnist.test.count }
    : LECTURE_TEST;
  return {
    pretext: sliceSet(mnist.train, 0, pretextCount),
    labelled: sliceSet(mnist.train, start, labelledCount),
    test: sliceSet(mnist.test, test.start, test.count),
    labelledStart: start,
    testStart: test.start,
  };
}
