/**
 * The page's setup as a link: which step, which preset, the seed, and every setting changed from the preset.
 * A teacher who sends `/?preset=smoke&seed=7&pretext.epochs=2#pretext` should put every student on the same
 * panel with the same numbers, the way TensorFlow Playground keeps its whole setup in the URL.
 *
 * A link is text from outside, so it is checked like a form: a value of the wrong kind or outside the range
 * checkConfig allows becomes a notice that names the setting and what it may be, and the preset's value is
 * used instead. Nothing from a link is ever run or written into the page as markup: values are parsed into
 * numbers, yes/no and known words, and notices are plain text (React escapes it).
 *
 * Pure: no DOM, no store, so all of it is tested in Node.
 */
import { configProblem } from '../ml/config/check-config';
import { presetConfig, type ExperimentConfig, type PresetName } from '../ml/config/presets';
import type { BackendChoice } from '../runtime/messages';
import { backendFromLink } from './engine-link';
import { LESSON_IDS, isLessonId, type LessonId } from '../lessons/registry';
import {
  changedSettings, parseSettingText, readSetting, settingKey, settingText, writeSetting, type SettingKey, type SettingValue,
} from './setting-keys';

/**
 * Self-study (all panels on one page), lecture (one slide at a time, full screen), or the lecture's speaker view
 * (notes, clock and controls for the lecturer's own screen, opened from lecture mode).
 */
export type ViewMode = 'study' | 'lecture' | 'speaker';

/** Everything a link describes. */
export interface UrlState {
  readonly config: ExperimentConfig;
  readonly mode: ViewMode;
  /** The panel in view (self-study), or null for the top of the page. */
  readonly step: LessonId | null;
  /** The lecture slide, counted from 1, or null for "the one for `step`, else the first". */
  readonly slide: number | null;
  readonly backend: BackendChoice;
  readonly webglOff: boolean;
  /** `?probe=off`: pretext runs train without the live digit probe (a slow laptop, or a test not about it). */
  readonly probeOff: boolean;
}

/** Something about a link the student should know: a bad value (error) or a key we ignored (info). */
export interface UrlNotice {
  readonly kind: 'error' | 'info';
  readonly text: string;
  readonly setting?: string;
}

/** Options for {@link parseUrl}. */
export interface ParseOptions {
  /** Training images the app ships (bounds the split sizes). */
  readonly trainImages?: number;
  /** How many lecture slides exist (bounds `slide`). */
  readonly slideCount?: number;
}

/** The default when a link names no preset: the same one the page starts with. */
export const DEFAULT_PRESET: PresetName = 'quick';
/** Preset names in the order we try them as the base of a custom setup; the default first. */
const PRESET_ORDER: readonly PresetName[] = ['quick', 'lecture', 'smoke'];
const PRESET_LABELS: Record<PresetName, string> = { lecture: 'Lecture', quick: 'Quick', smoke: 'Tiny' };
/** Keys that are about the page, not the experiment. */
// `faults=on` is read by state/fault-hook.ts, `faults=hang-once|hang-always` by engine-link.ts (tests only); it is a page key so it is not reported as unknown.
// `embed` is read by src/embed/embed-request.ts: it chooses a different page, not a setting of this one.
const PAGE_KEYS = new Set(['preset', 'mode', 'slide', 'step', 'backend', 'webgl', 'probe', 'faults', 'embed']);
/** Settings that choosing a preset keeps, so changing them does not make the setup "custom" (see choosePreset). */
const KEPT_BY_PRESETS = new Set(['seed', 'splits.testSet']);

/**
 * How a value from a link is quoted back in a notice. Plain words and numbers are shown so the student sees
 * what was wrong; anything else (markup, quotes, very long text) is described, not echoed. React would
 * escape it anyway, but a notice that repeats `<script>` teaches nothing and looks alarming.
 */
export function quoteFromLink(text: string): string {
  return /^[\w.+-]{1,24}$/.test(text) ? `“${text}”` : 'text that is not a setting value';
}

function isPreset(name: string): name is PresetName {
  return (PRESET_ORDER as readonly string[]).includes(name);
}

/** checkConfig's rule without its ", got …" tail, which would repeat the raw text; we quote it our way. */
function ruleOf(message: string): string {
  return message.replace(/, got [\s\S]*$/, '');
}

