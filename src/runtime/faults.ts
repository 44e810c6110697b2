/**
 * Faults made on purpose. A lecture is ruined by the fault nobody tried, so the tests cause each one for real
 * (a worker that dies, a loss that turns NaN, a GPU context that is lost, storage that is missing) and check
 * what the student sees and that nothing they had is gone. The page only sends these when opened with
 * `?faults=on` (see state/fault-hook.ts); nothing in the lab's own controls does.
 */
import * as tf from '#tf';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';

/**
 * Crashes the thread this runs in with an error nothing catches, as a bug or an out-of-memory abort would.
 * In a worker the page sees the worker's `error` event and has to cope.
 */
export function crashSoon(): void {
  setTimeout(() => {
    throw new Error('The training worker was crashed on purpose (fault test).');
  }, 0);
}

/**
 * Writes NaN into a model's last trainable weight, so the next batch's loss is NaN: what a far too large
 * learning rate does sooner or later. The trainer must notice and put the epoch's starting weights back.
 */
export function poisonWeights(model: tf.LayersModel): void {
  // The output layer's bias: NaN there reaches the loss for certain. (NaN in the first convolution does not:
  // ReLU turns NaN into 0 on some backends, and the network then quietly predicts a constant.)
  const weight = model.trainableWeights[model.trainableWeights.length - 1];
  if (!weight) return;
  tf.tidy(() => {
    weight.write(tf.fill(weight.read().shape, Number.NaN));
  });
}

/** The canvas behind the WebGL backend's context, or null when another backend is active. */
function webglCanvas(): (HTMLCanvasElement | OffscreenCanvas) | null {
  if (tf.getBackend() !== 'webgl') return null;
  const gl = (tf.backend() as MathBackendWebGL).getGPGPUContext().gl;
  return gl.canvas;
}

/**
 * Calls `onLost` when the browser takes the WebGL context away (a GPU reset, a driver update, too many
 * contexts in other tabs). Returns a function that stops listening; does nothing off WebGL.
 */
export function watchWebGLContext(onLost: () => void): () => void {
  const canvas = webglCanvas();
  if (!canvas) return () => undefined;
  const listener = () => onLost();
  canvas.addEventListener('webglcontextlost', listener);
  return () => canvas.removeEventListener('webglcontextlost', listener);
}

/** Loses the WebGL backend's context through WEBGL_lose_context, exactly what a GPU reset looks like to us. */
export function loseWebGLContext(): boolean {
  if (tf.getBackend() !== 'webgl') return false;
  const gl = (tf.backend() as MathBackendWebGL).getGPGPUContext().gl;
  const extension = gl.getExtension('WEBGL_lose_context');
  if (!extension) return false;
  extension.loseContext();
  return true;
}
