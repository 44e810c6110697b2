/**
 * What an objective is, in two halves. An objective says what a network's output is judged by: a classifier's
 * cross-entropy and accuracy, a reconstruction's squared error and pixels right, and so on. Each one lives in
 * its own folder under `src/ml/objectives/<kind>/`, like a task under `src/ml/tasks/<id>/`:
 *
 * - `index.ts`, the page-safe half (no tfjs): its description's type, and its {@link ObjectiveTraits}: what
 *   its score is called, its chance level, its loss in words, how the data panel draws its examples, which
 *   rows must share a batch. The page reads these without loading tfjs (`registry.ts`).
 * - `tensors.ts`, the engine's half: its targets, loss and score as tensors (`train/objective.ts`).
 *
 * Nothing outside an objective's folder asks which kind it is; it asks the objective.
 */
import type { TaskSet } from '../train/task-set';

/** What the data panel shows of one example: the input beside its target, in words and pixels. */
export interface ExampleView {
  /** The 28x28 input the trunk sees. */
  readonly input: Uint8Array;
  /** For reconstructions, the 28x28 target pixels; for classifiers, null (the label says it). */
  readonly target: Uint8Array | null;
  /** The class the head must name ("180°", "permutation 2 1 4 3"), or a description of the target. */
  readonly label: string;
  /** The caption under the input, when the task words it itself (rotation's one-hot label). */
  readonly caption?: string;
  /** The target in colour, 28x28x3 RGB bytes, drawn instead of `target` (colorization). */
  readonly targetRgb?: Uint8Array;
  /** How the panel names the picture beside the input when it is not a "target" (jigsaw's "in order", context's grid). */
  readonly beside?: { readonly caption: string; readonly label: string };
}

/** A task's description of row `row` of a set it built (`PretextTask.describe`). */
export type DescribeRow = (set: TaskSet, row: number) => ExampleView;

/** One picture the data panel draws, with its caption and a description for screen readers. */
export interface SamplePicture {
  readonly key: string;
  /** 28x28 grey pixels, or 28x28 RGB triples when `channels` is 3. */
  readonly pixels: Uint8Array;
  readonly channels?: 1 | 3;
  readonly caption: string;
  readonly label: string;
}

/** The examples made from one image, as the data panel lays them out. */
export interface SampleLayout {
  /** What they are called in the grid's name: "examples", or "views" for a contrastive task's pairs. */
  readonly noun: 'examples' | 'views';
  readonly pictures: readonly SamplePicture[];
}

/** An objective's page-safe behaviour, for one description of it (a task's `objective`). */
export interface ObjectiveTraits {
  /** What the score means, in words for a chart's axis or a table's heading ("accuracy"). */
  readonly scoreName: string;
  /** The loss, in words for the pretext panel's settings line ("categorical cross-entropy"). */
  readonly lossWords: string;
  /** Rows of an example that must stay together in a batch, in order (2 for contrastive pairs, else 1). */
  readonly groupSize: number;
  /** How many rows the evaluator compares at a time when the caller asks for `requested`. */
  evaluationBatch(requested: number): number;
  /** The score of knowing nothing on `set` (a task's examples), with `classNames` the task's classes. */
  chance(set: TaskSet, classNames: readonly string[]): number;
  /** True when a trained model paints pixels the data panel can show beside the targets. */
  readonly paints: boolean;
  /** True when a trained pretext model names classes, so it can answer a drawn digit. */
  readonly namesClasses: boolean;
  /**
   * The pictures of `examples` (made from one image) for the data panel, each row described by its task's
   * `describe`, with `painted` (what a trained model painted for every row, 784 bytes a row) when the objective
   * paints and a model has answered.
   */
  samples(examples: TaskSet, describe: DescribeRow, painted: Uint8Array | null): SampleLayout;
}
