/**
 * Choosing a tfjs backend in the browser: WebGPU first where its adapter is a real GPU and it passes the
 * training check (every kernel of a training step present, numbers equal to the CPU's on a small case); then
 * WebGL, unless WebGL is a software rasteriser (SwiftShader, llvmpipe), which is slower than WASM on the same
 * CPU; then WASM (with the training kernels tfjs lacks); then the plain CPU backend. A backend that fails to
 * start falls through to the next, and says so.
 */
import * as tf from '#tf';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { setWasmThreadPool } from './wasm-thread-pool';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { activateBackend, type BackendName } from '../ml/backends/activate';
import { simdKernelsActive } from '../ml/speed/kernels';
import { checkTraining, type TrainingCheck } from '../ml/backends/training-check';
import type { BackendChoice, BackendInfo } from './messages';
import { answeredYet, probesNeeded, type EarlyProbes } from './early-probes';
import { probeWebGL, type WebGLProbe } from './webgl-probe';
import { probeWebGPU, type WebGPUProbe } from './webgpu-probe';
import { oneThreadReason, threadFacts } from './thread-note';

let wasmPathsSet = false;
let wantedThreads = 1;

function wasmThreads(): number | null {
  if (tf.getBackend() !== 'wasm') return null;
  return globalThis.crossOriginIsolated ? getThreadsCount() : 1;
}

let threadOverride: number | null = null;

/**
 * Fixes the number of WASM threads instead of choosing by core count (the benchmark compares 1 and 2).
 * Takes effect only if called before the WASM backend first starts in this thread (tfjs reads it once).
 */
export function overrideWasmThreads(threads: number | null): void {
  threadOverride = threads;
}

/**
 * WASM threads to use. Training runs in a worker, so the page's main thread only draws, and the WASM threads
 * may use every core (at most 4): the page stays smooth because it no longer competes with training for its
 * own thread, and `npm run bench` compares one thread with two (its threads section). On the main thread (no worker) tfjs keeps its own cap of half the
 * cores, which leaves the page one core on 2 (see withThreadCap).
 */
export function threadBudget(cores = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return Math.max(1, Math.min(4, cores));
}

/**
 * tfjs-backend-wasm 4.22 caps its thread pool at navigator.hardwareConcurrency / 2 (it assumes two
 * hyper-threads per core), read once as its module starts: on a 2-core machine it runs 1 thread whatever
 * setThreadsCount asks for. Showing it twice the threads wanted while it starts lifts that cap; the real
 * value comes back (the prototype's getter) as soon as the backend is up. Only in a worker: on the page's
 * main thread, starting the extra thread pool blocked the page (it waits for pthread workers that need the
 * main thread's event loop to start), so there tfjs's own cap stays.
 */
async function withThreadCap<T>(threads: number, start: () => Promise<T>): Promise<T> {
  const nav = globalThis.navigator;
  const inWorker = typeof (globalThis as { document?: unknown }).document === 'undefined';
  if (!nav || !inWorker || threads * 2 <= (nav.hardwareConcurrency ?? 1)) return start();
  Object.defineProperty(nav, 'hardwareConcurrency', { value: threads * 2, configurable: true });
  try {
    return await start();
  } finally {
    Reflect.deleteProperty(nav, 'hardwareConcurrency');
  }
}

/** Why WebGPU was not picked by itself, or null when it was (or is not worth a word). */
function webgpuNote(gpu: WebGPUProbe): string | null {
  if (gpu.available && gpu.software) return `WebGPU's adapter here is a software one (${gpu.adapter}), so it is not chosen by itself`;
  return null;
}

