import { describe, expect, it } from 'vitest';
import { describeAdapter, probeWebGPU, type WebGPUProbe } from './webgpu-probe';
import { plan } from './backends';
import type { WebGLProbe } from './webgl-probe';

const swiftshaderGL: WebGLProbe = { available: true, renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))', software: true };
const hardwareGL: WebGLProbe = { available: true, renderer: 'ANGLE (NVIDIA GeForce RTX 3060)', software: false };
const noGpu: WebGPUProbe = { available: false, adapter: null, software: false, problem: 'WebGPU is not available in this browser' };
const swiftshaderGpu: WebGPUProbe = { available: true, adapter: 'google swiftshader', software: true, problem: null };
const realGpu: WebGPUProbe = { available: true, adapter: 'nvidia ampere', software: false, problem: null };

describe('WebGPU adapters', () => {
  it("calls Chromium's SwiftShader adapter software, by its fallback flag or its name", () => {
    expect(describeAdapter({ info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true } })).toEqual({ adapter: 'google swiftshader', software: true });
    expect(describeAdapter({ info: { vendor: 'google', architecture: 'swiftshader' } }).software).toBe(true);
    expect(describeAdapter({ info: { vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' } }).software).toBe(true);
    expect(describeAdapter({ isFallbackAdapter: true }).software).toBe(true);
  });

  it('calls a named GPU vendor hardware', () => {
    expect(describeAdapter({ info: { vendor: 'nvidia', architecture: 'ampere', isFallbackAdapter: false } })).toEqual({ adapter: 'nvidia ampere', software: false });
    expect(describeAdapter({ info: { vendor: 'apple', architecture: 'metal-3' } }).software).toBe(false);
  });

  it('reports no WebGPU in Node rather than throwing', async () => {
    expect(await probeWebGPU()).toMatchObject({ available: false, problem: expect.stringMatching(/not available/) });
  });
});

describe('the backend order', () => {
  it('puts WebGPU first only on a hardware adapter', () => {
    expect(plan('auto', hardwareGL, realGpu)).toEqual({ order: ['webgpu', 'webgl', 'wasm', 'cpu'], reason: 'a hardware GPU is available through WebGPU (nvidia ampere)' });
    expect(plan('auto', hardwareGL, noGpu).order).toEqual(['webgl', 'wasm', 'cpu']);
  });

  it('never picks a software adapter by itself, and says so', () => {
    const chosen = plan('auto', swiftshaderGL, swiftshaderGpu);
    expect(chosen.order).toEqual(['wasm', 'webgl', 'cpu']);
    expect(chosen.reason).toMatch(/software renderer .*; WebGPU's adapter here is a software one \(google swiftshader\), so it is not chosen by itself/);
  });

  it('says it is the training worker that lacks WebGL2 when the probe ran in one (WebKit has it only on the page)', () => {
    const none = { available: false, renderer: null, software: false };
    expect(plan('auto', { ...none, inWorker: true }, noGpu)).toEqual({ order: ['wasm', 'cpu'], reason: 'WebGL2 is not available to the training worker (this browser offers none on an OffscreenCanvas in a worker)' });
    expect(plan('auto', none, noGpu).reason).toBe('WebGL2 is not available here');
  });

  it('uses WebGPU when asked, falling back to the others', () => {
    expect(plan('webgpu', swiftshaderGL, swiftshaderGpu)).toEqual({ order: ['webgpu', 'webgl', 'wasm', 'cpu'], reason: 'chosen by you' });
  });
});
