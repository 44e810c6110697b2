/**
 * Watching the page's main thread while the model trains: a requestAnimationFrame loop records the gap
 * between consecutive frames. A thread busy with training shows up as long gaps (janky charts, a frozen
 * Pause button); a free one stays near the display's frame interval (16.7 ms at 60 Hz).
 */

/** A gap between two frames, and when the later frame began (rAF time, same clock as performance.now()). */
export interface FrameGap {
  readonly at: number;
  readonly ms: number;
}

/** Records frame gaps between start() and stop(). */
export class FrameGapMonitor {
  private readonly gaps: FrameGap[] = [];
  private last: number | null = null;
  private handle: number | null = null;

  /** Starts recording (again, keeping what was recorded). */
  start(): void {
    if (this.handle !== null) return;
    this.last = null;
    const tick = (time: number): void => {
      if (this.last !== null) this.gaps.push({ at: time, ms: time - this.last });
      this.last = time;
      this.handle = requestAnimationFrame(tick);
    };
    this.handle = requestAnimationFrame(tick);
  }

  /** Stops recording. */
  stop(): void {
    if (this.handle !== null) cancelAnimationFrame(this.handle);
    this.handle = null;
  }

  /** The longest gap recorded, if any. */
  longest(): FrameGap | null {
    return this.gaps.reduce<FrameGap | null>((worst, g) => (worst === null || g.ms > worst.ms ? g : worst), null);
  }

  /** Gap lengths in ms, of frames that began at or after `from` (all by default). */
  gapsSince(from = -Infinity): number[] {
    return this.gaps.filter((g) => g.at >= from).map((g) => g.ms);
  }
}