function badValueNotice(key: string, rule: string, raw: string, fallback: SettingValue, preset: PresetName): UrlNotice {
  return {
    kind: 'error',
    setting: key,
    text: `The link sets ${key} to ${quoteFromLink(raw)}, but ${rule}. Using the ${PRESET_LABELS[preset]} preset's value, ${settingText(fallback)}.`,
  };
}

interface Override {
  readonly key: SettingKey;
  readonly raw: string;
  readonly value: SettingValue;
}

/** Applies a link's settings to the preset, dropping (with a notice) each one checkConfig rejects. */
function applySettings(preset: PresetName, overrides: readonly Override[], trainImages: number, notices: UrlNotice[]): ExperimentConfig {
  const base = presetConfig(preset);
  let kept = [...overrides];
  const build = () => kept.reduce((c, o) => writeSetting(c, o.key, o.value), base);
  for (let round = 0; round <= overrides.length; round++) {
    const config = build();
    const problem = configProblem(config, trainImages);
    if (problem === null) return config;
    const culprit = kept.find((o) => o.key.key === problem.setting);
    if (culprit === undefined) {
      // A rule between settings (e.g. the split sizes together exceed the images shipped) that no single
      // value of the link breaks on its own: keep the preset whole rather than guess which one to drop.
      notices.push({
        kind: 'error',
        setting: problem.setting,
        text: `The link's settings do not fit together: ${ruleOf(problem.message)}. Using the ${PRESET_LABELS[preset]} preset as it is.`,
      });
      return base;
    }
    notices.push(badValueNotice(culprit.key.key, ruleOf(problem.message), culprit.raw, readSetting(base, culprit.key), preset));
    kept = kept.filter((o) => o !== culprit);
  }
  return base;
}

/** A rule for text of the wrong kind, in checkConfig's own words where it has some. */
function ruleForText(preset: PresetName, key: SettingKey, raw: string, trainImages: number): string {
  const problem = configProblem(writeSetting(presetConfig(preset), key, raw), trainImages);
  if (problem !== null && problem.setting === key.key) return ruleOf(problem.message);
  return key.kind === 'boolean' ? `${key.key} must be true or false` : key.kind === 'number' ? `${key.key} must be a number` : `${key.key} must be a word`;
}

