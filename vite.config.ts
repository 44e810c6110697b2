/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Multithreaded WASM needs SharedArrayBuffer, which browsers only grant to a
 * cross-origin isolated page. These two headers make the page isolated; every
 * server that hosts the app (dev, preview, a static host) must send them.
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

/**
 * Minify by mangling names and stripping whitespace, but without the
 * compressor. tfjs-backend-wasm starts its pthread workers from
 * `factory.toString()`, and the factory reads its enclosing `_scriptDir` behind
 * a `typeof _scriptDir !== "undefined"` guard. The compressor knows that
 * variable is declared and drops the guard, so the worker blob (where it is not
 * declared) dies with "ReferenceError: e is not defined" and the threaded WASM
 * backend never starts. Skipping compression costs about 7% of bundle size.
 */
const wasmSafeMinify = {
  compress: false,
  mangle: true,
  codegen: { removeWhitespace: true },
} as const;

/** Vite config for the app, plus the Vitest config for Node unit tests. */
export default defineConfig({
  plugins: [react()],
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  // Pre-bundle tfjs at start-up even when only a worker imports it, so the dev
  // server never reloads the page mid-lesson after discovering it late. Do not
  // `exclude` tfjs-backend-wasm: its emscripten glue is CommonJS and only works
  // pre-bundled. Its .wasm files are located with `setWasmPaths` and `?url`
  // imports instead (see src/ml).
  // tfjs-backend-webgpu is imported only on demand; listing it keeps it in the same pre-bundle as tfjs, so it
  // shares tfjs-core's one engine (a second copy would register WebGPU where tfjs never looks).
  optimizeDeps: { include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgpu'] },
  build: {
    rolldownOptions: { output: { minify: wasmSafeMinify } },
    // tfjs alone is about 1 MB minified; warning about it on every build is noise.
    chunkSizeWarningLimit: 2500,
  },
  // Training runs in a module worker so it can import tfjs like the page does.
  worker: {
    format: 'es',
    rolldownOptions: { output: { minify: wasmSafeMinify } },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Training a small model on the CPU backend takes tens of seconds on 2 cores.
    testTimeout: 120_000,
    pool: 'threads',
  },
});
