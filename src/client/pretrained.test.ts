import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { access, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as tf from '#tf';
import { PRETRAINED_STEPS, loadPretrainedManifest, loadPretrainedModel, type PretrainedManifest } from './pretrained';
import { deserializeModel, type SerializedModel } from '../ml/models/persist';
import { buildDigitClassifier, buildTaskModel } from '../ml/models/architecture';
import { rotationTask } from '../ml/tasks/rotation';
import { summarizeModel, type ModelSummary } from '../ml/models/summary';
import type { PretrainedKey } from './pretrained';

type StepName = PretrainedKey;
import { loadMnistFromDisk } from '../ml/data/node-assets';
import { makeSplits } from '../ml/data/splits';
import { evaluate } from '../ml/eval/evaluate';
import { useCpuBackend } from '../ml/testing/fixtures';

const run = promisify(execFile);
const SHIPPED = join(process.cwd(), 'public', 'pretrained');

/**
 * The committed files when they exist (so this test guards what the app really ships); otherwise a smoke
 * run of the same script, so the format is tested before the first lecture run has been committed.
 */
async function pretrainedDir(): Promise<{ dir: string; shipped: boolean }> {
  try {
    await access(join(SHIPPED, 'manifest.json'));
    return { dir: SHIPPED, shipped: true };
  } catch {
    const dir = await mkdtemp(join(tmpdir(), 'pretrained-'));
    await run(process.execPath, ['--import', 'tsx', 'scripts/pretrain.ts', '--preset', 'smoke', '--out', dir], { timeout: 170_000 });
    return { dir, shipped: false };
  }
}

let dir = '';
let shipped = false;
let requested: string[] = [];
/** Overrides for single files: a status code or a body, to simulate a broken deployment. */
let overrides = new Map<string, number | Uint8Array<ArrayBuffer>>();

/** A stand-in for the browser's fetch: serves `/pretrained/<file>` from `dir`, 404 for anything else. */
async function stubFetch(input: string | URL | Request): Promise<Response> {
  const url = String(input);
  requested.push(url);
  const match = /^\/pretrained\/([^/]+)$/.exec(url);
  const override = match ? overrides.get(match[1]) : undefined;
  if (typeof override === 'number') return new Response('', { status: override, statusText: override === 404 ? 'Not Found' : 'Error' });
  if (override) return new Response(override);
  try {
    if (!match) throw new Error('outside pretrained/');
    return new Response(new Uint8Array(await readFile(join(dir, match[1]))));
  } catch {
    return new Response('', { status: 404, statusText: 'Not Found' });
  }
}

function expectedSummary(step: StepName): ModelSummary {
  const model = step === 'pretext' ? buildTaskModel(rotationTask, 0) : buildDigitClassifier(step === 'supervised' ? 'scratch' : 'random', 0);
  const summary = summarizeModel(model);
  model.dispose();
  return summary;
}

const FROZEN: Record<StepName, readonly number[]> = { pretext: [], selfSupervised: [0, 2], supervised: [], randomFrozen: [0, 2] };

function artifacts(s: SerializedModel): tf.io.ModelArtifacts {
  return { modelTopology: s.modelTopology, weightSpecs: s.weightSpecs, weightData: s.weightData, userDefinedMetadata: s.metadata ? { pretextLab: s.metadata } : undefined };
}

beforeAll(async () => {
  await useCpuBackend();
  ({ dir, shipped } = await pretrainedDir());
}, 180_000);

afterEach(() => {
  requested = [];
  overrides = new Map();
});

describe('pretrained models', () => {
  beforeAll(() => {
    vi.stubGlobal('fetch', stubFetch);
    return () => vi.unstubAllGlobals();
  });

  it('loads the manifest, with scores on both test sets and every history', async () => {
    const manifest = await loadPretrainedManifest('/');
    expect(manifest.app).toBe('pretext-lab');
    if (shipped) {
      expect(manifest.preset).toBe('lecture');
      expect(manifest.models.pretext.epochs).toBe(50);
    }
    expect(manifest.backend).toBe('wasm');
    expect(manifest.params).toEqual({ pretext: 23_988, downstreamTotal: 21_994, downstreamTrainable: 2_890, downstreamFrozen: 19_104, supervised: 21_994 });
    for (const step of ['selfSupervised', 'supervised', 'randomFrozen'] as const) {
      const entry = manifest.models[step];
      expect(entry.test.lecture.count).toBe(300);
      expect(entry.test.full.count).toBe(10_000);
      expect(entry.history).toHaveLength(entry.epochs);
      expect(entry.history[0].valAccuracy).toBeTypeOf('number');
    }
    expect(manifest.models.pretext.rotationTest.full.count).toBe(40_000);
    expect(manifest.models.pretext.history).toHaveLength(manifest.models.pretext.epochs);
    expect(requested).toEqual(['/pretrained/manifest.json']);
  });

  it.each(PRETRAINED_STEPS)('round-trips the %s model into deserializeModel, for that step only', async (step) => {
    const model = await loadPretrainedModel(step, '/');
    const bytes = model.weightSpecs.reduce((sum, s) => sum + 4 * s.shape.reduce((a, b) => a * b, 1), 0);
    expect(model.weightData.byteLength).toBe(bytes);
    expect(model.metadata?.step).toBe(step);
    expect(requested).toEqual([`/pretrained/${step}.json`, `/pretrained/${step}.weights.bin`]);
    const loaded = await deserializeModel(artifacts(model), expectedSummary(step), FROZEN[step]);
    expect(summarizeModel(loaded).trainableParams).toBe(step === 'pretext' ? 23_988 : FROZEN[step].length ? 2_890 : 21_994);
    loaded.dispose();
    const other: StepName = step === 'pretext' ? 'supervised' : 'pretext';
    await expect(deserializeModel(artifacts(model), expectedSummary(other), FROZEN[other])).rejects.toThrow(/not a model for this step/);
  });

  it('gives back weights that score what the manifest says', async () => {
    const manifest: PretrainedManifest = await loadPretrainedManifest('/');
    const mnist = await loadMnistFromDisk();
    const test = makeSplits(mnist, { ...manifest.config.splits, testSet: 'lecture' }).test;
    const model = await deserializeModel(artifacts(await loadPretrainedModel('selfSupervised', '/')), expectedSummary('selfSupervised'), [0, 2]);
    const score = await evaluate(model, test, { scaling: manifest.config.scaling });
    model.dispose();
    // Trained on WASM, measured here on the CPU backend: at most one image may flip on a near-tie.
    expect(Math.abs(score.accuracy - manifest.models.selfSupervised.test.lecture.accuracy)).toBeLessThanOrEqual(1 / 300 + 1e-9);
  });

  it('names the file when it is missing, corrupt, truncated or for another step', async () => {
    overrides.set('manifest.json', 404);
    await expect(loadPretrainedManifest('/')).rejects.toThrow(/Could not fetch pretrained\/manifest\.json: the server answered 404 Not Found\. .*npm run pretrain/);
    overrides.set('manifest.json', new TextEncoder().encode('{"app": "pretext-lab", "form'));
    await expect(loadPretrainedManifest('/')).rejects.toThrow(/pretrained\/manifest\.json is not valid JSON .*corrupt or truncated/);
    overrides.set('manifest.json', new TextEncoder().encode('{"app": "pretext-lab", "format": 1, "preset": 3}'));
    await expect(loadPretrainedManifest('/')).rejects.toThrow(/pretrained\/manifest\.json is not a valid Pretext Lab file: preset should be a string/);
    overrides.set('supervised.weights.bin', new Uint8Array(1000));
    await expect(loadPretrainedModel('supervised', '/')).rejects.toThrow(/pretrained\/supervised\.json: its weights hold 1000 bytes where the model promises 87976/);
    overrides.set('randomFrozen.json', new Uint8Array(await readFile(join(dir, 'supervised.json'))));
    await expect(loadPretrainedModel('randomFrozen', '/')).rejects.toThrow(/pretrained\/randomFrozen\.json holds the supervised model, not the randomFrozen model/);
    overrides.set('pretext.weights.bin', 404);
    await expect(loadPretrainedModel('pretext', '/')).rejects.toThrow(/Could not fetch pretrained\/pretext\.weights\.bin: the server answered 404/);
  });

  it('fetches from the app\'s own origin only', async () => {
    await expect(loadPretrainedManifest('https://example.com/')).rejects.toThrow(/only loaded from the app's own origin/);
    await expect(loadPretrainedManifest('//example.com/')).rejects.toThrow(/only loaded from the app's own origin/);
    const json = JSON.parse(await readFile(join(dir, 'pretext.json'), 'utf8')) as { weightsManifest: { paths: string[] }[] };
    json.weightsManifest[0].paths = ['https://example.com/pretext.weights.bin'];
    overrides.set('pretext.json', new TextEncoder().encode(JSON.stringify(json)));
    await expect(loadPretrainedModel('pretext', '/')).rejects.toThrow(/weightsManifest\[0\]\.paths\[0\] should be a file name in the same folder/);
    expect(requested.every((url) => url.startsWith('/pretrained/'))).toBe(true);
  });
});