/** Reads the page's setup from `location.search` and `location.hash`, with notices for what it could not use. */
export function parseUrl(search: string, hash: string, options: ParseOptions = {}): { state: UrlState; notices: UrlNotice[] } {
  const trainImages = options.trainImages ?? 20_000;
  const params = new URLSearchParams(search);
  const notices: UrlNotice[] = [];

  const presetText = params.get('preset');
  let preset = DEFAULT_PRESET;
  if (presetText !== null && isPreset(presetText)) preset = presetText;
  else if (presetText !== null) {
    notices.push({
      kind: 'error', setting: 'preset',
      text: `The link asks for the preset ${quoteFromLink(presetText)}, but the presets are lecture, quick and smoke (shown as Tiny). Using Quick.`,
    });
  }

  const overrides: Override[] = [];
  const unknown: string[] = [];
  for (const [name, raw] of params) {
    if (PAGE_KEYS.has(name)) continue;
    const key = settingKey(name);
    if (key === undefined) {
      unknown.push(name);
      continue;
    }
    const value = parseSettingText(key.kind, raw);
    if (value === undefined) {
      notices.push(badValueNotice(key.key, ruleForText(preset, key, raw, trainImages), raw, readSetting(presetConfig(preset), key), preset));
      continue;
    }
    // A key given twice: the later one wins, as in most query-string readers.
    const earlier = overrides.findIndex((o) => o.key === key);
    if (earlier >= 0) overrides.splice(earlier, 1);
    overrides.push({ key, raw, value });
  }
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 4).map(quoteFromLink).join(', ');
    notices.push({ kind: 'info', text: `This link has settings the lab does not know, ignored: ${shown}${unknown.length > 4 ? ` and ${unknown.length - 4} more` : ''}.` });
  }
  let config = applySettings(preset, overrides, trainImages, notices);
  const custom = changedSettings(config, preset).some(([k]) => !KEPT_BY_PRESETS.has(k.key));
  config = { ...config, preset: custom ? 'custom' : preset };

  const modeText = params.get('mode');
  const mode: ViewMode = modeText === 'lecture' || modeText === 'speaker' ? modeText : 'study';
  if (modeText !== null && modeText !== 'lecture' && modeText !== 'speaker' && modeText !== 'study') {
    notices.push({ kind: 'error', setting: 'mode', text: `The link asks for the mode ${quoteFromLink(modeText)}; the modes are study, lecture and speaker. Showing the self-study page.` });
  }

  let slide: number | null = null;
  const slideText = params.get('slide');
  if (slideText !== null) {
    const n = /^\d{1,4}$/.test(slideText) ? Number(slideText) : NaN;
    const max = options.slideCount ?? 9999;
    if (n >= 1 && n <= max) slide = n;
    else notices.push({ kind: 'error', setting: 'slide', text: `The link asks for slide ${quoteFromLink(slideText)}; slides go from 1 to ${max}. Starting at slide 1.` });
  }

  let step: LessonId | null = null;
  const stepText = hash.replace(/^#/, '') || params.get('step');
  if (stepText) {
    if (isLessonId(stepText)) step = stepText;
    else notices.push({ kind: 'info', setting: 'step', text: `The link points at a step called ${quoteFromLink(stepText)}; the steps are ${LESSON_IDS.join(', ')}. Starting at the top.` });
  }

  const backendText = params.get('backend');
  const backend = backendFromLink(backendText);
  if (backendText !== null && backend !== backendText) {
    notices.push({ kind: 'error', setting: 'backend', text: `The link asks for the backend ${quoteFromLink(backendText)}; the choices are webgpu, webgl, wasm and cpu. Picking one automatically.` });
  }
  const webglText = params.get('webgl');
  if (webglText !== null && webglText !== 'off' && webglText !== 'on') {
    notices.push({ kind: 'info', setting: 'webgl', text: `The link sets webgl to ${quoteFromLink(webglText)}; only "off" changes anything. WebGL stays allowed.` });
  }

  const probeText = params.get('probe');
  if (probeText !== null && probeText !== 'off' && probeText !== 'on') {
    notices.push({ kind: 'info', setting: 'probe', text: `The link sets probe to ${quoteFromLink(probeText)}; only "off" changes anything. Pretext runs keep their live digit probe.` });
  }

  return { state: { config, mode, step, slide, backend, webglOff: webglText === 'off', probeOff: probeText === 'off' }, notices };
}

/**
 * The preset a setup is best described against: its own, or for a custom setup the preset it differs from
 * in the fewest settings, so the link stays short.
 */
export function basePreset(config: ExperimentConfig): PresetName {
  if (config.preset !== 'custom') return config.preset;
  let best: PresetName = DEFAULT_PRESET;
  let fewest = Infinity;
  for (const name of PRESET_ORDER) {
    const n = changedSettings(config, name).length;
    if (n < fewest) [best, fewest] = [name, n];
  }
  return best;
}

/**
 * The link's query and hash for a setup, e.g. `?preset=quick&seed=3&scaling=unit&pretext.epochs=5#pretext`.
 * The preset and seed are always written, even at their defaults, so a link still means the same setup if a
 * later version of the lab changes what it starts with.
 */
export function serialiseUrl(state: UrlState): string {
  const preset = basePreset(state.config);
  const params = new URLSearchParams();
  params.set('preset', preset);
  params.set('seed', String(state.config.seed));
  for (const [key, value] of changedSettings(state.config, preset)) {
    if (key.key !== 'seed') params.set(key.key, settingText(value));
  }
  if (state.mode !== 'study') {
    params.set('mode', state.mode);
    if (state.slide !== null) params.set('slide', String(state.slide));
  }
  if (state.backend !== 'auto') params.set('backend', state.backend);
  if (state.webglOff) params.set('webgl', 'off');
  if (state.probeOff) params.set('probe', 'off');
  const hash = state.mode === 'study' && state.step !== null && state.step !== 'intro' ? `#${state.step}` : '';
  return `?${params.toString()}${hash}`;
}

/**
 * The notices of one link, fitted to the page's message list, which keeps only the latest few: up to `max`
 * stay as they are; more (a link mangled everywhere at once) become one error that still names every problem,
 * so none is silently dropped.
 */
export function fitNotices(notices: readonly UrlNotice[], max = 4): UrlNotice[] {
  if (notices.length <= max) return [...notices];
  return [{
    kind: 'error',
    text: `This link has ${notices.length} problems; the lab used its own values for each: ${notices.map((n) => n.text).join(' ')}`,
  }];
}
