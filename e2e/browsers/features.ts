/**
 * What an engine offers of the platform features Pretext Lab leans on, measured in the app's own page (so under
 * its cross-origin isolation headers) by trying each one, not by reading a user-agent string. The runner prints
 * one table of them for every engine it drove, so a difference between engines is there in black and white.
 */

/** One feature's verdict: yes, no, or a short word on what was found (e.g. the WebGL renderer). */
export type Verdict = string;

/** The features, in the order the table lists them. */
export const FEATURES = [
  'WebAssembly SIMD', 'WebAssembly threads', 'SharedArrayBuffer (cross-origin isolated)', 'DecompressionStream',
  'module workers', 'OffscreenCanvas', 'Web Locks', 'service workers', 'IndexedDB', 'pointer events',
  'touch events', 'WebGPU', 'WebGL2',
] as const;

/** The verdict for each feature. */
export type FeatureReport = Record<(typeof FEATURES)[number], Verdict>;

/** Tries every feature in the page. Runs in the page: it may use only its own code and the page's globals. */
export async function probeFeatures(): Promise<FeatureReport> {
  const yes = (ok: boolean, detail = '') => (ok ? `yes${detail ? ` (${detail})` : ''}` : 'no');
  const tryIt = async (f: () => Promise<string> | string): Promise<string> => {
    try { return await f(); } catch (err) { return `no (${err instanceof Error ? err.message : String(err)})`.slice(0, 80); }
  };
  // The smallest module that uses a v128 instruction, as wasm-feature-detect writes it.
  const simd = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
  const withTimeout = <T,>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms))]);
  return {
    'WebAssembly SIMD': await tryIt(() => yes(WebAssembly.validate(simd))),
    'WebAssembly threads': await tryIt(() => {
      const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
      // Threads need the shared memory to cross to a worker, which postMessage refuses where SAB is off.
      new MessageChannel().port1.postMessage(memory);
      return yes(typeof SharedArrayBuffer === 'function' && memory.buffer instanceof SharedArrayBuffer);
    }),
    'SharedArrayBuffer (cross-origin isolated)': await tryIt(() => `${typeof SharedArrayBuffer === 'function' ? 'yes' : 'no'} (crossOriginIsolated: ${String(globalThis.crossOriginIsolated)})`),
    DecompressionStream: await tryIt(() => yes(typeof DecompressionStream === 'function' && new DecompressionStream('gzip') !== null)),
    'module workers': await tryIt(async () => {
      // `export` is a syntax error anywhere but in a module: only a module worker can answer.
      const url = URL.createObjectURL(new Blob(['export {}; postMessage("module");'], { type: 'text/javascript' }));
      const worker = new Worker(url, { type: 'module' });
      const said = await withTimeout(new Promise<string>((resolve, reject) => { worker.onmessage = (e) => resolve(String(e.data)); worker.onerror = () => reject(new Error('error event')); }), 5000);
      worker.terminate();
      return yes(said === 'module');
    }),
    OffscreenCanvas: await tryIt(async () => {
      if (typeof OffscreenCanvas !== 'function' || new OffscreenCanvas(1, 1).getContext('2d') === null) return 'no';
      // The training worker looks for WebGL2 on an OffscreenCanvas of its own: does a worker get one here?
      const source = 'postMessage(new OffscreenCanvas(1, 1).getContext("webgl2") !== null)';
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      const gl = await withTimeout(new Promise<boolean>((resolve, reject) => { worker.onmessage = (e) => resolve(e.data === true); worker.onerror = () => reject(new Error('error event')); }), 5000);
      worker.terminate();
      return `yes (WebGL2 on it in a worker: ${gl ? 'yes' : 'no'})`;
    }),
    'Web Locks': await tryIt(async () => yes((await withTimeout(navigator.locks.request('feature-probe', () => 'held'), 5000)) === 'held')),
    'service workers': await tryIt(async () => {
      if (!('serviceWorker' in navigator)) return 'no';
      const registration = await navigator.serviceWorker.getRegistration();
      return yes(true, registration ? 'the app registered one' : 'none registered yet');
    }),
    IndexedDB: await tryIt(async () => {
      const db = await withTimeout(new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('feature-probe', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('s');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      }), 5000);
      db.close();
      indexedDB.deleteDatabase('feature-probe');
      return 'yes';
    }),
    'pointer events': await tryIt(() => yes(typeof PointerEvent === 'function')),
    'touch events': await tryIt(() => `${typeof TouchEvent === 'function' ? 'yes' : 'no'} (maxTouchPoints ${navigator.maxTouchPoints})`),
    WebGPU: await tryIt(async () => {
      const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
      if (!gpu) return 'no (no navigator.gpu)';
      return yes((await withTimeout(gpu.requestAdapter(), 5000)) !== null, 'an adapter');
    }),
    WebGL2: await tryIt(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return 'no';
      const debug = gl.getExtension('WEBGL_debug_renderer_info');
      return yes(true, String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER)).replace(/[()]/g, ' ').slice(0, 48).trim());
    }),
  };
}
