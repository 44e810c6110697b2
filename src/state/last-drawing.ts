/**
 * The digit most recently drawn on the drawing pad, as the 28x28 pixels the models saw, so another panel (the
 * inside-the-network lesson) can show what the first layer makes of it. Lessons never import each other; they
 * meet here, in the state layer.
 */
import { useSyncExternalStore } from 'react';

let last: Uint8Array | null = null;
const listeners = new Set<() => void>();

/** Records the latest drawing (called whenever a drawing is sent to the models). */
export function rememberDrawing(pixels: Uint8Array): void {
  last = pixels.slice();
  for (const listener of listeners) listener();
}

/** React hook: the latest drawing's 784 pixels, or null before anything was drawn. */
export function useLastDrawing(): Uint8Array | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => last,
  );
}
