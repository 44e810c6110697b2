/**
 * Looking at WebGL2 in this context (page or worker): is there a context, what renders it, and is that a real
 * GPU? No TensorFlow.js here, so the engine worker's first script can start a probe before tfjs has loaded
 * (see webgl-probe-worker.ts).
 */

/** The result of looking at WebGL2 in this context. */
export interface WebGLProbe {
  readonly available: boolean;
  readonly renderer: string | null;
  readonly software: boolean;
  /** Looked for in a worker, on an OffscreenCanvas: WebKitGTK 2.50 has WebGL2 on the page but not there. */
  readonly inWorker?: boolean;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Asks for a WebGL2 context (OffscreenCanvas in a worker) and reads its renderer string. */
export function probeWebGL(disabled = false): WebGLProbe {
  if (disabled) return { available: false, renderer: null, software: false };
  const inWorker = typeof (globalThis as { document?: unknown }).document === 'undefined';
  try {
    const canvas = typeof OffscreenCanvas !== 'undefined'
      ? new OffscreenCanvas(1, 1)
      : (globalThis as { document?: Document }).document?.createElement('canvas');
    const gl = canvas?.getContext('webgl2') as WebGL2RenderingContext | null | undefined;
    if (!gl) return { available: false, renderer: null, software: false, inWorker };
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, renderer, software: SOFTWARE.test(renderer) };
  } catch {
    return { available: false, renderer: null, software: false };
  }
}

/**
 * The same probe, made in a worker of its own, so the thread that asks is not held while it runs.
 *
 * Creating a WebGL context blocks its thread until the GPU process has made one: tens of milliseconds on a real
 * GPU, but 0.3-1 s on a software renderer (SwiftShader, llvmpipe). Made on the engine's own thread, the probe
 * could only begin once TensorFlow.js had loaded, and would then hold that thread; asked for from the engine
 * worker's first lines (worker.ts), it runs while TensorFlow.js downloads and compiles. Any worker answers the
 * question the engine asks (WebGL2 on an OffscreenCanvas in a worker). Where a worker cannot start one of its
 * own, or that one fails, the probe is made on the asking thread instead.
 */
export function probeWebGLAside(): Promise<WebGLProbe> {
  return new Promise<WebGLProbe>((resolve) => {
    let probe: Worker;
    const here = () => resolve(probeWebGL());
    try {
      probe = new Worker(new URL('./webgl-probe-worker.ts', import.meta.url), { type: 'module', name: 'pretext-lab-webgl-probe' });
    } catch {
      here();
      return;
    }
    probe.onmessage = (message: MessageEvent<WebGLProbe>) => resolve(message.data);
    probe.onerror = (event) => {
      event.preventDefault();
      here();
    };
  });
}
