/** A labelled drop-down of the models this lesson can look inside. */
import { useId } from 'react';
import type { Inspectable } from './useInspectable';

/** Props of {@link RunPicker}. */
export interface RunPickerProps {
  readonly label: string;
  readonly models: readonly Inspectable[];
  readonly value: string;
  readonly onChange: (id: string) => void;
}

/** The picker. */
export function RunPicker({ label, models, value, onChange }: RunPickerProps) {
  const id = useId();
  return (
    <span className="field inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {models.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
      </select>
    </span>
  );
}
