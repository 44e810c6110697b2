/**
 * What makes a pretext task: everything the rest of the app needs to generate its examples, build its head
 * on the shared trunk, train it, score it, and show it to a student. Each task lives in its own folder under
 * `src/ml/tasks/<id>/` and is listed once in `registry.ts`.
 *
 * A task is plain data and plain TypeScript, with no tfjs: its head is a list of layer descriptions and its
 * objective a description too. The page can then show a task's examples, name its layers and list the
 * registry without loading 1 MB of tfjs; the engine turns the descriptions into layers and losses
 * (`models/architecture.ts`, `train/objective.ts`).
 */
import type { ImageSet } from '../data/mnist';
import type { PresetName, StepSettings } from '../config/step-settings';
import type { ObjectiveSpec } from '../objectives/registry';
import type { ExampleView } from '../objectives/types';
import type { TaskSet } from '../train/task-set';

/** One layer of a task's head, described. Seeds are salts mixed with the run's seed. */
export type LayerSpec =
  | { readonly kind: 'conv'; readonly filters: number; readonly stride: number; readonly seedSalt: number }
  | { readonly kind: 'flatten' }
  | { readonly kind: 'dense'; readonly units: number; readonly seedSalt: number; readonly activation?: 'linear' | 'relu' }
  | { readonly kind: 'reshape'; readonly shape: readonly number[] }
  /**
   * A transposed convolution ("deconvolution", Keras's Conv2DTranspose), linear and without bias: each input
   * position paints a `size` x `size` patch of the output, `stride` apart. With size = stride the patches tile
   * the output, a learned enlargement by `stride`.
   */
  | { readonly kind: 'convTranspose'; readonly filters: number; readonly size: number; readonly stride: number; readonly seedSalt: number };

/** A paper a task comes from, cited in the app as the lecture cites it. */
export interface Citation {
  readonly authors: string;
  readonly year: number;
  readonly title: string;
  readonly venue: string;
}

/** How a task's examples are generated. */
export interface ExampleOptions {
  /** Seeds every random choice (hole positions, permutations, jitter); the same seed gives the same set. */
  readonly seed: number;
  /**
   * The run's experiment settings (an ExperimentConfig), for a task with choices of its own there (rotation's
   * row order). Absent where no run is being set up (the data panel's samples, the fixed test examples): each
   * task's default. Typed only as an object because the settings name the tasks: a task reads its own choice
   * and checks it.
   */
  readonly config?: object;
}

/** One pretext task. */
export interface PretextTask {
  /** Short id used in URLs, run ids, file names and the CLI ("rotation", "jigsaw"). */
  readonly id: string;
  /** Its name in the app ("Rotation"). */
  readonly title: string;
  /** The question the network answers, in a student's words. */
  readonly question: string;
  /** How its examples are made, and why that might teach useful features, for the data panel. */
  readonly about: string;
  /** The lecture's section for it (e.g. "2.6"), or where it stands beside the lecture in words ("after the lecture"). */
  readonly lectureSection: string;
  readonly paper: Citation;
  /** What its output is judged by: one of the objectives of `src/ml/objectives/`, described. */
  readonly objective: ObjectiveSpec;
  /** Class names for classifiers (their count is the head's width); empty for reconstructions. */
  readonly classNames: readonly string[];
  /** How many examples each unlabelled image yields (4 for every task, so each sees the same budget). */
  readonly examplesPerImage: number;
  /** False when its examples are the same whatever the seed (rotation's four turns): nothing to reshuffle. */
  readonly random: boolean;
  /**
   * Counts changes to what the task trains (its head, its examples) after results were first kept. Trunks and
   * measurements kept under an earlier revision are not this task's any more, so the stores name them apart
   * (`storeName`). Absent for a task never changed.
   */
  readonly revision?: number;
  /**
   * The pretext panel's sentence on why answering the question might teach digit features, where the task
   * has its own; the others share RotNet's hope, said in their paper's name.
   */
  readonly hope?: string;
  /** What its examples of the test images are called under the test score ("rotated test images"); optional. */
  readonly testExamplesName?: string;
  /** A remark the data panel adds after saying how long making the examples took (rotation's, the lecture's loop). */
  readonly generatedNote?: string;
  /** Builds the examples from unlabelled images; never reads their digit labels. */
  buildExamples(images: ImageSet, options: ExampleOptions): TaskSet;
  /** The layers this task puts on the trunk's 3x3x32 output. */
  readonly head: readonly LayerSpec[];
  /** Its pretext training settings under a preset (the same budget for every task unless said otherwise). */
  settings(preset: PresetName, base: StepSettings): StepSettings;
  /** Describes row `row` of a built set for the data panel. */
  describe(set: TaskSet, row: number): ExampleView;
}
