import { describe, expect, it } from 'vitest';
import { engineLink, startsEngineAtOnce } from './engine-link';
import { parseUrl } from './url-state';

const LINKS = ['', '?backend=webgl', '?backend=wasm&webgl=off', '?backend=quantum', '?webgl=on', '?webgl=off&mode=lecture', '?backend=cpu&faults=hang-once'];

describe('the engine part of a link', () => {
  it('reads the backend and WebGL switch exactly as the full link parser does', () => {
    for (const search of LINKS) {
      const { state } = parseUrl(search, '', { slideCount: 10 });
      const link = engineLink(search);
      expect({ search, backend: link.backend, webglOff: link.webglOff }).toEqual({ search, backend: state.backend, webglOff: state.webglOff });
    }
  });

  it('makes workers silent only for the start-up fault test', () => {
    expect(engineLink('').silentWorkers).toBe(0);
    expect(engineLink('?faults=on').silentWorkers).toBe(0);
    expect(engineLink('?faults=hang-once').silentWorkers).toBe(1);
    expect(engineLink('?faults=hang-always').silentWorkers).toBe(2);
  });

  it('starts the engine at once on the self-study and lecture pages only', () => {
    expect(startsEngineAtOnce('')).toBe(true);
    expect(startsEngineAtOnce('?mode=lecture&backend=wasm')).toBe(true);
    expect(startsEngineAtOnce('?mode=speaker')).toBe(false);
    expect(startsEngineAtOnce('?embed=rotation')).toBe(false);
    expect(startsEngineAtOnce('?faults=hang-once')).toBe(false);
  });
});
