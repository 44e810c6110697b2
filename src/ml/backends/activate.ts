/**
 * Switching tfjs to a named backend, with the training kernels the WASM backend lacks registered first.
 * Used by Node (tests, the reproduce script) and by the browser runtime, which sets WASM file paths before.
 */
import * as tf from '@tensorflow/tfjs';
import { registerWasmTrainingKernels } from './wasm-kernels';

/** The backends Pretext Lab knows, in the order it prefers them on a machine with a real GPU. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';
/** All backend names. */
export const BACKEND_NAMES: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** Activates `name`; throws if that backend cannot initialise here. */
export async function activateBackend(name: BackendName): Promise<void> {
  if (name === 'wasm') registerWasmTrainingKernels();
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`The ${name} backend could not be initialised.`);
  await tf.ready();
}
