/**
 * Which Chromium the end-to-end tests drive, and with which flags.
 *
 * Playwright's own build is preferred when `npx playwright install chromium`
 * has been run; otherwise we fall back to the distribution's browser (Debian's
 * `chromium` package), which is what CI machines without Playwright's download
 * host have. `CHROMIUM_PATH` overrides both.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { LaunchOptions } from '@playwright/test';

/** Where Debian (and most Linux distributions) install Chromium. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for every run. The SwiftShader pair gives headless Chromium a software
 * WebGL2, so the WebGL backend is exercised even on machines with no GPU; the
 * rest keep the browser from phoning home, which also keeps runs deterministic.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/**
 * Makes headless Chromium offer WebGPU (here a SwiftShader adapter). Only where WebGPU is the subject
 * (e2e/webgpu.spec.ts, `npm run bench`): with it, full-page screenshots took ~20% longer on this 2-core
 * machine (10.4 s against 8.5 s under load), and the other specs need no WebGPU.
 */
export const WEBGPU_ARGS: readonly string[] = ['--enable-unsafe-webgpu'];

/**
 * Composites the page in software instead of through SwiftShader's GPU emulation, for the test suite (WebGL and
 * WebGPU still run in the GPU process, on SwiftShader). Here a page that trains redraws its charts and progress
 * many times a second, and SwiftShader compositing each frame cost more CPU than the drawing: over the whole e2e
 * suite the GPU process used 234 CPU-seconds with it and 96 without. The benchmark leaves compositing as a
 * student's browser has it, so its frame gaps stay comparable.
 */
export const SOFTWARE_COMPOSITING_ARGS: readonly string[] = ['--disable-gpu-compositing'];

/** Path of Playwright's bundled Chromium if it has been downloaded, else null. */
function playwrightChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The browser binary to launch, or undefined to let Playwright use its own
 * (it then picks its headless shell or full build as appropriate).
 * Throws with a how-to-fix message when no Chromium can be found at all.
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (playwrightChromium() !== null) return undefined;
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  throw new Error(
    'No Chromium found. Run `npx playwright install chromium`, ' +
      `or install Debian's (apt-get install chromium), or set CHROMIUM_PATH.`,
  );
}

/**
 * Launch options for `use.launchOptions` in playwright.config.ts; `webgpu` adds {@link WEBGPU_ARGS},
 * `softwareCompositing` {@link SOFTWARE_COMPOSITING_ARGS}.
 */
export function chromiumLaunchOptions(options: { readonly webgpu?: boolean; readonly softwareCompositing?: boolean } = {}): LaunchOptions {
  const executablePath = chromiumExecutable();
  return {
    args: [...CHROMIUM_ARGS, ...(options.webgpu ? WEBGPU_ARGS : []), ...(options.softwareCompositing ? SOFTWARE_COMPOSITING_ARGS : [])],
    ...(executablePath === undefined ? {} : { executablePath }),
  };
}
