/**
 * How many pthread workers tfjs's threaded WebAssembly build may start, agreed between the page's build
 * (vite.config.ts rewrites tfjs's glue to read it) and the backend start-up (src/runtime/backends.ts sets it).
 *
 * tfjs-backend-wasm was compiled with a fixed pool of 8 workers, started as its module loads whatever thread
 * count was asked for. Each is a JavaScript context of its own that loads tfjs's glue and instantiates its
 * WebAssembly: CPU time apiece at every page load, for threads the lab never uses (it asks for at most 4, and
 * for 2 on a 2-core laptop). The pool is sized to the threads asked for, never fewer: a worker that
 * had to be started on demand, from a thread that then blocks waiting for it, could deadlock, which is why
 * Emscripten starts them ahead.
 */

/** The global the rewritten glue reads its pool size from (it keeps tfjs's 8 when the global is unset). */
export const WASM_POOL_GLOBAL = 'pretextLabWasmThreadPool';

/** Sets the pool size for the next start of the threaded WASM backend. */
export function setWasmThreadPool(threads: number): void {
  (globalThis as Record<string, unknown>)[WASM_POOL_GLOBAL] = Math.max(1, Math.floor(threads));
}

/** The text of tfjs's glue that fixes the pool at 8 (Emscripten's PTHREAD_POOL_SIZE). */
export const STOCK_POOL_LINE = 'var pthreadPoolSize=8;';

/** The same line reading the size from {@link WASM_POOL_GLOBAL}. */
export const SIZED_POOL_LINE = `var pthreadPoolSize=globalThis.${WASM_POOL_GLOBAL}||8;`;
