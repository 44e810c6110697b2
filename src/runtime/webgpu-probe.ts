/**
 * Looking at WebGPU in this context (page or worker): is there an adapter, what is it, and is it a real GPU?
 * A software adapter (Chromium's SwiftShader, Mesa's lavapipe, Windows' WARP) runs the shaders on the CPU,
 * slower than our WebAssembly kernels, so the app never picks one by itself; `?backend=webgpu` still can.
 */

/** The result of asking for a WebGPU adapter. */
export interface WebGPUProbe {
  readonly available: boolean;
  /** "vendor architecture description", e.g. "google swiftshader"; null without an adapter. */
  readonly adapter: string | null;
  /** True for a fallback or software adapter. */
  readonly software: boolean;
  /** Why there is no adapter (null when there is one). */
  readonly problem: string | null;
}

/** The parts of the WebGPU API we read (the DOM lib of this TypeScript has no WebGPU types). */
interface AdapterInfoLike {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
  readonly isFallbackAdapter?: boolean;
}
interface AdapterLike {
  readonly info?: AdapterInfoLike;
  readonly isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'low-power' | 'high-performance' }): Promise<AdapterLike | null>;
}

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render|microsoft basic|warp/i;

/** Classifies an adapter from its info; exported for tests. */
export function describeAdapter(adapter: AdapterLike): Pick<WebGPUProbe, 'adapter' | 'software'> {
  const info = adapter.info ?? {};
  const text = [info.vendor, info.architecture, info.device, info.description].filter((s) => s !== undefined && s !== '').join(' ');
  const fallback = info.isFallbackAdapter === true || adapter.isFallbackAdapter === true;
  return { adapter: text === '' ? 'unnamed adapter' : text, software: fallback || SOFTWARE.test(text) };
}

/** Asks for a high-performance adapter (as tfjs-backend-webgpu does). Never throws. */
export async function probeWebGPU(): Promise<WebGPUProbe> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (gpu === undefined) return { available: false, adapter: null, software: false, problem: 'WebGPU is not available in this browser' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (adapter === null) return { available: false, adapter: null, software: false, problem: 'the browser offers no WebGPU adapter' };
    return { available: true, ...describeAdapter(adapter), problem: null };
  } catch (err) {
    return { available: false, adapter: null, software: false, problem: `asking for a WebGPU adapter failed (${err instanceof Error ? err.message : String(err)})` };
  }
}
