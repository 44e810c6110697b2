/**
 * Switching tfjs to a named backend, with the training kernels the WASM backend lacks registered first.
 * Used by Node (tests, the reproduce script) and by the browser runtime, which sets WASM file paths before.
 */
import * as tf from '#tf';
import { installTrainingKernels } from '../speed/kernels';

/** The backends Pretext Lab knows, in the order it prefers them on a machine with a real GPU. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
/** All backend names. */
export const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

let webgpuLoaded: Promise<unknown> | null = null;
let webglLoaded: Promise<unknown> | null = null;

/**
 * Activates `name`; throws if that backend cannot initialise here. The GPU backends are loaded only when asked
 * for: each registers itself on import, and their code is a large part of tfjs, which a page training on WASM
 * should not download and parse before its engine is ready. WebGPU registers
 * only where `navigator.gpu` exists, so never in Node.
 */
export async function activateBackend(name: BackendName): Promise<void> {
  if (name === 'wasm') installTrainingKernels();
  if (name === 'webgl') {
    webglLoaded ??= import('@tensorflow/tfjs-backend-webgl');
    await webglLoaded;
  }
  if (name === 'webgpu') {
    webgpuLoaded ??= import('@tensorflow/tfjs-backend-webgpu');
    await webgpuLoaded;
    if (tf.findBackendFactory('webgpu') === null) throw new Error('WebGPU is not available here (no navigator.gpu)');
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`The ${name} backend could not be initialised.`);
  await tf.ready();
}
