/**
 * Giving the event loop a turn between batches, so a page (or a worker's message handler) can react to
 * Pause and Stop while training runs. A MessageChannel post is not throttled like nested setTimeout(0)
 * (clamped to 4 ms in browsers), and works in Node, in workers and in pages.
 */

/** Resolves on the next macrotask. */
export function nextMacrotask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
