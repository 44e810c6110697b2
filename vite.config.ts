/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { SIZED_POOL_LINE, STOCK_POOL_LINE } from './src/runtime/wasm-thread-pool';

/**
 * Multithreaded WASM needs SharedArrayBuffer, which browsers only grant to a
 * cross-origin isolated page. The first two headers make the page isolated; every
 * server that hosts the app (dev, preview, a static host) must send them. The
 * third lets a lesson embedded with `?embed=` load inside a host page that is
 * itself isolated: such a page only frames documents of another origin that
 * agree to it (see README, "Embedding a lesson").
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
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

/**
 * Offline after the first visit, through Workbox (vite-plugin-pwa generates the service worker from the build's
 * own file list, so a hash-named chunk can never be missing from the cache or served stale). Precached: the app
 * shell, the WASM binaries and the shipped models. The MNIST files (4.8 MB gzipped) are cached the first time the app
 * reads them instead, so a visitor who never trains does not download them twice. 'prompt': a new version waits
 * until the student reloads (src/app/UpdatePrompt.tsx), never swapping code under a running lecture. The worker
 * exists only in `vite build`; the dev server has none, so dev e2e specs are unaffected.
 */
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: false, // registered by UpdatePrompt through virtual:pwa-register/react
  manifest: false, // an offline cache, not an installable app: no icons to maintain
  workbox: {
    globPatterns: ['**/*.{html,js,css,svg,wasm,json,bin}'],
    globIgnores: ['data/**'],
    // The tfjs chunk is ~1.3 MB and each .wasm ~0.4 MB; Workbox's 2 MB default is close enough to bite later.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // The first visit's page is taken over at once, so src/app/offline-data.ts can cache the MNIST files then.
    clientsClaim: true,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      {
        // Same-origin MNIST assets, wherever the app is hosted (a sub-path included).
        urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/data\/[^/]+$/.test(url.pathname),
        handler: 'CacheFirst',
        options: { cacheName: 'mnist-data', cacheableResponse: { statuses: [200] } },
      },
    ],
  },
});

/**
 * Sizes tfjs's pool of WebAssembly threads to the threads the lab asks for, instead of the 8 tfjs was compiled
 * with (see src/runtime/wasm-thread-pool.ts): six idle workers fewer at every page load on a 2-core laptop.
 * Applies to the build (the dev server pre-bundles tfjs without plugins and keeps 8). Fails the build if a tfjs
 * upgrade changed the line, rather than silently keeping the 8.
 */
function sizeWasmThreadPool(): Plugin {
  return {
    name: 'pretext-lab:wasm-thread-pool',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/wasm-out/tfjs-backend-wasm-threaded-simd.js')) return null;
      if (!code.includes(STOCK_POOL_LINE)) this.error(`tfjs-backend-wasm's glue no longer contains "${STOCK_POOL_LINE}": update src/runtime/wasm-thread-pool.ts`);
      return { code: code.replace(STOCK_POOL_LINE, SIZED_POOL_LINE), map: null };
    },
  };
}

/**
 * The modules the engine worker's first script (src/runtime/worker.ts) shares with the engine it loads later, in a
 * chunk of their own. Left to itself the bundler puts them in the first script's chunk, and the engine's chunk then
 * imports that chunk: WebKit evaluates a worker's first script a second time when another module imports it, so
 * the worker ran two engines, whose two starts raced for the one TensorFlow.js (one left it on the CPU backend
 * while the header said WebAssembly). e2e/worker-chunks.spec.ts checks that no chunk imports a worker's first script.
 */
const WORKER_START_MODULES = /[\\/]src[\\/]runtime[\\/](start-messages|early-probes|webgl-probe|webgpu-probe|messages)\.ts$/;
const workerStartGroup = { name: 'worker-start', test: WORKER_START_MODULES };

/** Vite config for the app, plus the Vitest config for Node unit tests. */
export default defineConfig({
  plugins: [react(), offline, sizeWasmThreadPool()],
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  // Pre-bundle tfjs at start-up even when only a worker imports it, so the dev
  // server never reloads the page mid-lesson after discovering it late. Do not
  // `exclude` tfjs-backend-wasm: its emscripten glue is CommonJS and only works
  // pre-bundled. Its .wasm files are located with `setWasmPaths` and `?url`
  // imports instead (see src/ml).
  // The GPU backends are imported only on demand; listing them keeps them in the same pre-bundle as tfjs-core, so
  // they share its one engine (a second copy would register a backend where tfjs never looks). The list is what
  // src/ml/tf.ts (`#tf` in the browser) and src/ml/backends/activate.ts import.
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core', '@tensorflow/tfjs-core/dist/register_all_gradients',
      '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops', '@tensorflow/tfjs-layers',
      '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-webgpu',
    ],
  },
  build: {
    rolldownOptions: { output: { minify: wasmSafeMinify } },
    // tfjs alone is about 1 MB minified; warning about it on every build is noise.
    chunkSizeWarningLimit: 2500,
  },
  // Training runs in a module worker so it can import tfjs like the page does.
  worker: {
    format: 'es',
    plugins: () => [sizeWasmThreadPool()],
    rolldownOptions: { output: { minify: wasmSafeMinify, codeSplitting: { groups: [workerStartGroup] } } },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Training a small model on the CPU backend takes tens of seconds on 2 cores.
    testTimeout: 120_000,
    pool: 'threads',
    // Vitest's default is one worker fewer than the cores: on a 2-core machine that is one, and the 58 files ran
    // one after another (163 s). The tests are CPU-bound with idle gaps (spawned CLIs, awaited reads), so two
    // workers keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker's files share loaded modules instead of each importing tfjs, its WASM backend and our kernels
    // afresh: that import was 23 s of the run's CPU on 2 cores, and the run took 81 s with it, 65 s without.
    // Every test file chooses its backend itself (useCpuBackend / useWasmBackend in beforeAll) and restores
    // what it toggles (the SIMD kernels), so no file depends on another's leftovers.
    isolate: false,
  },
});
