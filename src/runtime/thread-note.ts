/**
 * Why the WebAssembly backend trains on one thread, in words for the header. Threads need memory shared between
 * workers (SharedArrayBuffer), which a browser gives only to a cross-origin-isolated page, and not every
 * browser gives it even then: WebKitGTK 2.50 isolates the page and still offers no SharedArrayBuffer. A student
 * whose training is slower than a classmate's should be able to read why.
 */

/** What this context offers that decides whether WebAssembly may use threads. */
export interface ThreadFacts {
  /** `crossOriginIsolated`: the host sent COOP and COEP. */
  readonly isolated: boolean;
  /** Whether SharedArrayBuffer exists here. */
  readonly sharedMemory: boolean;
  /** How many threads the lab asked for (one on a single-core machine). */
  readonly wanted: number;
}

/** The facts of the context this runs in. */
export function threadFacts(wanted: number): ThreadFacts {
  return { isolated: globalThis.crossOriginIsolated === true, sharedMemory: typeof SharedArrayBuffer === 'function', wanted };
}

/** A clause saying why training runs on one thread, or null when it runs on more (or one is all it asked for). */
export function oneThreadReason(threads: number | null, facts: ThreadFacts): string | null {
  if (threads === null || threads > 1 || facts.wanted <= 1) return null;
  if (facts.isolated && !facts.sharedMemory) {
    return 'on one thread, because this browser offers no SharedArrayBuffer (even though the page is cross-origin isolated), and WebAssembly threads need it';
  }
  if (!facts.isolated) {
    return 'on one thread, because the page is not cross-origin isolated (its host does not send the COOP and COEP headers), so WebAssembly threads cannot share memory';
  }
  return `on one thread, though ${facts.wanted} were asked for: this browser would not start more`;
}
