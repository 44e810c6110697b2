/**
 * The kernel helper's thread (see kernel-helper-thread.ts): instantiates Pretext Lab's kernels on the training
 * worker's shared heap, says ready, then serves kernel jobs until told to stop. It has no event loop to speak of
 * after that: it sleeps in Atomics.wait between jobs, which is what keeps its wake-up fast.
 */
import { serveKernelJobs, type SimdKernels } from '../ml/speed/kernels';
import type { KernelHelperReply, KernelHelperStart } from './kernel-helper-thread';

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
