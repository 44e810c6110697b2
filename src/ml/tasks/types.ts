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
import type { RotationOrder } from './rotation/rotation';
import type { TaskSet } from '../train/task-set';

/** One layer of a task's head, described. Seeds are salts mixed with the run's seed. */
export type LayerSpec =
  | { readonly kind: 'conv'; readonly filters: number; readonly stride: number; readonly seedSalt: number }
  | { readonly kind: 'flatten' }
  | { readonly kind: 'dense'; readonly units: number; readonly seedSalt: number; readonly activation?: 'linear' | 'relu' }
  | { readonly kind: 'reshape'; readonly shape: readonly number[] };

/** What a task's output is judged by, described. */
export type ObjectiveSpec =
  /** Name one of a few classes: cross-entropy from logits, scored by accuracy. */
  | { readonly kind: 'classify' }
  /**
   * Predict pixels: weighted squared error (mask pixels 1, others `outsideWeight`), scored by the fraction of
   * mask pixels painted the right colour: ink where the truth is brighter than `inkThreshold` (0-1), paper
   * where it is not.
   */
  | {
    readonly kind: 'reconstruct'; readonly outsideWeight: number; readonly inkThreshold: number;
    /** What the mask pixels are, in the score's name: "hidden" (the default) or "blurred". */
    readonly maskName?: 'hidden' | 'blurred';
  }
  /**
   * Name a class for every pixel (colourization's colours): the output is [28, 28, classes] logits, the loss
   * a weighted cross-entropy per pixel (mask pixels 1, others `outsideWeight`), the score the fraction of mask
   * pixels given the right class. The task set's `targets` hold class indices, not brightness.
   */
  | { readonly kind: 'classifyPixels'; readonly classes: number; readonly outsideWeight: number }
  /**
   * Tell apart views (SimCLR's NT-Xent): rows come in adjacent pairs, two views of one image; each row must be
   * most similar to its partner among all other rows of the batch (cosine similarity over `temperature`).
   * Scored by the share of rows whose most similar other row is their partner. That score depends on how
   * many rows compete, so evaluation always compares `evaluationRows` rows at a time.
   */
  | { readonly kind: 'contrastive'; readonly temperature: number; readonly evaluationRows: number };

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
  /** Rotation only: the notebook's row order, or the grouped one. Other tasks ignore it. */
  readonly order: RotationOrder;
}

/** What the data panel shows of one example: the input beside its target, in words and pixels. */
export interface ExampleView {
  /** The 28x28 input the trunk sees. */
  readonly input: Uint8Array;
  /** For reconstructions, the 28x28 target pixels; for classifiers, null (the label says it). */
  readonly target: Uint8Array | null;
  /** The class the head must name ("180°", "permutation 2 1 4 3"), or a description of the target. */
  readonly label: string;
  /** The target in colour, 28x28x3 RGB bytes, drawn instead of `target` (colourization). */
  readonly targetRgb?: Uint8Array;
  /** How the panel names the picture beside the input, when it is not jigsaw's "in order" or a "target". */
  readonly beside?: { readonly caption: string; readonly label: string };
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
  /** The lecture's section for it (e.g. "2.6"), or "after the lecture". */
  readonly lectureSection: string;
  readonly paper: Citation;
  readonly objective: ObjectiveSpec;
  /** Class names for classifiers (their count is the head's width); empty for reconstructions. */
  readonly classNames: readonly string[];
  /** How many examples each unlabelled image yields (4 for every task, so each sees the same budget). */
  readonly examplesPerImage: number;
  /** Rows of an example that must stay together in a batch (2 for contrastive pairs, else 1). */
  readonly groupSize: number;
  /** Builds the examples from unlabelled images; never reads their digit labels. */
  buildExamples(images: ImageSet, options: ExampleOptions): TaskSet;
  /** The layers this task puts on the trunk's 3x3x32 output. */
  readonly head: readonly LayerSpec[];
  /** Its pretext training settings under a preset (the same budget for every task unless said otherwise). */
  settings(preset: PresetName, base: StepSettings): StepSettings;
  /** Describes row `row` of a built set for the data panel. */
  describe(set: TaskSet, row: number): ExampleView;
}
