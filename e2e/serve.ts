/**
 * Playwright's web server (playwright.config.ts): builds the app, then serves it on E2E_PORT until killed.
 */
import { build, PORT, serveBuild } from './built-app';

await build();
await serveBuild(PORT);
console.log(`e2e: the built app is served on http://localhost:${PORT}/`);
