/**
 * What a training run tells the outside world: plain data only (numbers and strings), so events can cross
 * a worker boundary and be stored in UI state without holding tensors.
 */

/** After every batch: the running loss and accuracy of the epoch so far (what Keras's progress bar shows). */
export interface BatchEvent {
  readonly type: 'batch';
  /** 0-based epoch. */
  readonly epoch: number;
  /** 0-based batch within the epoch. */
  readonly batch: number;
  readonly batchesPerEpoch: number;
  /** This batch's own mean loss and accuracy. */
  readonly loss: number;
  readonly accuracy: number;
  /** Running means over the epoch so far. */
  readonly epochLoss: number;
  readonly epochAccuracy: number;
  /** Training examples processed since the run started. */
  readonly examplesSeen: number;
  /** Milliseconds of training so far (paused time excluded). */
  readonly elapsedMs: number;
}

/** One row of a training history, as Keras's `History.history` holds it per epoch. */
export interface EpochRecord {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  /** Present when the run has a validation split. */
  readonly valLoss?: number;
  readonly valAccuracy?: number;
}

/** After every epoch. */
export interface EpochEvent extends EpochRecord {
  readonly type: 'epoch';
  readonly elapsedMs: number;
}

/** Why a run ended. */
export type EndReason =
  /** Ran all its epochs. */
  | 'completed'
  /** Early stopping saw no improvement for `patience` epochs. */
  | 'early-stopped'
  /** The user pressed stop (the weights are kept as they were after the last finished batch). */
  | 'stopped'
  /** The loss became NaN or infinite; the weights were restored to the start of the epoch. */
  | 'diverged';

/** The final result of a run. */
export interface TrainResult {
  readonly reason: EndReason;
  readonly epochsRun: number;
  readonly history: readonly EpochRecord[];
  readonly examplesSeen: number;
  readonly elapsedMs: number;
  /** Set when reason is 'diverged' or 'early-stopped': a sentence for the student. */
  readonly message?: string;
}

/** Listener for training events. */
export interface TrainCallbacks {
  onBatchEnd?(event: BatchEvent): void;
  onEpochEnd?(event: EpochEvent): void;
  /** When the run starts waiting (paused) or goes again (running). */
  onStateChange?(state: RunState): void;
  /**
   * Before the first epoch and after each whole epoch (after onEpochEnd), with the number of epochs done. The
   * run waits for it before its next batch, so the weights hold still while it looks at them: this is where
   * the live probe measures the trunk. Not called after a stopped or diverged epoch.
   */
  atEpochBoundary?(epochsDone: number): Promise<void>;
}

/** The states a run moves through. */
export type RunState = 'idle' | 'running' | 'paused' | 'finished';
