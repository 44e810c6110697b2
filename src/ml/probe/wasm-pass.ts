/**
 * The probe's two big products (the logits X W + b, and the kernel gradient X^T G) run in Pretext Lab's WebAssembly
 * SIMD kernels, on a memory of the probe's own: two classes per instruction instead of one, with each sum added in
 * the same order as the JavaScript loops, so the probe's answers do not change by a single bit. Where WebAssembly
 * SIMD is missing (or the data would need an unreasonable memory), `probeKernels` answers null and the JavaScript
 * loops do the work.
 */
import { kernelsModule } from '../speed/kernels';

interface ProbeExports {
  probeLogits10(x: number, params: number, z: number, rows: number, width: number): void;
  probeKernelGrad10(xt: number, g: number, grad: number, rows: number, width: number): void;
}

/** The largest memory the probe's kernels may ask for: beyond it, the JavaScript loops are used. */
const MAX_BYTES = 512 * 2 ** 20;
const PAGE = 65_536;

/** Where one data set sits in the kernels' memory, as byte offsets. */
interface Layout {
  readonly x: Float64Array;
  readonly rows: number;
  readonly width: number;
  readonly xAt: number;
  readonly xtAt: number;
  readonly paramsAt: number;
  readonly zAt: number;
  readonly gradAt: number;
}

/** The probe's products for ten classes, on one data set at a time. */
export interface ProbeKernels {
  /** Logits of every row (rows x 10, row-major) into `z`. */
  logits(params: Float64Array, z: Float64Array): void;
  /** Adds X^T G (width x 10) to the first width*10 numbers of `gradient`. */
  addKernelGradient(g: Float64Array, gradient: Float64Array): void;
}

let memory: WebAssembly.Memory | null = null;
let exports: ProbeExports | null = null;
let failed = false;
let layout: Layout | null = null;
let enabled = true;

/** Turns the WebAssembly path off (or back on), so tests and the bench can compare it with the JavaScript loops. */
export function useProbeKernels(on: boolean): void {
  enabled = on;
}

function instantiate(): ProbeExports | null {
  if (exports || failed) return exports;
  try {
    memory = new WebAssembly.Memory({ initial: 1 });
    exports = new WebAssembly.Instance(kernelsModule(false), { env: { memory } }).exports as unknown as ProbeExports;
  } catch {
    failed = true; // an engine without WebAssembly SIMD
  }
  return exports;
}

/**
 * Copies a data set into the kernels' memory, and writes its transpose there too (the gradient's product reads
 * it feature by feature), growing the memory if needed; false if too large.
 */
function place(x: Float64Array, rows: number, width: number): boolean {
  if (!memory) return false;
  const matrix = rows * width * 8;
  const bytes = 2 * matrix + (width + 1) * 80 + rows * 80 + width * 80;
  if (bytes > MAX_BYTES) return false;
  if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  const heap = new Float64Array(memory.buffer);
  heap.set(x.subarray(0, rows * width), 0);
  const xt = matrix / 8;
  for (let i = 0; i < rows; i++) for (let j = 0; j < width; j++) heap[xt + j * rows + i] = x[i * width + j];
  const paramsAt = 2 * matrix;
  const zAt = paramsAt + (width + 1) * 80;
  layout = { x, rows, width, xAt: 0, xtAt: matrix, paramsAt, zAt, gradAt: zAt + rows * 80 };
  return true;
}

const kernels: ProbeKernels = {
  logits(params, z) {
    const k = exports as ProbeExports;
    const at = layout as Layout;
    const { rows, width } = at;
    const heap = new Float64Array((memory as WebAssembly.Memory).buffer);
    heap.set(params.subarray(0, (width + 1) * 10), at.paramsAt / 8);
    k.probeLogits10(at.xAt, at.paramsAt, at.zAt, rows, width);
    z.set(heap.subarray(at.zAt / 8, at.zAt / 8 + rows * 10));
  },
  addKernelGradient(g, gradient) {
    const k = exports as ProbeExports;
    const at = layout as Layout;
    const heap = new Float64Array((memory as WebAssembly.Memory).buffer);
    const n = at.width * 10;
    heap.set(g.subarray(0, at.rows * 10), at.zAt / 8);
    heap.set(gradient.subarray(0, n), at.gradAt / 8);
    k.probeKernelGrad10(at.xtAt, at.zAt, at.gradAt, at.rows, at.width);
    gradient.set(heap.subarray(at.gradAt / 8, at.gradAt / 8 + n));
  },
};

/**
 * The kernels, with `x` (rows x width) in place, or null when the JavaScript loops must do the work. A data set
 * is copied in once and stays until another one is asked for (a fit evaluates its objective hundreds of times
 * on the same rows).
 */
export function probeKernels(x: Float64Array, rows: number, width: number): ProbeKernels | null {
  if (!enabled || !instantiate()) return null;
  if (layout && layout.x === x && layout.rows === rows && layout.width === width) return kernels;
  layout = null;
  return place(x, rows, width) ? kernels : null;
}
