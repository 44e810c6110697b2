/**
 * Starts the kernel helper (src/ml/speed/kernels/kernel-helper.ts): a nested worker (kernel-helper-worker.ts there) that runs half of Pretext Lab's
 * own SIMD kernels while the training worker runs the other half, on the same shared WASM heap. Only where that heap
 * is shared (tfjs's threaded build, in a cross-origin-isolated page) and only in a worker, because the training
 * thread sleeps in Atomics.wait for the helper's half, which a page's main thread may not do. Anywhere else, and if
 * the helper fails to start, training runs exactly as before on one thread for our kernels.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  attachKernelHelper, backendMemory, kernelsModule, makeJobSlot, spawnKernelHelperWorker, type KernelHelperReply, type KernelHelperStart,
} from '../ml/speed/kernels';

/** How long the helper may take to start before training goes on without it. */
const START_TIMEOUT_MS = 10_000;

let stop: (() => void) | null = null;

/** Whether this thread can host a helper: a worker (may block in Atomics.wait) that can start nested workers. */
function inWorker(): boolean {
  return typeof (globalThis as { document?: unknown }).document === 'undefined' && typeof Worker !== 'undefined'
    && typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true;
}

/**
 * Starts the helper for the WASM backend `backend` if it can have one; resolves true when the kernels now split their
 * work. Never throws: a failure is logged and training keeps the one-thread kernels. Safe to call again (it keeps
 * the running helper).
 */
export async function startKernelHelper(backend: unknown): Promise<boolean> {
  if (stop) return true;
  if (!inWorker() || backend === null || typeof backend !== 'object' || !('wasm' in backend)) return false;
  const memory = backendMemory(backend as BackendWasm);
  if (!memory || !(memory.buffer instanceof SharedArrayBuffer)) return false;
  let worker: Worker | null = null;
  try {
    worker = spawnKernelHelperWorker();
    const slot = makeJobSlot();
    const started = worker;
    const reply = await new Promise<KernelHelperReply>((resolve) => {
      const timer = setTimeout(() => resolve({ type: 'error', message: `no answer within ${START_TIMEOUT_MS} ms` }), START_TIMEOUT_MS);
      started.onmessage = (event: MessageEvent<KernelHelperReply>) => { clearTimeout(timer); resolve(event.data); };
      started.onerror = (event) => { clearTimeout(timer); resolve({ type: 'error', message: event.message || 'the worker failed to load' }); };
      const start: KernelHelperStart = { type: 'start', module: kernelsModule(true), memory, slot };
      started.postMessage(start);
    });
    if (reply.type === 'error') throw new Error(reply.message);
    const detach = attachKernelHelper(memory, slot, (why) => console.warn(`[kernel helper] ${why}; our kernels run on one thread from now on`));
    console.info('[kernel helper] started: our SIMD kernels split their work with a second thread');
    stop = () => {
      detach();
      started.terminate();
    };
    return true;
  } catch (err) {
    worker?.terminate();
    console.warn(`[kernel helper] not started (${err instanceof Error ? err.message : String(err)}); our kernels run on one thread`);
    return false;
  }
}

/** Stops the helper, if one runs: the kernels go back to one thread. */
export function stopKernelHelper(): void {
  stop?.();
  stop = null;
}
