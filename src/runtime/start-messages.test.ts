import { describe, expect, it } from 'vitest';
import { engineWorkerName, initFromWorkerName } from './start-messages';

describe("a worker's start order in its name", () => {
  it('comes back as the same init command', () => {
    for (const backend of ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const) {
      for (const webglDisabled of [false, true]) {
        expect(initFromWorkerName(engineWorkerName({ type: 'init', backend, webglDisabled }))).toEqual({ type: 'init', backend, webglDisabled });
      }
    }
  });

  it('is absent from other names, so such a worker waits for its init message', () => {
    expect(initFromWorkerName('pretext-lab-engine')).toBeNull();
    expect(initFromWorkerName('')).toBeNull();
    expect(initFromWorkerName('pretext-lab-engine?backend=quantum')).toBeNull();
  });
});
