/**
 * `npx tsx scripts/kernel-helper-speed.ts`: how much the kernel helper (src/ml/speed/kernels/kernel-helper.ts) saves
 * on the kernels it splits, at the sizes the lab's training steps give them, in Node: a shared WebAssembly.Memory,
 * the kernels on it in this thread and in a worker_threads helper, each kernel timed whole on one thread and split
 * (the helper waited for, and with late jobs taken back as the browser does). Kernel-level figures, no tfjs around.
 */
import { Worker } from 'node:worker_threads';
import { KernelHelper, makeJobSlot, splitKernels, stopKernelJobs } from '../src/ml/speed/kernels/kernel-helper';
import { kernelsModule, kernelsOn, type SimdKernels } from '../src/ml/speed/kernels/simd-kernels';

const memory = new WebAssembly.Memory({ initial: 8192, maximum: 65536, shared: true });
const slot = makeJobSlot();
const entry = new URL('../src/ml/speed/kernels/kernel-helper-node-worker.ts', import.meta.url).href;
const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, {
  eval: true,
  workerData: { module: kernelsModule(true), memory, slot },
});
await new Promise<void>((resolve, reject) => { worker.once('message', () => resolve()); worker.once('error', reject); });
const plain = kernelsOn(memory) as SimdKernels;
const waiting = new KernelHelper(slot, plain, (why) => console.warn(why), false);
const eager = new KernelHelper(slot, plain, (why) => console.warn(why), true);
const splitWait = splitKernels(plain, waiting);
const splitEager = splitKernels(plain, eager);

let top = 1024;
function filled(floats: number): number {
  const at = top;
  top += Math.ceil((floats * 4 + 16) / 16) * 16;
  const view = new Float32Array(memory.buffer, at, floats);
  for (let i = 0; i < floats; i++) view[i] = Math.random() * 2 - 1;
  return at;
}

function time(run: (k: SimdKernels) => void, k: SimdKernels, reps: number): number {
  run(k);
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    run(k);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(reps / 2)];
}

const cases: [string, (k: SimdKernels) => void][] = [];
{
  // Colorization's Dense head backward: dW = x^T dy (x [192, 288] read transposed), dx = dy W^T (W^T copied to [3920, 288]).
  const x = filled(192 * 288); const dy = filled(192 * 3920); const dw = filled(288 * 3920);
  cases.push(['colorization dW 288x3920 (depth 192)', (k) => k.matMulBlocked(x, 1, 288, dy, dw, 288, 3920, 192)]);
  const wt = filled(3920 * 288); const dx = filled(192 * 288);
  cases.push(['colorization dx 192x288 (depth 3920)', (k) => k.matMulBlocked(dy, 3920, 1, wt, dx, 192, 288, 3920)]);
}
{
  // The trunk's first layer (every task): filter gradient of Conv2D(64, 3x3, stride 2) on 28x28x1, its 14x14x64 output
  // gradient; then the pool and ReLU gradients of a 14x14x64 map.
  const xp = filled(29 * 29 * 192); const dyt = filled(14 * 14 * 192 * 64); const dw = filled(3 * 3 * 64);
  cases.push(['conv1FilterGrad3 14x14 output, stride 2, 64 filters, batch 192', (k) => k.conv1FilterGrad3(xp, dyt, dw, 192, 14, 14, 29, 3, 2, 64)]);
  const xs = filled(192 * 14 * 14 * 64); const g = filled(192 * 7 * 7 * 64); const out = filled(192 * 14 * 14 * 64);
  cases.push(['maxPoolGrad2x2 192x14x14x64', (k) => k.maxPoolGrad2x2(xs, g, out, 192, 14, 14, 64)]);
  cases.push(['reluGrad 192x14x14x64', (k) => k.reluGrad(xs, xs, out, 192 * 14 * 14 * 64)]);
}
{
  // The rotation head's strided conv: dx of Conv2D(16, 3x3, stride 2) on 3x3x32 features.
  const dy = filled(192 * 2 * 2 * 16); const wt = filled(9 * 16 * 32); const dx = filled(192 * 3 * 3 * 32);
  cases.push(['convInputGrad 192x3x3x32 from 2x2x16, stride 2', (k) => k.convInputGrad(dy, wt, dx, 192, 3, 3, 32, 2, 2, 16, 3, 3, 2, 2, 1, 1)]);
}
for (const [name, run] of cases) {
  const one = time(run, plain, 15);
  const wait = time(run, splitWait, 15);
  const take = time(run, splitEager, 15);
  console.log(`${name}: one thread ${one.toFixed(2)} ms, split ${wait.toFixed(2)} ms (${(one / wait).toFixed(2)}x), split taking late jobs back ${take.toFixed(2)} ms (${(one / take).toFixed(2)}x)`);
}
console.log(`jobs the helper ran: ${waiting.helped + eager.helped}; taken back: ${eager.takenBack}`);
stopKernelJobs(slot);
await worker.terminate();
