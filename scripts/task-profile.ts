/**
 * Where a pretext training step's time goes, task by task (src/bench/task-profile.ts), in Node on the WASM backend
 * with Pretext Lab's kernels. Node runs WASM on one thread, so the milliseconds are one core's; the split between
 * kernels is what the browser's two threads divide.
 *
 *   npx tsx scripts/task-profile.ts                     # every task, the top kernels of each
 *   npx tsx scripts/task-profile.ts --task colorization # one task
 *
 * `npm run bench` runs it before the browser starts and writes it as `backends.wasm.tasks.<id>.kernels`.
 */
import { pathToFileURL } from 'node:url';
import { activateBackend } from '../src/ml/backends/activate';
import { presetConfig } from '../src/ml/config/presets';
import { loadMnistFromDisk } from '../src/ml/data/node-assets';
import { makeSplits } from '../src/ml/data/splits';
import { TASK_IDS, type TaskId } from '../src/ml/tasks/registry';
import { formatTaskProfile, profileTask, type TaskProfile } from '../src/bench/task-profile';

export { formatTaskProfile, type TaskProfile } from '../src/bench/task-profile';

/** Profiles every task (or those listed) on WASM in this Node process. */
export async function profileTasks(tasks: readonly TaskId[] = TASK_IDS): Promise<Record<string, TaskProfile>> {
  await activateBackend('wasm');
  const mnist = await loadMnistFromDisk();
  const splits = makeSplits(mnist, presetConfig('lecture').splits);
  // A few batches' worth of pretext images is all a profile needs; every task makes 4 examples per image.
  const images = { pretext: { ...splits.pretext, count: Math.min(splits.pretext.count, 960) } };
  const out: Record<string, TaskProfile> = {};
  // The first training steps in a process also compile kernels and grow the heap; a profile thrown away first
  // keeps that out of the first task's figures.
  await profileTask(tasks[0], images);
  for (const task of tasks) out[task] = await profileTask(task, images);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--task');
  const tasks = at >= 0 ? [process.argv[at + 1] as TaskId] : TASK_IDS;
  const profiles = await profileTasks(tasks);
  for (const p of Object.values(profiles)) console.log(formatTaskProfile(p).join('\n'));
}
