/**
 * The questions a backend choice asks of the GPU before the engine can pick a backend, asked as early as
 * possible: the engine worker's first script starts them (worker.ts) while TensorFlow.js is still downloading
 * and compiling, and the backend start (backends.ts) reads the answers. No TensorFlow.js here.
 */
import type { BackendChoice } from './messages';
import { probeWebGLAside, type WebGLProbe } from './webgl-probe';
import { probeWebGPU, type WebGPUProbe } from './webgpu-probe';

/** Probes under way; null for one the choice does not need up front. */
export interface EarlyProbes {
  readonly webgl: Promise<WebGLProbe> | null;
  readonly webgpu: Promise<WebGPUProbe> | null;
}

/**
 * Which probes `choice` needs before anything starts. `auto` and `webgl` look at WebGL2 (another choice only if it
 * falls back that far); `auto` and `webgpu` ask for a WebGPU adapter (a backend named otherwise never falls back to
 * WebGPU). webgl=off turns off both: the same driver is behind WebGPU.
 */
export function probesNeeded(choice: BackendChoice, webglDisabled: boolean): { readonly webgl: boolean; readonly webgpu: boolean } {
  return {
    webgl: !webglDisabled && (choice === 'auto' || choice === 'webgl'),
    webgpu: (choice === 'auto' && !webglDisabled) || choice === 'webgpu',
  };
}

/** Starts the probes `choice` needs (the WebGL one in a worker of its own, so this thread stays free). */
export function startProbes(choice: BackendChoice, webglDisabled: boolean): EarlyProbes {
  const needed = probesNeeded(choice, webglDisabled);
  return { webgl: needed.webgl ? probeWebGLAside() : null, webgpu: needed.webgpu ? probeWebGPU() : null };
}

const PENDING = Symbol('pending');

/** The value `promise` has already settled with, or null while it is still pending (or for no promise). */
export async function answeredYet<T>(promise: Promise<T> | null): Promise<T | null> {
  if (promise === null) return null;
  const first = await Promise.race([promise, Promise.resolve(PENDING)]);
  return first === PENDING ? null : (first as T);
}
