/**
 * ResizeNearestNeighborGrad for a whole-factor enlargement (colorization's UpSampling2D, 14 x 14 to 28 x 28).
 * Each small pixel was copied into its block, so its gradient is the block's sum. tfjs-wasm's stock kernel
 * works that out for any pair of sizes by searching, for every small pixel, a window of the big picture for
 * the pixels that came from it, and took longer than the Dense layer before it; for a whole factor the block
 * is known. The block is summed in float32, row by row, as the stock kernel sums it, so the numbers are the same
 * to the bit (upsample-grad.test.ts).
 */
import type { KernelFunc, TensorInfo } from '#tf';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The factors (fy, fx) when dy is images enlarged by whole factors and this kernel can sum it, else null. */
function plainEnlargement(images: TensorInfo, dy: TensorInfo, attrs: { alignCorners?: boolean; halfPixelCenters?: boolean }): [number, number] | null {
  // With corners aligned or half-pixel centres, the copies sit elsewhere; the stock kernel knows every sampling.
  if (attrs.alignCorners === true || attrs.halfPixelCenters === true || images.shape.length !== 4 || dy.dtype !== 'float32') return null;
  const [b, h, w, c] = images.shape;
  const [db, dh, dw, dc] = dy.shape;
  if (db !== b || dc !== c || dh % h !== 0 || dw % w !== 0) return null;
  return [dh / h, dw / w];
}

/** ResizeNearestNeighborGrad summing whole blocks; any other resize goes to `original`. */
export function makeResizeNearestNeighborGrad(original: KernelFunc): KernelFunc {
  return (args) => {
    const backend = args.backend as BackendWasm;
    const { images, dy } = args.inputs as { images: TensorInfo; dy: TensorInfo };
    const factors = plainEnlargement(images, dy, args.attrs as { alignCorners?: boolean; halfPixelCenters?: boolean });
    if (!factors) return original(args);
    const [fy, fx] = factors;
    const [b, h, w, c] = images.shape;
    const out = backend.makeOutput(images.shape, 'float32');
    const g = backend.typedArrayFromHeap(dy) as Float32Array;
    const d = backend.typedArrayFromHeap(out) as Float32Array;
    const bigRow = w * fx * c;
    for (let n = 0; n < b; n++) {
      for (let i = 0; i < h; i++) {
        const top = (n * h + i) * fy * bigRow;
        for (let j = 0; j < w; j++) {
          const at = ((n * h + i) * w + j) * c;
          const left = top + j * fx * c;
          for (let k = 0; k < c; k++) {
            let sum = 0;
            for (let y = 0; y < fy; y++) {
              const row = left + y * bigRow + k;
              for (let x = 0; x < fx; x++) sum = Math.fround(sum + g[row + x * c]);
            }
            d[at + k] = sum;
          }
        }
      }
    }
    return out;
  };
}
