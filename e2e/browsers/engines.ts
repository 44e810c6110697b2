/**
 * Which browser stands for each engine on this machine, and how to start it. As for Chromium (e2e/chromium.ts):
 * Playwright's own build where a developer has installed it (`npx playwright install firefox webkit`), otherwise
 * the distribution's: Debian's `firefox-esr` (driven over WebDriver BiDi by puppeteer-core) and WebKitGTK's
 * `WebKitWebDriver` with its MiniBrowser (packages webkit2gtk-driver and libwebkit2gtk-4.1-0, under Xvfb when
 * there is no display). FIREFOX_PATH, WEBKIT_DRIVER_PATH and MINIBROWSER_PATH name other binaries.
 */
import { existsSync } from 'node:fs';
import { chromium, firefox, webkit, type BrowserType } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium';
import type { Driver } from './driver';
import { launchFirefox } from './firefox';
import { launchPlaywright } from './playwright';
import { launchWebKit } from './webkit';

/** The engines the runner knows; `npm test` drives firefox and webkit (Chromium has the main suite). */
export const ENGINES = ['firefox', 'webkit', 'chromium'] as const;
/** One of {@link ENGINES}. */
export type Engine = (typeof ENGINES)[number];

/** A browser found for an engine: what it is, in a few words, and how to start it. */
export interface FoundBrowser {
  readonly description: string;
  launch(viewport: { width: number; height: number }, downloads: string): Promise<Driver>;
}

const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
const WEBKIT_DRIVER_PATHS = ['/usr/bin/WebKitWebDriver'];
const MINIBROWSER_PATHS = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkitgtk-6.0/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
];

/** The first of `paths` that exists, after the environment variable `env` if it is set (which must exist). */
function firstPresent(env: string, paths: readonly string[]): string | null {
  const fromEnv = process.env[env];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${env}=${fromEnv} does not exist`);
    return fromEnv;
  }
  return paths.find((p) => existsSync(p)) ?? null;
}

/** Playwright's own build of `type`, if it has been downloaded on this machine. */
function playwrightBuild(type: BrowserType): FoundBrowser | null {
  let path: string;
  try { path = type.executablePath(); } catch { return null; }
  if (!existsSync(path)) return null;
  return { description: `Playwright's ${type.name()} (${path})`, launch: (viewport, downloads) => launchPlaywright(type, {}, viewport, downloads) };
}

/** The browser for `engine`, or a sentence saying what to install. */
export function findBrowser(engine: Engine): FoundBrowser | string {
  if (engine === 'chromium') {
    return { description: 'Chromium, as the main suite finds it', launch: (viewport, downloads) => launchPlaywright(chromium, chromiumLaunchOptions(), viewport, downloads) };
  }
  if (engine === 'firefox') {
    const own = process.env.FIREFOX_PATH ? null : playwrightBuild(firefox);
    if (own) return own;
    const path = firstPresent('FIREFOX_PATH', FIREFOX_PATHS);
    if (!path) return 'no Firefox: install Debian\'s (apt-get install firefox-esr), run `npx playwright install firefox`, or set FIREFOX_PATH';
    return { description: `${path} over WebDriver BiDi (puppeteer-core)`, launch: (viewport, downloads) => launchFirefox(path, viewport, downloads) };
  }
  const own = process.env.WEBKIT_DRIVER_PATH ? null : playwrightBuild(webkit);
  if (own) return own;
  const driver = firstPresent('WEBKIT_DRIVER_PATH', WEBKIT_DRIVER_PATHS);
  const browser = firstPresent('MINIBROWSER_PATH', MINIBROWSER_PATHS);
  if (!driver || !browser) return 'no WebKit: install WebKitGTK\'s driver (apt-get install webkit2gtk-driver xvfb), or run `npx playwright install webkit`';
  return { description: `${browser} through ${driver} (WebDriver, WebdriverIO's webdriver)`, launch: (viewport, downloads) => launchWebKit(driver, browser, viewport, downloads) };
}
