/**
 * Test helper: a computation's result with Pretext Lab's SIMD kernels on and then off, as float32 bit
 * patterns, so a kernel can be checked identical to the path it replaces (-0 against 0 and NaN included).
 */
import * as tf from '#tf';
import { useSimdKernels } from '../speed/kernels';

/** The bit patterns of a float32 tensor's values. */
export async function bitsOf(t: tf.Tensor): Promise<number[]> {
  const values = await t.data() as Float32Array;
  return Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));
}

/** Runs `f` with the SIMD kernels on, then off (and on again), returning both results' bit patterns. */
export async function bothWays(f: () => tf.Tensor): Promise<[number[], number[]]> {
  useSimdKernels(true);
  const a = f();
  useSimdKernels(false);
  const b = f();
  useSimdKernels(true);
  const out: [number[], number[]] = [await bitsOf(a), await bitsOf(b)];
  tf.dispose([a, b]);
  return out;
}
