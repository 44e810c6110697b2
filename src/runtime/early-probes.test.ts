import { describe, expect, it } from 'vitest';
import { answeredYet, probesNeeded } from './early-probes';

describe('probesNeeded', () => {
  it('asks auto about both GPUs, and each GPU backend about its own', () => {
    expect(probesNeeded('auto', false)).toEqual({ webgl: true, webgpu: true });
    expect(probesNeeded('webgl', false)).toEqual({ webgl: true, webgpu: false });
    expect(probesNeeded('webgpu', false)).toEqual({ webgl: false, webgpu: true });
  });

  it('asks nothing up front for WASM or the CPU', () => {
    expect(probesNeeded('wasm', false)).toEqual({ webgl: false, webgpu: false });
    expect(probesNeeded('cpu', false)).toEqual({ webgl: false, webgpu: false });
  });

  it('asks auto nothing when the GPU is turned off (webgl=off)', () => {
    expect(probesNeeded('auto', true)).toEqual({ webgl: false, webgpu: false });
    expect(probesNeeded('webgl', true)).toEqual({ webgl: false, webgpu: false });
  });
});

describe('answeredYet', () => {
  it('gives the value of a promise that has settled', async () => {
    expect(await answeredYet(Promise.resolve('answer'))).toBe('answer');
  });

  it('gives null for a promise still pending, or none', async () => {
    expect(await answeredYet(new Promise<string>(() => undefined))).toBeNull();
    expect(await answeredYet(null)).toBeNull();
  });
});
