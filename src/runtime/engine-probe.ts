/**
 * The live probe of a pretext run, on the engine's side: before its first epoch and after each epoch, the run
 * waits while this reads the digit off its trunk (ml/features/live-probe.ts) and sends a `probe` event. A Stop
 * pressed meanwhile abandons the reading at its next pause between fits, so the run ends as promptly as it
 * would between two batches; a Pause lands when the reading is done, before the next batch.
 */
import type * as tf from '#tf';
import type { ImageSet } from '../ml/data/mnist';
import type { InputScaling } from '../ml/train/batches';
import { nextMacrotask } from '../ml/train/schedule';
import { liveProbeTestSet, probeTrunkNow } from '../ml/features/live-probe';
import type { RunId } from '../ml/experiment/runs';
import type { EngineEvent } from './messages';

/** Thrown between fits when the run was stopped: the reading is dropped, not reported. */
class ReadingAbandoned extends Error {}

/** What one run's probe needs. */
export interface LiveProbeSetup {
  readonly run: RunId;
  readonly model: tf.LayersModel;
  readonly labelled: ImageSet;
  readonly test: ImageSet;
  readonly scaling: InputScaling;
  readonly seed: number;
  readonly emit: (event: EngineEvent) => void;
}

/** Probes one pretext run at each epoch boundary. */
export class LiveProbe {
  private readonly setup: LiveProbeSetup;
  private readonly test: ImageSet;
  private previousLambda: number | null = null;
  private stopped = false;
  /** Set after a reading failed: the run trains on without its probe rather than repeating the failure. */
  private broken = false;

  constructor(setup: LiveProbeSetup) {
    this.setup = setup;
    this.test = liveProbeTestSet(setup.test);
  }

  /** The run was stopped: abandon the reading in progress, and take no more. */
  stop(): void {
    this.stopped = true;
  }

  /** Reads the trunk after `epochsDone` epochs and emits it. Never throws: a failed reading is said, once. */
  async measure(epochsDone: number): Promise<void> {
    if (this.stopped || this.broken) return;
    const { run, model, labelled, scaling, seed, emit } = this.setup;
    try {
      const reading = await probeTrunkNow(model, {
        labelled, test: this.test, scaling, seed, epoch: epochsDone, previousLambda: this.previousLambda,
        yieldBetweenFits: async () => {
          await nextMacrotask();
          if (this.stopped) throw new ReadingAbandoned();
        },
      });
      this.previousLambda = reading.lambda;
      emit({ type: 'probe', run, reading });
    } catch (err) {
      if (err instanceof ReadingAbandoned) return;
      this.broken = true;
      emit({ type: 'info', message: `The live digit probe stopped after epoch ${epochsDone} (${err instanceof Error ? err.message : String(err)}); training goes on without it.` });
    }
  }
}
