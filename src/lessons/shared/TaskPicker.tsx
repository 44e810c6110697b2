/**
 * Choosing the pretext task: one radio button per task in the registry, with the question it asks. The
 * choice is a setting like any other (it travels in the link as `task=`), and every panel follows it.
 */
import { useLab, setConfig, getState } from '../../state/store';
import { anyActive } from '../../state/lab-state';
import { TASK_IDS, taskById, type TaskId } from '../../ml/tasks/registry';
import { lecturePlace } from '../../ml/tasks/lecture-place';

function choose(task: TaskId): void {
  setConfig({ ...getState().config, task });
}

/** The task chooser. `name` keeps two pickers on one page from sharing a radio group. */
export function TaskPicker({ name }: { readonly name: string }) {
  const task = useLab((s) => s.config.task);
  const busy = useLab(anyActive);
  return (
    <fieldset className="choice task-picker">
      <legend>Pretext task</legend>
      {TASK_IDS.map((id) => {
        const t = taskById(id);
        return (
          <label key={id}>
            <input type="radio" name={name} value={id} checked={task === id} disabled={busy} onChange={() => choose(id)} />{' '}
            <strong>{t.title}</strong> <span className="hint">({lecturePlace(t)}) {t.question}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
