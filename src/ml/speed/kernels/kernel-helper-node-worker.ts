/**
 * The kernel helper's thread in Node (worker_threads), for kernel-helper.test.ts: the same loop as the browser's
 * kernel-helper-worker.ts, on a shared memory handed over in workerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveKernelJobs } from './kernel-helper';
import type { SimdKernels } from './simd-kernels';

/** What the test hands the thread. */
export interface NodeHelperData {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  readonly slot: SharedArrayBuffer;
}

const { module, memory, slot } = workerData as NodeHelperData;
const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as SimdKernels;
parentPort?.postMessage('ready');
serveKernelJobs(kernels, slot);
