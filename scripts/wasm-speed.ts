/**
 * How many training images per second does the RotNet-sized CNN reach in Node?
 *
 *   npx tsx scripts/wasm-speed.ts            # wasm, then cpu
 *   npx tsx scripts/wasm-speed.ts --profile  # also: where the wasm time goes
 *   npx tsx scripts/wasm-speed.ts --no-cpu   # skip the (slow) cpu run
 *   npx tsx scripts/wasm-speed.ts --stock    # without Pretext Lab's SIMD kernels and fused Adam, to compare
 *
 * Model: Conv2D(64,3x3,s2,relu,same) on 28x28x1 -> MaxPool(2) ->
 * Conv2D(32,3x3,s1,relu,same) -> MaxPool(2) -> Conv2D(16,3x3,s2,relu,same) ->
 * Flatten -> Dense(4); softmax cross-entropy on the logits; Adam; batch 192;
 * random pixels in [0, 255). Node runs the wasm backend single-threaded (tfjs
 * disables wasm threads under Node), with SIMD.
 */
import * as tf from '#tf';
import '@tensorflow/tfjs-backend-wasm';
import { installTrainingKernels, useSimdKernels } from '../src/ml/speed/kernels';
import { createOptimizer, KERAS_ADAM } from '../src/ml/train/optimizers';

const BATCH = 192;
const PROFILE_STEPS = 5;

function buildModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: 3, strides: 2, activation: 'relu', padding: 'same' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, strides: 1, activation: 'relu', padding: 'same' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, activation: 'relu', padding: 'same' }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 4 }));
  return model;
}

/**
 * Kernel time of one training step, by kernel and input shapes, split into the forward pass (the first
 * kernels of the step, as many as a forward-only pass runs) and the rest (backward and the optimizer).
 */
async function printProfile(step: () => void, forward: () => void): Promise<void> {
  const forwardCount = (await tf.profile(forward)).kernels.length;
  const rows = new Map<string, number>();
  let total = 0;
  let count = 0;
  for (let i = 0; i < PROFILE_STEPS; i++) {
    const info = await tf.profile(step);
    count = info.kernels.length;
    info.kernels.forEach((k, j) => {
      const key = `${j < forwardCount ? 'fwd' : 'bwd'} ${k.name} ${JSON.stringify(k.inputShapes)}`;
      rows.set(key, (rows.get(key) ?? 0) + Number(k.kernelTimeMs) / PROFILE_STEPS);
      total += Number(k.kernelTimeMs) / PROFILE_STEPS;
    });
  }
  console.log(`  kernel time per step (mean of ${PROFILE_STEPS}): ${total.toFixed(1)} ms in ${count} kernels (${forwardCount} forward)`);
  for (const [key, ms] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${key}`);
  }
}

interface Result {
  imagesPerSecond: number;
  msPerStep: number;
  /** CPU time of this process per step: Node runs WASM on one thread, so a busy machine inflates it less than wall time. */
  cpuMsPerStep: number;
}

async function measure(backend: 'wasm' | 'cpu', warmup: number, steps: number, profile: boolean): Promise<Result> {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed to initialise`);
  const model = buildModel();
  // The app's optimiser (Keras's Adam, one fused kernel per weight on WASM), or tfjs's own with --stock.
  const optimizer = stock ? tf.train.adam(1e-3, 0.9, 0.999, 1e-7) : createOptimizer(KERAS_ADAM);
  const xs = tf.randomUniform([BATCH, 28, 28, 1], 0, 255);
  const ys = tf.oneHot(tf.randomUniform([BATCH], 0, 4, 'int32') as tf.Tensor1D, 4);
  // model.apply, not model.predict: predict silently splits the batch into chunks of 32.
  const step = (): number => {
    const loss = optimizer.minimize(
      () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as tf.Tensor) as tf.Scalar,
      true,
    );
    const value = loss!.dataSync()[0]; // waits for the step to finish
    loss!.dispose();
    return value;
  };
  for (let i = 0; i < warmup; i++) step();
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < steps; i++) step();
  const elapsed = performance.now() - start;
  const cpuUsed = process.cpuUsage(cpu);

  if (profile) await printProfile(step, () => {
    tf.dispose(tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as tf.Tensor));
  });
  tf.dispose([xs, ys]);
  model.dispose();
  optimizer.dispose();
  return { imagesPerSecond: (steps * BATCH * 1000) / elapsed, msPerStep: elapsed / steps, cpuMsPerStep: (cpuUsed.user + cpuUsed.system) / 1000 / steps };
}

const profile = process.argv.includes('--profile');
const stock = process.argv.includes('--stock');
useSimdKernels(!stock);
// [backend, warm-up steps, timed steps]; the cpu backend takes ~30 s per step.
const runs = process.argv.includes('--no-cpu') ? ([['wasm', 3, 20]] as const) : ([['wasm', 3, 20], ['cpu', 1, 2]] as const);
installTrainingKernels();
for (const [backend, warmup, steps] of runs) {
  const r = await measure(backend, warmup, steps, profile && backend === 'wasm');
  console.log(`${backend}: ${r.imagesPerSecond.toFixed(0)} images/s (${r.msPerStep.toFixed(1)} ms per step of ${BATCH}, CPU ${r.cpuMsPerStep.toFixed(1)} ms, ${steps} timed steps)${stock ? ' [stock]' : ''}`);
}
