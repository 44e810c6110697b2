/**
 * The door to the lab's speed-ups for tfjs-wasm: WebAssembly SIMD kernels of our own, registered in place of
 * tfjs's stock ones, that compute the same numbers faster. Nothing here teaches self-supervised learning; a
 * student can skip this folder and lose nothing but time. The rest of `src/ml` comes in through this file
 * only, so the kernels can change without the learning code changing.
 */
export { registerWasmTrainingKernels as installTrainingKernels } from './wasm-kernels';
export { kernelsModule, simdKernelsActive, useSimdKernels } from './simd-kernels';
export { FusedAdamOptimizer, FusedMomentumOptimizer } from './fused-optimizers';
export { fusedPixelCrossEntropy, fusedPixelScore } from './pixel-cross-entropy';
