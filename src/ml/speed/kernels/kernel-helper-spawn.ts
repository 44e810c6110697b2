/**
 * Starts the kernel helper's worker (kernel-helper-worker.ts). It lives beside the worker so the bundler finds the
 * worker's file here, and apart from kernel-helper.ts so the worker's own bundle does not contain itself.
 */

/** A new module worker running the kernel helper, waiting for its KernelHelperStart message. Browser only. */
export function spawnKernelHelperWorker(): Worker {
  return new Worker(new URL('./kernel-helper-worker.ts', import.meta.url), { type: 'module', name: 'pretext-lab-kernel-helper' });
}