/** The order to try backends in, and a sentence on why the first was preferred. */
export function plan(choice: BackendChoice, probe: WebGLProbe, gpu: WebGPUProbe): { order: BackendName[]; reason: string } {
  if (choice !== 'auto') {
    return { order: [choice, ...(['webgl', 'wasm', 'cpu'] as const).filter((b) => b !== choice)], reason: 'chosen by you' };
  }
  if (gpu.available && !gpu.software) {
    return { order: ['webgpu', 'webgl', 'wasm', 'cpu'], reason: `a hardware GPU is available through WebGPU (${gpu.adapter})` };
  }
  const note = webgpuNote(gpu);
  const withNote = (reason: string) => (note ? `${reason}; ${note}` : reason);
  if (probe.available && !probe.software) return { order: ['webgl', 'wasm', 'cpu'], reason: withNote('a hardware GPU is available through WebGL2') };
  if (probe.available) {
    return { order: ['wasm', 'webgl', 'cpu'], reason: withNote(`WebGL here is a software renderer (${probe.renderer}), slower than WebAssembly on the same CPU`) };
  }
  // Said precisely where the page itself may well have WebGL2 (WebKit): it is the worker that trains, and lacks it.
  const missing = probe.inWorker ? 'WebGL2 is not available to the training worker (this browser offers none on an OffscreenCanvas in a worker)' : 'WebGL2 is not available here';
  return { order: ['wasm', 'cpu'], reason: withNote(missing) };
}

let lastProbe: WebGLProbe | null = null;

/** What {@link plan} is given for WebGL when the choice was another backend by name (it does not look at it). */
const NOT_PROBED: WebGLProbe = { available: false, renderer: null, software: false };

/**
 * What the last {@link startBackend} found of WebGL2 in this context, or null before the first. Asking again
 * would create and throw away another context, which takes 0.3-1 s on a software renderer.
 */
export function lastWebGLProbe(): WebGLProbe | null {
  return lastProbe;
}

/** The training check's verdict on WebGPU, once per context (it takes a few seconds on the CPU backend). */
let webgpuCheck: Promise<TrainingCheck> | null = null;

/** Starts WebGPU and proves it can train; throws with the check's finding otherwise. */
async function startWebGPU(gpu: WebGPUProbe): Promise<string> {
  if (!gpu.available) throw new Error(gpu.problem ?? 'WebGPU is not available');
  await activateBackend('webgpu');
  webgpuCheck ??= checkTraining('webgpu', 'cpu');
  let check: TrainingCheck;
  try {
    check = await webgpuCheck;
  } catch (err) {
    webgpuCheck = null;
    throw err;
  }
  if (!check.ok) throw new Error(check.summary);
  await activateBackend('webgpu'); // the check left it active; this just makes sure
  return check.summary;
}

/** tfjs-backend-wasm's registration priority (its base.ts), kept when {@link startWasmEarly} swaps its factory. */
const WASM_PRIORITY = 2;

let wasmStartedEarly = false;

/**
 * Begins starting the WASM backend without making it the active one. tfjs's registry calls a backend's factory
 * when the backend is first set; the factory is swapped for one whose first call hands over the start already
 * under way, so `tf.setBackend('wasm')` later adopts it rather than starting a second. If another backend is
 * chosen, this start finishes unused, as one left by switching to WASM and back would.
 */
function startWasmEarly(threads: number): void {
  const factory = tf.findBackendFactory('wasm');
  if (wasmStartedEarly || factory === null) return;
  wasmStartedEarly = true;
  let early: Promise<tf.KernelBackend> | null = withThreadCap(threads, async () => factory());
  early.catch(() => undefined); // read (and reported) by setBackend('wasm') if WASM is chosen
  tf.removeBackend('wasm');
  tf.registerBackend('wasm', () => {
    const started = early ?? factory();
    early = null;
    return started;
  }, WASM_PRIORITY);
}

/** True when a probe has found a hardware GPU, which `auto` prefers to WASM. */
function hardwareFound(gl: WebGLProbe | null, gpu: WebGPUProbe | null): boolean {
  return (gl !== null && gl.available && !gl.software) || (gpu !== null && gpu.available && !gpu.software);
}

