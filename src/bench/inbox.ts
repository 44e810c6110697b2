/**
 * The benchmark's view of the engine's events: it keeps every event with its arrival time and lets the
 * run wait, in order, for the next event of a kind. Once the engine is ready, an `error` or `stepFailed`
 * event makes the wait fail; before that, errors are fallback notices (e.g. a backend that failed to start).
 */
import type { EngineEvent } from '../runtime/messages';

/** An event and performance.now() on the page when it arrived. */
export interface Received<E extends EngineEvent = EngineEvent> {
  readonly event: E;
  readonly at: number;
}

type EventOf<K extends EngineEvent['type']> = Extract<EngineEvent, { type: K }>;

/** Collects engine events; pass `listener` to startEngine. */
export class EngineInbox {
  /** Every event received, in order. */
  readonly received: Received[] = [];
  /** Error messages that arrived before the engine was ready. */
  readonly notes: string[] = [];
  private cursor = 0;
  private ready = false;
  private wake: (() => void) | null = null;

  /** The function to hand to startEngine. */
  readonly listener = (event: EngineEvent): void => {
    if (event.type === 'ready') this.ready = true;
    if (!this.ready && event.type === 'error') this.notes.push(event.message);
    else this.received.push({ event, at: performance.now() });
    const wake = this.wake;
    this.wake = null;
    wake?.();
  };

  /**
   * Waits for the next event of `type` (after those already waited for) that passes `match`, skipping
   * others; rejects on an engine error or after `timeoutMs`.
   */
  async next<K extends EngineEvent['type']>(type: K, timeoutMs: number, match: (event: EventOf<K>) => boolean = () => true): Promise<Received<EventOf<K>>> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.received.length) {
        const item = this.received[this.cursor++];
        const { event } = item;
        if (event.type === type && match(event as EventOf<K>)) return item as Received<EventOf<K>>;
        if (event.type === 'error') throw new Error(event.message);
        if (event.type === 'runFailed') throw new Error(event.message);
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for the engine's "${type}" event.`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
