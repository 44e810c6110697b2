/**
 * A worker of its own that makes the WebGL2 probe (webgl-probe.ts) and reports it, for the engine's worker
 * (see probeWebGLAside). A few lines, so it starts within milliseconds of being asked.
 */
import { probeWebGL, type WebGLProbe } from './webgl-probe';

/** The part of a dedicated worker's global scope used here (the DOM lib has no worker types). */
interface ProbeScope {
  postMessage(message: WebGLProbe): void;
  close(): void;
}

const scope = self as unknown as ProbeScope;
scope.postMessage(probeWebGL());
scope.close();
