/**
 * Choosing the instrument a recorded verdict is read with: the linear probe (the lab's default) or the lecture's
 * own head. The same trunks, measured twice; a student flips between them to see which conclusions survive a
 * better instrument and which were artefacts of the recipe.
 */
import type { LeaderboardHead } from '../../ml/experiment/leaderboard-types';

const WORDS: Record<LeaderboardHead, { readonly title: string; readonly hint: string }> = {
  probe: { title: 'Linear probe', hint: 'standardised features, penalty chosen by cross-validation on the labels, trained to convergence' },
  lecture: { title: "The lecture's head", hint: 'raw-scale features, SGD 0.001 with momentum, stops on training accuracy' },
};

/** Props of {@link InstrumentSwitch}. */
export interface InstrumentSwitchProps {
  /** Keeps two switches on one page from sharing a radio group. */
  readonly name: string;
  readonly value: LeaderboardHead;
  readonly onChange: (head: LeaderboardHead) => void;
}

/** Two radio buttons, probe first. */
export function InstrumentSwitch({ name, value, onChange }: InstrumentSwitchProps) {
  return (
    <fieldset className="choice instrument-switch">
      <legend>Read the frozen trunks with</legend>
      {(['probe', 'lecture'] as const).map((head) => (
        <label key={head}>
          <input type="radio" name={name} value={head} checked={value === head} onChange={() => onChange(head)} />{' '}
          <strong>{WORDS[head].title}</strong> <span className="hint">({WORDS[head].hint})</span>
        </label>
      ))}
    </fieldset>
  );
}
