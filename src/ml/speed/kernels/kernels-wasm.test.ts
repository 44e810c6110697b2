// @vitest-environment node
/**
 * The committed kernels-wasm.ts must be what assembly/pretext-kernels.ts compiles to today: an edit to the
 * AssemblyScript source without `npm run kernels` would otherwise ship yesterday's kernels.
 */
import { describe, expect, it } from 'vitest';
import { kernelsSourceDigest, sectionIds } from '../../../../scripts/build-kernels';
import { KERNELS_SOURCE_DIGEST, KERNELS_WASM, KERNELS_WASM_SHARED } from './kernels-wasm';

describe('the compiled SIMD kernels', () => {
  it('were built from today\'s AssemblyScript source, flags and compiler (else: npm run kernels)', async () => {
    expect(KERNELS_SOURCE_DIGEST).toBe(await kernelsSourceDigest());
  });

  it('own no memory, globals or data: they only import the backend heap and export functions', () => {
    for (const base64 of [KERNELS_WASM, KERNELS_WASM_SHARED]) {
      const bytes = Uint8Array.from(Buffer.from(base64, 'base64'));
      const ids = sectionIds(bytes);
      expect(ids).not.toContain(5); // memory (own)
      expect(ids).not.toContain(6); // global
      expect(ids).not.toContain(11); // data
      const module = new WebAssembly.Module(bytes);
      expect(WebAssembly.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
      expect(WebAssembly.Module.exports(module).every((e) => e.kind === 'function')).toBe(true);
    }
  });
});
