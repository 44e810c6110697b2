/**
 * The cross-browser suite: the built app walked through in Firefox and in WebKit (e2e/browsers/walk.ts), one
 * engine after the other, each with a server of its own. Prints every step with its time, a table of what each
 * engine offers, and ends with one line, "cross-browser: N passed, N failed" (one per engine); exits non-zero
 * if any engine failed or could not be found.
 *
 *   node --import tsx e2e/browsers/run.ts [--engines firefox,webkit,chromium]
 *
 * `npm test` runs it after the Chromium suite (scripts/test-all.ts). Each engine's server listens on E2E_PORT + 1,
 * + 2, ... so it never meets the main suite's. Screenshots go to test-results/screenshots/<engine>-*.png, the
 * feature table to test-results/browsers/features.json.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_PATH, buildUnlessFresh, PORT, REPORT_PATH, serveBuild } from '../built-app';
import { SCREENSHOT_DIR } from '../helpers';
import { CONSOLE_HOOK } from './console-hook';
import { ENGINES, findBrowser, type Engine } from './engines';
import { FEATURES, type FeatureReport } from './features';
import { Student } from './student';
import { STEPS, type WalkContext } from './walk';

/**
 * Reported, never enforced: any request to another origin is written to REPORT_PATH, and nothing the app does
 * on its own origin (inline styles, blob: workers, WebAssembly) is, so a report means another origin.
 */
const WATCH_ORIGINS = `default-src 'self' blob: data: 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'; report-uri ${REPORT_PATH}`;
const VIEWPORT = { width: 1280, height: 900 };

/** What one engine's walk came to. */
interface Outcome {
  readonly engine: Engine;
  readonly passed: boolean;
  readonly seconds: number;
  readonly features?: FeatureReport;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** Walks the app in one engine and prints each step as it ends. */
async function walkIn(engine: Engine, port: number): Promise<Outcome> {
  const started = Date.now();
  const found = findBrowser(engine);
  if (typeof found === 'string') {
    console.log(`\n${engine}: ${found}`);
    return { engine, passed: false, seconds: 0 };
  }
  console.log(`\n${engine}: ${found.description}`);
  const reports: string[] = [];
  const server = await serveBuild(port, { 'Content-Security-Policy-Report-Only': WATCH_ORIGINS }, { headScript: CONSOLE_HOOK, onReport: (body) => reports.push(body) });
  const downloads = await mkdtemp(join(tmpdir(), `pretext-lab-${engine}-`));
  let passed = true;
  let ctx: WalkContext | null = null;
  try {
    const driver = await found.launch(VIEWPORT, downloads);
    console.log(`  started ${driver.version} in ${seconds(Date.now() - started)} s`);
    ctx = {
      student: new Student(driver), app: `http://localhost:${port}${BASE_PATH}`, engine, downloads, shots: SCREENSHOT_DIR, notes: [],
      errorsBefore: 0,
      reports: () => reports,
      forgetReports: () => { reports.length = 0; },
      goOffline: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
    };
    try {
      for (const step of STEPS) {
        const stepStarted = Date.now();
        try {
          await step.run(ctx);
          console.log(`  ✓ ${step.name} (${seconds(Date.now() - stepStarted)} s)`);
        } catch (err) {
          passed = false;
          console.log(`  ✘ ${step.name} (${seconds(Date.now() - stepStarted)} s)\n${String(err instanceof Error ? err.message : err).replace(/^/gm, '      ')}`);
          await driver.screenshot(join(SCREENSHOT_DIR, `${engine}-failure.png`)).catch(() => undefined);
          break;
        }
      }
      for (const note of ctx.notes) console.log(`  note: ${note}`);
    } finally {
      await driver.close();
    }
  } catch (err) {
    passed = false;
    console.log(`  ✘ ${engine} could not be driven: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    server.closeAllConnections();
    server.close();
    await rm(downloads, { recursive: true, force: true });
  }
  const total = Date.now() - started;
  console.log(`  ${engine}: ${passed ? 'passed' : 'FAILED'} in ${seconds(total)} s`);
  return { engine, passed, seconds: total / 1000, features: ctx?.features };
}

/** The feature table, one column per engine, as Markdown (it reads as a table in a terminal too). */
function featureTable(outcomes: readonly Outcome[]): string {
  const shown = outcomes.filter((o) => o.features);
  const rows = FEATURES.map((f) => `| ${f} | ${shown.map((o) => o.features?.[f] ?? '').join(' | ')} |`);
  return [`| feature | ${shown.map((o) => o.engine).join(' | ')} |`, `|---|${shown.map(() => '---|').join('')}`, ...rows].join('\n');
}

function enginesFromArgs(args: readonly string[]): Engine[] {
  const i = args.indexOf('--engines');
  const names = i >= 0 ? (args[i + 1] ?? '').split(',') : ['firefox', 'webkit'];
  for (const name of names) if (!(ENGINES as readonly string[]).includes(name)) throw new Error(`unknown engine "${name}": the engines are ${ENGINES.join(', ')}`);
  return names as Engine[];
}

const engines = enginesFromArgs(process.argv.slice(2));
await buildUnlessFresh();
await mkdir(SCREENSHOT_DIR, { recursive: true });
const outcomes: Outcome[] = [];
for (const [i, engine] of engines.entries()) outcomes.push(await walkIn(engine, PORT + 1 + i));

console.log(`\nWhat each engine offers (measured in the app's page):\n${featureTable(outcomes)}`);
await mkdir('test-results/browsers', { recursive: true });
await writeFile('test-results/browsers/features.json', JSON.stringify(Object.fromEntries(outcomes.map((o) => [o.engine, o.features ?? null])), null, 2));
const failed = outcomes.filter((o) => !o.passed);
console.log(`\n${outcomes.map((o) => `${o.engine} ${o.passed ? 'passed' : 'failed'} (${o.seconds.toFixed(1)} s)`).join(', ')}`);
console.log(`cross-browser: ${outcomes.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length === 0 ? 0 : 1);
