/**
 * The kernel helper's thread (started by src/runtime/kernel-helper-thread.ts through kernel-helper-spawn.ts): instantiates Pretext Lab's kernels on the training
 * worker's shared heap, says ready, then serves kernel jobs until told to stop. It has no event loop to speak of
 * after that: it sleeps in Atomics.wait between jobs, which is what keeps its wake-up fast.
 */
// Only the helper's own modules: this worker must not load tfjs (the door, index.ts, would bring it in).
import { serveKernelJobs, type KernelHelperReply, type KernelHelperStart } from './kernel-helper';
import type { SimdKernels } from './simd-kernels';

const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<KernelHelperStart>) => void) | null; postMessage(reply: KernelHelperReply): void; close(): void };

scope.onmessage = (event) => {
  const { module, memory, slot } = event.data;
  let kernels: SimdKernels;
  try {
    kernels = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as SimdKernels;
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  scope.onmessage = null;
  scope.postMessage({ type: 'ready' });
  serveKernelJobs(kernels, slot);
  scope.close();
};
