/**
 * One student's session with the built app in one engine, as a list of steps: everything issue 24 asks of
 * Firefox and WebKit, in one tab, in the order a student meets it (one page load and one Tiny training serve
 * every later step, so the walk costs about a minute per engine instead of a suite's worth). A step that fails
 * ends the walk: later steps stand on earlier ones (nothing to draw for before a model has trained).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BLANK_PATH } from '../built-app';
import type { PointerKind } from './driver';
import { probeFeatures, type FeatureReport } from './features';
import { captionsOf, drawnIn, pointerSeen, visibleText, watchPointer } from './in-page';
import type { Student } from './student';

/** What a walk is given besides the student: where the app is, and the server's view of what happened. */
export interface WalkContext {
  readonly student: Student;
  /** The app's address on the runner's server, e.g. http://localhost:4311/pretext-lab/. */
  readonly app: string;
  /** Short engine name for file names, e.g. "webkit". */
  readonly engine: string;
  /** Folder the browser saves downloads in. */
  readonly downloads: string;
  /** Folder for the screenshots a human looks at. */
  readonly shots: string;
  /** Content-Security-Policy reports the server received: requests to another origin. */
  reports(): readonly string[];
  /** Forgets the reports received so far. */
  forgetReports(): void;
  /** How many console errors came before the app was opened (the watcher's own test causes some). */
  errorsBefore: number;
  /** Stops the server, as if the network had gone away. */
  goOffline(): Promise<void>;
  /** Lines for the report: what could not be checked in this engine, and how long each model trained. */
  readonly notes: string[];
  /** Filled in by the walk: what the engine offers (e2e/browsers/features.ts). */
  features?: FeatureReport;
}

/** One step: a sentence a report can print, and what it does. */
export interface Step {
  readonly name: string;
  run(ctx: WalkContext): Promise<void>;
}

const DRAW_PAD = '#draw canvas[aria-label^="Drawing area"]';
/** A vertical stroke down the middle of the pad, like a 1. */
const ONE: readonly (readonly [number, number])[] = [[0.5, 0.15], [0.5, 0.35], [0.5, 0.55], [0.5, 0.7], [0.5, 0.85]];

/** The walk's setup, as the query of a link. */
const WALK_SETUP = 'preset=smoke&splits.pretextCount=200&downstream.epochs=1&supervised.epochs=1';

/** The classifiers a Tiny walk trains, as their stem plots begin. */
const TRAINED = ['Self-supervised', 'Supervised'] as const;

function assert(ok: boolean, message: string): asserts ok {
  if (!ok) throw new Error(message);
}

/** Draws a 1 with `kind` and waits until the rotation head and every classifier named in `models` answer it. */
async function drawAndSeeAnswers({ student }: WalkContext, kind: PointerKind, models: readonly string[]): Promise<void> {
  await student.driver.evaluate(watchPointer, DRAW_PAD);
  await student.draw(DRAW_PAD, kind, ONE);
  // A finger must reach the page as a finger (pointerType "touch"): a driver that sends a mouse instead would
  // have the walk test the mouse twice and call it touch.
  const pointerType = await student.driver.evaluate(pointerSeen, DRAW_PAD);
  assert(pointerType === kind, `the ${kind} stroke reached the pad as pointerType "${pointerType ?? 'nothing'}"`);
  await student.see(/The rotation head thinks your drawing is turned/, { within: '#draw', timeout: 30_000 });
  await student.until(`${models.join(', ')} answer the ${kind} stroke`, async () => {
    const said = await student.driver.evaluate(captionsOf, '#draw .stem-row figure');
    const missing = models.filter((m) => !said.some((c) => c.startsWith(m)));
    return missing.length === 0 || `answers from ${said.join(' / ') || 'none'}`;
  });
}

/** Empties the pad with its Clear button, and waits for the panel to say so. */
async function clearPad({ student }: WalkContext): Promise<void> {
  await student.press('button', /^Clear$/, { within: '#draw' });
  await student.see(/Nothing drawn yet/, { within: '#draw' });
}

