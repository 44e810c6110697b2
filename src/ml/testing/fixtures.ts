/**
 * Small helpers shared by the unit tests: the CPU backend in Node, tiny synthetic image sets, and a
 * tensor-leak check in the spirit of tfjs-layers' expectNoLeakedTensors.
 */
import * as tf from '#tf';
import { IMAGE_PIXELS, type ImageSet } from '../data/mnist';
import { createRng } from '../train/random';
import { activateBackend } from '../backends/activate';

/**
 * Selects the WASM backend with our training kernels: far faster than the pure-JS CPU backend for these
 * convolutions, which keeps training tests to seconds.
 */
export async function useWasmBackend(): Promise<void> {
  await activateBackend('wasm');
}

/** Selects the pure-JS CPU backend (deterministic and available everywhere). */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/**
 * A learnable toy set: class c images have a bright horizontal band at a class-specific row, plus noise.
 * Small enough to train in a second on the CPU backend.
 */
export function toyImageSet(count: number, classes: number, seed = 7): ImageSet {
  const rng = createRng(seed);
  const images = new Uint8Array(count * IMAGE_PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % classes;
    labels[i] = label;
    const row = 3 + Math.floor((label * 22) / classes);
    for (let p = 0; p < IMAGE_PIXELS; p++) {
      const r = Math.floor(p / 28);
      images[i * IMAGE_PIXELS + p] = Math.abs(r - row) <= 1 ? 200 + Math.floor(rng() * 55) : Math.floor(rng() * 40);
    }
  }
  return { images, labels, count };
}

/** Runs `fn` and returns how many tensors it left behind. */
export async function leakedTensors(fn: () => Promise<unknown>): Promise<number> {
  const before = tf.memory().numTensors;
  await fn();
  return tf.memory().numTensors - before;
}
