// @vitest-environment node
import * as tf from '#tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkTraining, missingKernels } from './training-check';
import { activateBackend } from './activate';

describe('the training check a new backend must pass', () => {
  beforeAll(() => activateBackend('cpu'));

  it('finds every kernel of a training step, backward ones included, and passes the CPU against itself', async () => {
    const before = tf.memory().numTensors;
    const check = await checkTraining('cpu', 'cpu');
    expect(check.ok).toBe(true);
    expect(check.missing).toEqual([]);
    for (const k of ['Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPool', 'MaxPoolGrad', 'BatchMatMul']) {
      expect(check.kernels).toContain(k);
    }
    expect(check.maxGradError).toBe(0);
    console.log(`training kernels: ${check.kernels.join(' ')}`);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('passes the WASM backend with our training kernels (a second implementation, so the tolerance is fair)', async () => {
    await activateBackend('wasm');
    const check = await checkTraining('wasm', 'cpu');
    expect(check.summary).toMatch(/matches cpu/);
    expect(check.ok).toBe(true);
    expect(check.maxGradError).toBeGreaterThan(0);
  });

  it('names the kernels a backend lacks', () => {
    expect(missingKernels(['Conv2D', 'NoSuchKernelAnywhere'], 'cpu')).toEqual(['NoSuchKernelAnywhere']);
  });
});
