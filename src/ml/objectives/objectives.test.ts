/**
 * Objectives are plug-ins: each one's behaviour lives in its folder, behind the two registries. These check
 * that the page-safe half agrees with the tensors for every task, and that no code outside the folders asks
 * which kind an objective is (the rule that made adding contrastive learning touch a dozen files).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TASK_IDS, taskById } from '../tasks/registry';
import { objectiveTraits } from './registry';

/** Every .ts and .tsx file under `dir`, tests excluded. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('objectives', () => {
  it('are asked, never switched on: no code outside src/ml/objectives/ reads an objective\'s kind', () => {
    const offenders = [...sources('src'), ...sources('scripts')]
      .filter((path) => !path.startsWith(join('src', 'ml', 'objectives')))
      .filter((path) => /objective\??\.kind\b/.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('give every task a score name, loss words and a group size that fits its examples per image', () => {
    for (const id of TASK_IDS) {
      const task = taskById(id);
      const traits = objectiveTraits(task.objective);
      expect(traits.scoreName.length, id).toBeGreaterThan(0);
      expect(traits.lossWords.length, id).toBeGreaterThan(0);
      expect(task.examplesPerImage % traits.groupSize, id).toBe(0);
      expect(traits.evaluationBatch(64) % traits.groupSize, id).toBe(0);
    }
  });
});
