import { describe, expect, it } from 'vitest';
import { presetConfig, type ExperimentConfig } from '../ml/config/presets';
import { LESSON_IDS, isLessonId } from '../lessons/registry';
import { basePreset, fitNotices, parseUrl, quoteFromLink, serialiseUrl, type UrlState } from './url-state';
import { SETTING_KEYS, parseSettingText } from './setting-keys';

function state(config: ExperimentConfig, extra: Partial<UrlState> = {}): UrlState {
  return { config, mode: 'study', step: null, slide: null, backend: 'auto', webglOff: false, probeOff: false, ...extra };
}

/** Splits "?a=b#c" the way the browser splits location into search and hash. */
function reparse(url: string, slideCount = 14) {
  const hashAt = url.indexOf('#');
  const search = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  return parseUrl(search, hash, { slideCount });
}

describe('setting keys', () => {
  it('lists every leaf setting of the config and nothing else', () => {
    const keys = SETTING_KEYS.map((k) => k.key);
    expect(keys).toContain('seed');
    expect(keys).toContain('task');
    expect(keys).toContain('pretext.epochs');
    expect(keys).toContain('supervised.patience');
    expect(keys).toContain('splits.testSet');
    expect(keys).not.toContain('preset');
    expect(keys).toHaveLength(28);
  });

  it('reads text strictly', () => {
    expect(parseSettingText('number', '0.001')).toBe(0.001);
    expect(parseSettingText('number', '1e-4')).toBe(0.0001);
    expect(parseSettingText('number', 'none')).toBeNull();
    expect(parseSettingText('number', '')).toBeUndefined();
    expect(parseSettingText('number', '0x10')).toBeUndefined();
    expect(parseSettingText('number', 'Infinity')).toBeUndefined();
    expect(parseSettingText('boolean', '1')).toBeUndefined();
    expect(parseSettingText('word', '<script>')).toBeUndefined();
  });
});

describe('serialiseUrl', () => {
  it('writes the preset, the seed and only what differs from the preset', () => {
    const config: ExperimentConfig = { ...presetConfig('quick'), preset: 'custom', seed: 3, scaling: 'unit', pretext: { ...presetConfig('quick').pretext, epochs: 5 } };
    expect(serialiseUrl(state(config, { step: 'pretext' }))).toBe('?preset=quick&seed=3&scaling=unit&pretext.epochs=5#pretext');
  });

  it('keeps a plain preset link short, and leaves the top of the page without a hash', () => {
    expect(serialiseUrl(state(presetConfig('smoke'), { step: 'intro' }))).toBe('?preset=smoke&seed=1');
  });

  it('describes a custom setup against the preset it is closest to', () => {
    const smoke = presetConfig('smoke');
    const config: ExperimentConfig = { ...smoke, preset: 'custom', supervised: { ...smoke.supervised, epochs: 4 } };
    expect(basePreset(config)).toBe('smoke');
    expect(serialiseUrl(state(config))).toBe('?preset=smoke&seed=1&supervised.epochs=4');
  });

  it('writes lecture mode with its slide and keeps the backend switches', () => {
    const url = serialiseUrl(state(presetConfig('quick'), { mode: 'lecture', slide: 3, step: 'pretext', backend: 'wasm', webglOff: true }));
    expect(url).toBe('?preset=quick&seed=1&mode=lecture&slide=3&backend=wasm&webgl=off');
  });

  it('writes "none" for no early stopping', () => {
    const quick = presetConfig('quick');
    const config: ExperimentConfig = { ...quick, preset: 'custom', downstream: { ...quick.downstream, patience: null } };
    expect(serialiseUrl(state(config))).toBe('?preset=quick&seed=1&downstream.patience=none');
  });
});

describe('round trips', () => {
  const quick = presetConfig('quick');
  const cases: [string, UrlState][] = [
    ['a preset', state(presetConfig('lecture'))],
    ['a seed on a preset', state({ ...presetConfig('smoke'), seed: 7 }, { step: 'compare' })],
    ['custom settings', state({ ...quick, preset: 'custom', scaling: 'unit', rotationOrder: 'grouped', splits: { ...quick.splits, labelledCount: 100, testSet: 'full' }, downstream: { ...quick.downstream, learningRate: 0.0005, shuffle: false, patience: null } })],
    ['lecture mode', state(quick, { mode: 'lecture', slide: 12 })],
    ['a backend', state(quick, { backend: 'cpu', webglOff: true, step: 'draw' })],
  ];
  for (const [name, original] of cases) {
    it(`${name} survives serialise then parse`, () => {
      const { state: back, notices } = reparse(serialiseUrl(original));
      expect(notices).toEqual([]);
      expect(back).toEqual(original);
    });
  }

  it('every lesson id survives as a hash and as ?step=', () => {
    for (const id of LESSON_IDS) {
      expect(reparse(`?preset=quick#${id}`).state.step).toBe(id);
      expect(reparse(`?step=${id}`).state.step).toBe(id);
    }
  });
});

