import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setWasmThreadPool, SIZED_POOL_LINE, STOCK_POOL_LINE, WASM_POOL_GLOBAL } from './wasm-thread-pool';

const glue = (): string => {
  const root = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  return readFileSync(join(root, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js'), 'utf8');
};

describe('the WASM thread pool', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[WASM_POOL_GLOBAL];
  });

  it('finds the line it rewrites exactly once in the installed tfjs glue (the build rewrites it there)', () => {
    expect(glue().split(STOCK_POOL_LINE)).toHaveLength(2);
  });

  it('sizes the pool from the global, and keeps tfjs\'s 8 when the global is unset', () => {
    // The rewritten line, run as the glue runs it.
    const poolSize = new Function(`${SIZED_POOL_LINE} return pthreadPoolSize;`) as () => number;
    expect(poolSize()).toBe(8);
    setWasmThreadPool(2);
    expect(poolSize()).toBe(2);
    setWasmThreadPool(0); // never fewer than one thread
    expect(poolSize()).toBe(1);
  });
});