/** Trains the model of one panel with its button and waits for the sentence that says it finished. */
async function train({ student, notes }: WalkContext, panel: string, button: RegExp): Promise<void> {
  await student.press('button', button, { within: panel, timeout: 60_000 });
  const started = Date.now();
  await student.see(/Trained for \d+ epochs?|Stopped early after/, { within: panel, timeout: 180_000 });
  notes.push(`${panel.slice(1)} trained in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The address the first step asks for on purpose, to show that the watch on other origins works. */
const SELF_CHECK_ORIGIN = 'http://127.0.0.1:9';

/**
 * The errors that are the app's doing: the engine's own words about the first step's deliberate request are not.
 * Firefox 153 reports that request as a Report-Only CSP violation on the console, and it may do so late, after the
 * step has counted the errors so far (which failed CI once); the watch on other origins still sees any real request.
 */
function appErrors(errors: readonly string[]): string[] {
  return errors.filter((error) => !error.includes(SELF_CHECK_ORIGIN));
}

/** Every step of the walk, in order. */
export const STEPS: readonly Step[] = [
  {
    name: 'the watch on other origins sees a request to one (on an empty page of the app\'s origin)',
    async run(ctx) {
      const { student } = ctx;
      await student.driver.goto(new URL(BLANK_PATH, ctx.app).href);
      await student.driver.evaluate((url: string) => fetch(url).then(() => 'answered', () => 'refused'), `${SELF_CHECK_ORIGIN}/`);
      await student.until('the request to another origin is reported', async () => ctx.reports().length > 0 || 'no report yet', 10_000);
      ctx.forgetReports();
      // What the engine said about that request is not the app's doing.
      ctx.errorsBefore = (await student.driver.consoleErrors()).length;
    },
  },
  {
    name: 'the built app loads (Tiny preset, 200 pretext images, one epoch per head) with its data and the training engine',
    async run({ student, app }) {
      // Tiny, cut further by a link as a teacher would write it: 200 unlabelled images instead of 2,000 (800
      // rotated examples) and one epoch for each head instead of three. What is under test is that every step
      // runs in this engine, not how well the models learn, and WebKit trains on one thread: Tiny as it is took
      // 60-90 s there on this busy 2-core machine, more than the whole walk in Firefox.
      await student.driver.goto(`${app}?${WALK_SETUP}`);
      await student.see(/Training on/, { within: '.status-bar', timeout: 60_000 });
      await student.see(/How the images are used/, { within: '#data', timeout: 60_000 });
    },
  },
  {
    name: 'the header names the backend and the thread count, and why',
    async run(ctx) {
      const { student } = ctx;
      ctx.features = await student.driver.evaluate(probeFeatures, undefined);
      const header = await student.driver.evaluate(visibleText, '.status-bar');
      const said = /Training on (WebGPU \(GPU\)|WebGL \(GPU\)|WebAssembly|plain JavaScript CPU)(?: \((\d+) threads?\))?, in a background worker: (.+?)\./.exec(header);
      assert(said !== null, `the header does not say what trains where and why: "${header}"`);
      const [, backend, threads, why] = said;
      assert(why.length > 10, `the header gives no reason: "${header}"`);
      if (backend === 'WebAssembly') {
        assert(threads !== undefined, `WebAssembly without a thread count: "${header}"`);
        const canThread = ctx.features['WebAssembly threads'].startsWith('yes');
        // Threads where the engine can share memory with workers; one, and a sentence saying why, where not.
        if (canThread) assert(Number(threads) > 1, `threads are possible here but the header says ${threads}: "${header}"`);
        else assert(threads === '1' && /one thread/.test(header), `no WebAssembly threads here, and the header does not say why it runs on one: "${header}"`);
      }
      await student.driver.screenshot(join(ctx.shots, `${ctx.engine}-header.png`));
    },
  },
  {
    name: 'the Tiny preset trains the pretext model, the transferred head and the supervised model in the worker',
    async run(ctx) {
      await train(ctx, '#pretext', /^Train the rotation pretext model$/);
      await ctx.student.see(/Accuracy on the rotated test images: \d+\.\d\d%/, { within: '#pretext' });
      await train(ctx, '#transfer', /^Train the self-supervised head/);
      await train(ctx, '#supervised', /^Train the supervised model$/);
    },
  },
  {
    name: 'the trained models are evaluated on the test set',
    async run({ student }) {
      await student.press('button', /^Evaluate the models on the test set$/, { within: '#compare' });
      await student.see(/Test results \(2 models\)/, { within: '#compare', timeout: 60_000 });
      await student.see(/Self-supervised[^\n]*\d+\.\d\d%[\s\S]*Supervised[^\n]*\d+\.\d\d%/, { within: '#compare' });
    },
  },
  {
    name: 'a stroke drawn with the mouse, and one with a finger, get an answer from every model',
    async run(ctx) {
      await drawAndSeeAnswers(ctx, 'mouse', TRAINED);
      await ctx.student.driver.screenshot(join(ctx.shots, `${ctx.engine}-draw.png`));
      await clearPad(ctx);
      if (ctx.student.driver.canTouch) {
        await drawAndSeeAnswers(ctx, 'touch', TRAINED);
        await clearPad(ctx);
      } else {
        ctx.notes.push(`no finger stroke: ${ctx.student.driver.version}'s driver cannot draw with a finger (only the mouse stroke was checked)`);
      }
    },
  },
  {
    name: 'a trained model downloads as its two files',
    async run({ student, downloads }) {
      await student.press('summary', /^Save, load or share the rotation pretext model$/, { within: '#pretext' });
      await student.press('button', /^Download the rotation pretext model$/, { within: '#pretext' });
      const files = await student.until('both files of the model in the downloads folder', async () => {
        const names = (await readdir(downloads)).filter((n) => !n.endsWith('.part'));
        const json = names.find((n) => n.endsWith('.json'));
        const bin = names.find((n) => n.endsWith('.weights.bin'));
        // Firefox may show a file under its final name before its bytes are written: wait for both to hold data.
        const sizes = json && bin ? await Promise.all([json, bin].map(async (n) => (await stat(join(downloads, n))).size)) : [];
        return json && bin && sizes.every((size) => size > 0) ? { json, bin } : `found ${names.join(', ') || 'nothing'}${sizes.length ? ` (${sizes.join(' and ')} bytes)` : ''}`;
      }, 20_000);
      const model = JSON.parse(await readFile(join(downloads, files.json), 'utf8')) as { weightsManifest?: { weights: { shape: number[] }[] }[] };
      const floats = (model.weightsManifest ?? []).flatMap((g) => g.weights).reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
      const bytes = (await readFile(join(downloads, files.bin))).length;
      assert(floats === 23_988 && bytes === floats * 4, `the download holds ${floats} weights in ${bytes} bytes, not the pretext model's 23,988`);
    },
  },
  {
    name: 'the shipped lecture models load, and every one of them answers a drawing',
    async run(ctx) {
      const { student } = ctx;
      await student.press('button', /^Load the pre-trained lecture models$/, { within: '#pretext' });
      for (const panel of ['#pretext', '#transfer', '#supervised']) {
        await student.see(/pre-trained lecture model shipped with the app/, { within: panel, timeout: 90_000 });
      }
      // The shipped set includes the random-features control: three classifiers.
      await drawAndSeeAnswers(ctx, 'mouse', [...TRAINED, 'Control: random features']);
    },
  },
  {
    name: 'the leaderboard and the label curve show their recorded data',
    async run({ student, engine, shots }) {
      await student.see(/Digit accuracy read by the linear probe from each frozen trunk, recorded over 3 seeds/, { within: '#leaderboard' });
      await student.see(/Contrastive[\s\S]*Reference: trunk trained on 9,000 digit labels to convergence/, { within: '#leaderboard' });
      // Charts are drawn as a student scrolls near them (src/components/WhenNear.tsx).
      await student.until('the leaderboard scatter is drawn', async () => {
        const n = await student.driver.evaluate(drawnIn, { within: '#leaderboard [aria-label^="Pretext score against digit accuracy"]', selector: '.recharts-wrapper' });
        return n > 0 || 'not drawn yet';
      }, 20_000);
      await student.driver.screenshot(join(shots, `${engine}-leaderboard.png`));
      await student.until('the label curve is drawn', async () => {
        const n = await student.driver.evaluate(drawnIn, { within: '#curve [aria-label^="Test accuracy against labelled digits"]', selector: '.recharts-line-curve' });
        return n >= 4 || `${n} curves drawn`;
      }, 20_000);
      await student.see(/Recorded/, { within: '#curve' });
      await student.driver.screenshot(join(shots, `${engine}-curve.png`));
    },
  },
  {
    name: 'the console stayed clean and no request went to another origin',
    async run({ student, reports, errorsBefore }) {
      assert(reports().length === 0, `requests to another origin:\n${reports().join('\n')}`);
      const errors = appErrors((await student.driver.consoleErrors()).slice(errorsBefore));
      assert(errors.length === 0, `errors on the page:\n${errors.join('\n')}`);
    },
  },
  {
    name: 'the app reloads offline, where the engine allows service workers on localhost',
    async run(ctx) {
      const { student } = ctx;
      if (!ctx.features?.['service workers'].startsWith('yes')) return; // said in the feature table
      await student.until('the service worker controls the page and has cached the MNIST files', async () => {
        const state = await student.driver.evaluate(async () => ({
          controlled: navigator.serviceWorker.controller !== null,
          cached: (await (await caches.open('mnist-data')).keys()).length,
        }), undefined);
        return (state.controlled && state.cached === 5) || JSON.stringify(state);
      }, 60_000);
      const isolated = await student.driver.evaluate(() => crossOriginIsolated, undefined);
      await ctx.goOffline();
      await student.driver.reload();
      await student.see(/Training on/, { within: '.status-bar', timeout: 60_000 });
      await student.see(/How the images are used/, { within: '#data', timeout: 60_000 });
      const stillIsolated = await student.driver.evaluate(() => crossOriginIsolated, undefined);
      assert(stillIsolated === isolated, `cross-origin isolation was ${String(isolated)} online and ${String(stillIsolated)} offline`);
      const errors = appErrors((await student.driver.consoleErrors()).slice(ctx.errorsBefore));
      assert(errors.length === 0, `errors on the page offline:\n${errors.join('\n')}`);
      await student.driver.screenshot(join(ctx.shots, `${ctx.engine}-offline.png`));
    },
  },
];
