/**
 * WebKitGTK (Safari's engine, as Debian ships it) driven over classic WebDriver: WebKitGTK's own driver,
 * `WebKitWebDriver` (Debian's webkit2gtk-driver), starts its MiniBrowser, and WebdriverIO's `webdriver` package
 * speaks the protocol. MiniBrowser needs a display, so a headless machine gets a private Xvfb.
 *
 * Classic WebDriver cannot listen to the console, so the page's errors are gathered by a few lines the test
 * server puts in front of the app (e2e/browsers/console-hook.ts) and read back from the page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageScript, type Driver, type InPage, type Point, type PointerKind } from './driver';
import { CONSOLE_KEY } from './console-hook';

/** What the session asks WebKitWebDriver for. */
type WebDriverCapabilities = Record<string, unknown>;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A free TCP port on this machine, for the driver to listen on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Starts Xvfb on a display it picks itself (-displayfd), and returns that display's name. */
async function startXvfb(children: ChildProcess[]): Promise<string> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  children.push(xvfb);
  const fd3 = xvfb.stdio[3];
  if (!fd3 || !('on' in fd3)) throw new Error('Xvfb gave no display number');
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    fd3.on('data', (chunk: Buffer) => { text += chunk.toString(); if (text.includes('\n')) resolve(`:${text.trim()}`); });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it gave a display`)));
    xvfb.on('error', reject);
  });
  return display;
}

/** Waits until the driver answers its status endpoint. */
async function driverReady(port: number, driver: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    const ok = await fetch(`http://localhost:${port}/status`).then((r) => r.ok, () => false);
    if (ok) return;
    await pause(100);
  }
  throw new Error('WebKitWebDriver did not answer within 10 s');
}

/** The parts of a pointer action sequence, in WebDriver's words. */
type PointerStep =
  | { type: 'pointerMove'; x: number; y: number; duration: number; origin: 'viewport' }
  | { type: 'pointerDown' | 'pointerUp'; button: 0 };

const move = ({ x, y }: Point, duration = 0): PointerStep => ({ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration, origin: 'viewport' });

/**
 * Starts WebKitWebDriver with `minibrowser` (its path) in a window of `viewport` size; downloads land in
 * `downloads`.
 */
export async function launchWebKit(driverPath: string, minibrowser: string, viewport: { width: number; height: number }, downloads: string): Promise<Driver> {
  const children: ChildProcess[] = [];
  const stopAll = () => { for (const child of children.reverse()) child.kill(); };
  try {
    const display = process.env.DISPLAY || (await startXvfb(children));
    const port = await freePort();
    // MiniBrowser saves downloads in the XDG download folder, which GLib reads from user-dirs.dirs.
    const config = await mkdtemp(join(tmpdir(), 'pretext-lab-webkit-config-'));
    await writeFile(join(config, 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
    const driverProcess = spawn(driverPath, [`--port=${port}`], {
      stdio: 'ignore', env: { ...process.env, DISPLAY: display, XDG_CONFIG_HOME: config },
    });
    children.push(driverProcess);
    await driverReady(port, driverProcess);
    // WebdriverIO asks for a BiDi socket by default, which WebKitWebDriver refuses to match: classic only.
    // (Its capability types do not list WebKitGTK's vendor key, hence the widening.)
    const capabilities: WebDriverCapabilities = {
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: minibrowser, args: ['--automation'] },
    };
    // WebdriverIO's loggers read their level once, when its modules load: set it first, so a session's start
    // does not print "Connecting to existing driver" into the suite's report.
    process.env.WDIO_LOG_LEVEL ??= 'warn';
    const { default: WebDriver } = await import('webdriver');
    const client = await WebDriver.newSession({ hostname: 'localhost', port, logLevel: 'warn', capabilities: capabilities as Parameters<typeof WebDriver.newSession>[0]['capabilities'] });
    await client.setWindowRect(0, 0, viewport.width, viewport.height);
    const version = `${client.capabilities.browserName ?? 'WebKitGTK'}/${client.capabilities.browserVersion ?? '?'}`;
    const pointer = (kind: PointerKind, steps: PointerStep[]) => client.performActions([{ type: 'pointer', id: kind, parameters: { pointerType: kind }, actions: steps }]);
    return {
      version,
      // WebKitWebDriver on GTK accepts touch pointer actions but delivers them as a mouse (pointerType "mouse",
      // seen by the walk's check), so a finger stroke cannot be driven here; the walk says so in its report.
      canTouch: false,
      async goto(url) { await client.navigateTo(url); },
      async reload() { await client.refresh(); },
      async evaluate<A, R>(fn: InPage<A, R>, arg: A): Promise<R> {
        return (await client.executeScript(`return ${pageScript(fn, arg)};`, [])) as R;
      },
      async click(at: Point) { await pointer('mouse', [move(at), { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }]); },
      async stroke(kind: PointerKind, points: readonly Point[]) {
        const [first, ...rest] = points;
        await pointer(kind, [move(first), { type: 'pointerDown', button: 0 }, ...rest.map((p) => move(p, 16)), { type: 'pointerUp', button: 0 }]);
      },
      async type(text) {
        const keys = [...text].flatMap((value) => [{ type: 'keyDown' as const, value }, { type: 'keyUp' as const, value }]);
        await client.performActions([{ type: 'key', id: 'keyboard', actions: keys }]);
      },
      async screenshot(path) {
        await writeFile(path, Buffer.from(await client.takeScreenshot(), 'base64'));
      },
      async consoleErrors() {
        return (await client.executeScript(`return JSON.parse(sessionStorage.getItem(${JSON.stringify(CONSOLE_KEY)}) || '[]');`, [])) as string[];
      },
      async close() {
        await client.deleteSession().catch(() => undefined);
        stopAll();
      },
    };
  } catch (err) {
    stopAll();
    throw err;
  }
}
