/**
 * Playwright's web server (playwright.config.ts): builds the app (unless `npm test` just did), then serves it on
 * E2E_PORT until killed.
 */
import { buildUnlessFresh, PORT, serveBuild } from './built-app';

await buildUnlessFresh();
await serveBuild(PORT);
console.log(`e2e: the built app is served on http://localhost:${PORT}/`);
