/**
 * Keras's UpSampling2D, nearest-neighbour: every value is copied over a factor x factor block. Colorization's
 * head paints a 14 x 14 picture of colour scores and enlarges it to the digit's 28 x 28, as Zhang et al. predict
 * colours at a quarter of the resolution and enlarge.
 *
 * Its gradient is plain: each small pixel was copied into its block, so it receives the sum of the block's
 * gradients. tfjs 4.22 computes it with a kernel that searches for the copies of each pixel, and two of its
 * backends get that wrong or may: the CPU backend reads every image's gradients from the first image's place
 * (so with more than one image in a batch the sums are wrong), and WebGL finds the copies through a float
 * division that a GPU may round down. So the gradient is registered again here, for whole factors, as the block
 * sum it is: a reshape and a sum on any backend, and on WASM the backend's own kernel, which is right (and which
 * Pretext Lab's WASM kernels replace by a faster one that gives the same bits: speed/kernels/upsample-grad.ts).
 */
import * as tf from '#tf';
import { registerGradient, type NamedAttrMap } from '#tf';

let registered = false;

/** Whole factors (fy, fx) by which dy enlarges images, or null for any other resize. */
export function wholeFactors(images: readonly number[], dy: readonly number[]): [number, number] | null {
  const [, h, w] = images;
  const [, dh, dw] = dy;
  return dh % h === 0 && dw % w === 0 ? [dh / h, dw / w] : null;
}

/** The sum of each fy x fx block of dy: the gradient of a nearest-neighbour enlargement by (fy, fx). */
export function blockSum(dy: tf.Tensor4D, fy: number, fx: number): tf.Tensor4D {
  const [b, dh, dw, c] = dy.shape;
  return tf.tidy(() => tf.sum(tf.reshape(dy, [b, dh / fy, fy, dw / fx, fx, c]), [2, 4]) as tf.Tensor4D);
}

/** Registers the block-sum gradient of ResizeNearestNeighbor (once; see the file's comment for why). */
export function registerEnlargementGradient(): void {
  if (registered) return;
  registered = true;
  registerGradient({
    kernelName: 'ResizeNearestNeighbor',
    inputsToSave: ['images'],
    gradFunc: (dy, saved, attrs: NamedAttrMap) => {
      const [images] = saved;
      const grad = dy as tf.Tensor4D;
      const factors = wholeFactors(images.shape, grad.shape);
      // Corner-aligned or half-pixel sampling place the copies elsewhere; tfjs's kernel handles those.
      const plain = factors !== null && attrs.alignCorners !== true && attrs.halfPixelCenters !== true;
      return {
        images: () => (plain && tf.getBackend() !== 'wasm'
          ? blockSum(grad, factors[0], factors[1])
          : tf.engine().runKernel('ResizeNearestNeighborGrad', { images, dy: grad }, attrs) as tf.Tensor),
      };
    },
  });
}

/** A nearest-neighbour UpSampling2D layer enlarging by `factor`, with a gradient every backend gets right. */
export function upsamplingLayer(factor: number): tf.layers.Layer {
  registerEnlargementGradient();
  return tf.layers.upSampling2d({ size: [factor, factor], interpolation: 'nearest' });
}