/**
 * Starts the best backend for `choice`; falls back in order and explains what happened. `early` holds the GPU
 * probes when they were started before this (the engine worker starts them as it loads: early-probes.ts);
 * without it, the probes are made here.
 */
export async function startBackend(choice: BackendChoice, webglDisabled = false, early?: EarlyProbes): Promise<BackendInfo> {
  if (!wasmPathsSet) {
    // Vite gives the .wasm files hashed URLs on our own origin; tfjs must be told where they are.
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
    });
    wasmPathsSet = true;
    wantedThreads = threadOverride ?? threadBudget();
    setThreadsCount(wantedThreads);
    setWasmThreadPool(wantedThreads);
  }
  const needed = probesNeeded(choice, webglDisabled);
  // The adapter is asked for before the WebGL probe and awaited after it, so the two waits overlap (each costs a
  // few hundred milliseconds of a page's start-up on a software renderer).
  const askedGpu: Promise<WebGPUProbe> = needed.webgpu
    ? (early?.webgpu ?? probeWebGPU())
    : Promise.resolve({ available: false, adapter: null, software: false, problem: webglDisabled ? 'the GPU is turned off (webgl=off in the address)' : 'not asked for' });
  // The WebGL2 probe makes and throws away a context, which is slow on a software renderer. `auto` and `webgl` need
  // its answer before anything starts; another choice asks only if it falls back as far as WebGL.
  let probed = null as WebGLProbe | null; // (set inside webgl(), which narrowing cannot see)
  const webgl = (): WebGLProbe => (probed ??= (lastProbe = probeWebGL(webglDisabled)));
  const askedGL = needed.webgl ? (early?.webgl ?? null) : null;
  if (choice === 'auto' && askedGL !== null) {
    // Probes still out by now would leave this thread idle while they finish: WASM starts meanwhile, the backend
    // `auto` ends on wherever no hardware GPU answers (and a slow WebGL probe is itself the mark of a software
    // renderer). Where a hardware GPU has answered already, nothing is started that would not be used.
    const [gl, gpu] = [await answeredYet(askedGL), await answeredYet(askedGpu)];
    if ((gl === null || gpu === null) && !hardwareFound(gl, gpu)) startWasmEarly(wantedThreads);
  }
  if (askedGL !== null) probed = lastProbe = await askedGL;
  else if (choice === 'auto' || choice === 'webgl') webgl();
  const gpu = await askedGpu;
  const { order, reason } = plan(choice, probed ?? NOT_PROBED, gpu);
  const failures: string[] = [];
  for (const name of order) {
    if (name === 'webgl' && !webgl().available) {
      failures.push(webglDisabled ? 'WebGL is turned off (webgl=off in the address)' : 'WebGL2 is not available');
      continue;
    }
    try {
      const checked = name === 'webgpu' ? await startWebGPU(gpu)
        : (await (name === 'wasm' ? withThreadCap(wantedThreads, () => activateBackend(name)) : activateBackend(name)), null);
      const why = failures.length ? `${failures.join('; ')}, so the app fell back to ${name}` : checked ? `${reason}; ${checked}` : reason;
      const renderer = name === 'webgpu' ? gpu.adapter : (probed?.renderer ?? null);
      const softwareRenderer = name === 'webgpu' ? gpu.software : (probed?.software ?? false);
      const simd = name === 'wasm' ? simdKernelsActive(tf.backend()) : null;
      const reasonWithKernels = simd === false
        ? `${why}; Pretext Lab's own faster training kernels need WebAssembly SIMD, which this browser lacks, so training is slower`
        : why;
      const threads = wasmThreads();
      const oneThread = oneThreadReason(threads, threadFacts(wantedThreads));
      return { name, reason: oneThread ? `${reasonWithKernels}; ${oneThread}` : reasonWithKernels, renderer, softwareRenderer, threads, simdKernels: simd };
    } catch (err) {
      failures.push(`${name} failed to start (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  throw new Error(`No TensorFlow.js backend could start: ${failures.join('; ')}`);
}
