/**
 * The page's first script, and a small one: it starts the training engine's worker, then loads the page
 * itself (src/main.tsx).
 *
 * The page's own JavaScript (React, the charts, every lesson) takes the main thread a second or more to
 * evaluate. Started from there, the worker only began downloading TensorFlow.js once all of that had run;
 * started here, the worker loads and starts its backend on another thread while the page is still building
 * itself, and the page adopts it when it mounts (client.ts, prestartEngine).
 */
import { prestartEngine } from './client/client';
import { engineLink, startsEngineAtOnce } from './url/engine-link';

if (startsEngineAtOnce(window.location.search)) {
  const { backend, webglOff } = engineLink(window.location.search);
  prestartEngine(backend, webglOff);
}

void import('./main');