describe('parseUrl', () => {
  it('reads the shared link of the lesson', () => {
    const { state: s, notices } = reparse('?preset=smoke&seed=7&pretext.epochs=2#pretext');
    expect(notices).toEqual([]);
    expect(s.step).toBe('pretext');
    expect(s.config.seed).toBe(7);
    expect(s.config.pretext.epochs).toBe(2);
    expect(s.config.splits.pretextCount).toBe(2_000);
    expect(s.config.preset).toBe('custom');
  });

  it('defaults to the Quick preset on the self-study page', () => {
    const { state: s, notices } = reparse('');
    expect(notices).toEqual([]);
    expect(s).toEqual(state(presetConfig('quick')));
  });

  it('rejects a seed out of range, naming it and its range, and keeps the default', () => {
    const { state: s, notices } = reparse('?seed=-5');
    expect(s.config.seed).toBe(1);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'error', setting: 'seed' });
    expect(notices[0].text).toContain('seed must be a whole number from 0 to 2147483647');
    expect(notices[0].text).toContain('“-5”');
  });

  it('rejects script-like text without repeating it', () => {
    const { state: s, notices } = reparse(`?preset=smoke&pretext.batchSize=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(s.config.pretext.batchSize).toBe(192);
    expect(s.config.preset).toBe('smoke');
    expect(notices).toHaveLength(1);
    expect(notices[0].setting).toBe('pretext.batchSize');
    expect(notices[0].text).toContain('pretext.batchSize must be a whole number from 1 to 8192');
    expect(notices[0].text).not.toMatch(/<|script/i);
  });

  it('rejects wrong kinds: a word for a number, a number for a choice, 1 for true', () => {
    const { state: s, notices } = reparse('?pretext.learningRate=fast&scaling=5&pretext.shuffle=1');
    expect(s.config).toEqual(presetConfig('quick'));
    expect(notices.map((n) => n.setting)).toEqual(['pretext.learningRate', 'scaling', 'pretext.shuffle']);
    expect(notices[1].text).toContain('scaling must be one of "raw", "unit"');
    expect(notices[2].text).toContain('must be true or false');
  });

  it('keeps the good settings of a link when one is bad', () => {
    const { state: s, notices } = reparse('?preset=smoke&seed=4&pretext.epochs=0&supervised.epochs=5');
    expect(s.config.seed).toBe(4);
    expect(s.config.pretext.epochs).toBe(1);
    expect(s.config.supervised.epochs).toBe(5);
    expect(notices.map((n) => n.setting)).toEqual(['pretext.epochs']);
    expect(notices[0].text).toContain('from 1 to 1000');
  });

  it('falls back to the whole preset when settings only fail together', () => {
    // 19,999 pretext images is a fine number alone, but leaves 1 of the 20,000 for the 1,000 labelled ones.
    const { state: s, notices } = reparse('?seed=5&splits.pretextCount=19999');
    expect(s.config).toEqual(presetConfig('quick'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'error', setting: 'splits.labelledCount' });
    expect(notices[0].text).toContain('do not fit together');
  });

  it('reports an unknown preset and uses Quick', () => {
    const { state: s, notices } = reparse('?preset=huge');
    expect(s.config).toEqual(presetConfig('quick'));
    expect(notices[0]).toMatchObject({ kind: 'error', setting: 'preset' });
    expect(notices[0].text).toContain('lecture, quick and smoke');
  });

  it('ignores unknown keys with one notice, even hostile ones', () => {
    const { state: s, notices } = reparse('?__proto__.polluted=1&constructor=x&colour=red');
    expect(s.config).toEqual(presetConfig('quick'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(notices).toHaveLength(1);
    expect(notices[0].kind).toBe('info');
    expect(notices[0].text).toContain('“colour”');
  });

  it('checks the page keys too', () => {
    const { state: s, notices } = reparse('?mode=slideshow&slide=99&backend=gpu&webgl=maybe&probe=never#nowhere');
    expect(s).toMatchObject({ mode: 'study', slide: null, step: null, backend: 'auto', webglOff: false, probeOff: false });
    expect(notices.map((n) => n.setting)).toEqual(['mode', 'slide', 'step', 'backend', 'webgl', 'probe']);
  });

  it('keeps ?backend= and ?webgl=off working', () => {
    expect(reparse('?backend=wasm&webgl=off').state).toMatchObject({ backend: 'wasm', webglOff: true });
    expect(reparse('?backend=webgpu').state).toMatchObject({ backend: 'webgpu' });
    expect(serialiseUrl(state(presetConfig('quick'), { backend: 'webgpu' }))).toContain('backend=webgpu');
  });

  it('keeps ?probe=off, which trains pretext runs without the live digit probe', () => {
    expect(reparse('?preset=smoke&probe=off').state).toMatchObject({ probeOff: true });
    expect(reparse('?preset=smoke&probe=on').state).toMatchObject({ probeOff: false });
    expect(serialiseUrl(state(presetConfig('smoke'), { probeOff: true }))).toBe('?preset=smoke&seed=1&probe=off');
  });

  it('reads lecture mode and its slide', () => {
    expect(reparse('?mode=lecture&slide=4').state).toMatchObject({ mode: 'lecture', slide: 4 });
  });

  it('reads and writes the speaker view with its slide, and takes `embed` as a page key, not an unknown setting', () => {
    expect(reparse('?mode=speaker&slide=4').state).toMatchObject({ mode: 'speaker', slide: 4 });
    expect(serialiseUrl(state(presetConfig('smoke'), { mode: 'speaker', slide: 5 }))).toBe('?preset=smoke&seed=1&mode=speaker&slide=5');
    expect(reparse('?embed=pretext').notices).toEqual([]);
  });
});

describe('quoteFromLink', () => {
  it('echoes plain values and describes the rest', () => {
    expect(quoteFromLink('-5')).toBe('“-5”');
    expect(quoteFromLink('"><img src=x onerror=alert(1)>')).toBe('text that is not a setting value');
    expect(quoteFromLink('a'.repeat(100))).toBe('text that is not a setting value');
  });
});

describe('a link malformed everywhere at once', () => {
  it('names every problem in one message rather than letting the message list drop some', () => {
    const { state, notices } = parseUrl('?preset=huge&seed=abc&pretext.epochs=-1&pretext.batchSize=x&scaling=cm&backend=tpu&mode=party&slide=0&webgl=maybe&colour=red', '#nowhere', { slideCount: 15 });
    expect(notices.length).toBeGreaterThan(4);
    const fitted = fitNotices(notices);
    expect(fitted).toHaveLength(1);
    expect(fitted[0].kind).toBe('error');
    for (const word of ['preset', 'seed', 'pretext.epochs', 'pretext.batchSize', 'scaling', 'backend', 'mode', 'slide', 'webgl', 'colour', 'nowhere']) {
      expect(fitted[0].text).toContain(word);
    }
    // And nothing from it was used: the defaults are.
    expect(state.config.seed).toBe(1);
    expect(state.backend).toBe('auto');
    expect(state.mode).toBe('study');
    expect(fitNotices(notices.slice(0, 3))).toEqual(notices.slice(0, 3));
  });
});

describe('the URL parser and the registry', () => {
  it('accepts exactly the registry’s ids as a step', () => {
    for (const id of LESSON_IDS) {
      expect(isLessonId(id)).toBe(true);
      expect(parseUrl('', `#${id}`).state.step).toBe(id);
      expect(parseUrl(`?step=${id}`, '').state.step).toBe(id);
    }
    for (const other of ['Pretext', 'step4', 'slides', 'toString', '4']) {
      expect(isLessonId(other)).toBe(false);
      const { state, notices } = parseUrl('', `#${other}`);
      expect(state.step).toBeNull();
      expect(notices.map((n) => n.setting)).toContain('step');
    }
  });

  it('lists the registry’s ids when a link names an unknown step', () => {
    const { notices } = parseUrl('', '#nowhere');
    expect(notices.find((n) => n.setting === 'step')?.text).toContain(LESSON_IDS.join(', '));
  });
});
