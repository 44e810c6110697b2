/**
 * Settings: a preset (Lecture, Quick, Tiny), the seed, input scaling, and every number the steps use. Invalid
 * values are shown inline with the allowed range; training refuses to start until they are fixed.
 */
import { useEffect, useState } from 'react';
import { useLab, setConfig, choosePreset, configProblem } from '../../state/store';
import type { ExperimentConfig, PresetName } from '../../ml/config/presets';
import { trainImageCount } from '../../state/lab-state';
import { Panel } from '../kit/Panel';
import { GENERAL_FIELDS, STEP_FIELDS, type NumberField } from './fields';

const PRESETS: readonly { name: PresetName; label: string; text: string }[] = [
  { name: 'lecture', label: 'Lecture', text: 'the notebook’s exact protocol (50 pretext epochs: long on a CPU)' },
  { name: 'quick', label: 'Quick', text: 'the same, with 2 pretext epochs: a live demo in a few minutes' },
  { name: 'smoke', label: 'Tiny', text: '2,000 pretext images, 1 + 3 epochs: checks that everything runs; accuracies mean little' },
];

function NumberInput({ field, config, error }: { field: NumberField; config: ExperimentConfig; error: string | null }) {
  const value = field.read(config);
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const id = `setting-${field.setting.replace(/\./g, '-')}`;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={field.step}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = e.target.value.trim() === '' ? NaN : Number(e.target.value);
          setConfig(field.write(config, parsed));
        }}
      />
      {error && <span id={`${id}-error`} className="field-error" role="alert">{error}</span>}
    </div>
  );
}

/** The settings panel. */
export function SettingsPanel() {
  const config = useLab((s) => s.config);
  const trainImages = useLab(trainImageCount);
  const problem = configProblem(config, trainImages);
  const errorFor = (setting: string) => (problem && problem.setting === setting ? problem.message : null);
  return (
    <Panel id="settings" className="settings">
      <fieldset className="choice">
        <legend>Preset</legend>
        {PRESETS.map((p) => (
          <label key={p.name}>
            <input type="radio" name="preset" checked={config.preset === p.name} onChange={() => choosePreset(p.name)} />{' '}
            <strong>{p.label}</strong>: {p.text}
          </label>
        ))}
        {config.preset === 'custom' && <p className="hint">Custom settings (changed from a preset).</p>}
      </fieldset>
      <fieldset className="choice">
        <legend>Input pixels</legend>
        <label><input type="radio" name="scaling" checked={config.scaling === 'raw'} onChange={() => setConfig({ ...config, preset: 'custom', scaling: 'raw' })} /> raw 0–255, as the lecture</label>
        <label><input type="radio" name="scaling" checked={config.scaling === 'unit'} onChange={() => setConfig({ ...config, preset: 'custom', scaling: 'unit' })} /> divided by 255 (0–1)</label>
      </fieldset>
      <div className="field-grid">
        {GENERAL_FIELDS.map((f) => <NumberInput key={f.setting} field={f} config={config} error={errorFor(f.setting)} />)}
      </div>
      <details open={problem !== null && STEP_FIELDS.some((g) => g.fields.some((f) => f.setting === problem.setting))}>
        <summary>Training settings per step</summary>
        {STEP_FIELDS.map((group) => (
          <fieldset key={group.title} className="field-grid">
            <legend>{group.title}</legend>
            {group.fields.map((f) => <NumberInput key={f.setting} field={f} config={config} error={errorFor(f.setting)} />)}
          </fieldset>
        ))}
      </details>
      {problem && !GENERAL_FIELDS.concat(STEP_FIELDS.flatMap((g) => g.fields)).some((f) => f.setting === problem.setting) && (
        <p className="error" role="alert">{problem.message}</p>
      )}
    </Panel>
  );
}
