/**
 * The layer table of docs/architecture.md, enforced. The test reads the table itself (so the document and the
 * rule cannot drift apart), gives every file under src/ its layer, and fails on an import the table does not
 * allow or on any import cycle, naming the chain. Every kind of import counts: `import type` too (a type-only
 * cycle still ties two files together for whoever reads or moves them), `export ... from`, `import()` and
 * `typeof import()`. Tests are held to the same table.
 *
 * Written with the TypeScript parser the project already has rather than dependency-cruiser or madge: the
 * rules stay in the document a student reads, not in a second configuration language, and parsing every file
 * takes about a second.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles, type Edge } from './source-imports';

/** One row of the table. */
interface Layer {
  readonly name: string;
  /** Path patterns: `src/ml/` (a folder), `src/main.tsx` (a file), `*` within a name, `<id>` for one folder each. */
  readonly patterns: readonly string[];
  /** Layers this one may import, by name. */
  readonly imports: ReadonlySet<string>;
  /** Layers this one may load only with a dynamic `import()` (code that is not part of the first load). */
  readonly loads: ReadonlySet<string>;
}

/**
 * Reads the table whose header starts `| Layer | Files |`: each row's name, file patterns and the layers it may
 * import (backticked names in the last cell; "every row above" for all the rows before it).
 */
function parseLayerTable(markdown: string): Layer[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^\|\s*Layer\s*\|\s*Files\s*\|/.test(l));
  if (start < 0) throw new Error('docs/architecture.md has no table headed "| Layer | Files | ... | May import |".');
  const layers: Layer[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    const [name] = ticked(cells[0]);
    const last = cells[cells.length - 1];
    // "every row above": every layer listed before this one, i.e. everything beneath it.
    const allowed = /every row above/i.test(last) ? [...layers.map((l) => l.name), ...ticked(last)] : ticked(last);
    layers.push({
      name,
      patterns: ticked(cells[1]),
      imports: new Set(allowed.filter((a) => !a.startsWith('import('))),
      loads: new Set(allowed.filter((a) => a.startsWith('import(')).map((a) => a.slice('import('.length, -1))),
    });
  }
  return layers;
}

/** How a pattern matches a path: null, or how specific the match is and which `<id>` folder it fell in. */
function match(pattern: string, path: string): { readonly literal: number; readonly group: string } | null {
  const source = pattern
    .split(/(<id>|\*)/)
    .map((part) => (part === '<id>' ? '([^/]+)' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const m = new RegExp(`^${source}${pattern.endsWith('/') ? '' : '$'}`).exec(path);
  return m === null ? null : { literal: pattern.replace(/<id>|\*/g, '').length, group: m[1] ?? '' };
}

/** The layer a file belongs to (the most specific pattern wins), and its `<id>` folder where the layer has them. */
function layerOf(layers: readonly Layer[], path: string): { readonly layer: Layer; readonly group: string } | null {
  let best: { layer: Layer; group: string; literal: number } | null = null;
  for (const layer of layers) {
    for (const pattern of layer.patterns) {
      const m = match(pattern, path);
      if (m !== null && (best === null || m.literal > best.literal)) best = { layer, group: m.group, literal: m.literal };
    }
  }
  return best;
}

/** Every import the layer table forbids, worded with the two files and the two layers. */
function layerViolations(layers: readonly Layer[], edges: readonly Edge[]): string[] {
  const problems: string[] = [];
  for (const { from, to, dynamic } of edges) {
    const a = layerOf(layers, from);
    const b = layerOf(layers, to);
    if (a === null || b === null) continue;
    const ok = a.layer === b.layer ? a.group === b.group : a.layer.imports.has(b.layer.name) || (dynamic && a.layer.loads.has(b.layer.name));
    if (!ok) {
      const why = a.layer === b.layer ? `two different folders of \`${a.layer.name}\`` : `\`${a.layer.name}\` may not import \`${b.layer.name}\``;
      problems.push(`${from} -> ${to} (${why}${!dynamic && a.layer.loads.has(b.layer.name) ? ' except with import()' : ''})`);
    }
  }
  return problems;
}

/** One chain per import cycle (each strongly connected group of files), written `a -> b -> ... -> a`. */
function importCycles(edges: readonly Edge[]): string[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  // Tarjan's algorithm, iteratively, so a deep chain cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  for (const root of next.keys()) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    while (work.length > 0) {
      const top = work[work.length - 1];
      const [v, i] = top;
      if (i === 0) {
        index.set(v, index.size);
        low.set(v, index.get(v) as number);
        stack.push(v);
        onStack.add(v);
      }
      const targets = next.get(v) ?? [];
      if (i < targets.length) {
        top[1] = i + 1;
        const w = targets[i];
        if (!index.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent) as number, low.get(v) as number));
      }
      if (low.get(v) === index.get(v)) {
        const group: string[] = [];
        let w: string;
        do {
          w = stack.pop() as string;
          onStack.delete(w);
          group.push(w);
        } while (w !== v);
        if (group.length > 1 || targets.includes(v)) groups.push(group);
      }
    }
  }
  // Name one concrete loop through each group: a breadth-first path from its first file back to it.
  return groups.map((group) => {
    const members = new Set(group);
    const start = [...group].sort()[0];
    const parent = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const at = queue.shift() as string;
      for (const to of next.get(at) ?? []) {
        if (!members.has(to)) continue;
        if (to === start) {
          const chain = [start];
          for (let back: string | undefined = at; back !== undefined && back !== start; back = parent.get(back)) chain.splice(1, 0, back);
          return [...chain, start].join(' -> ');
        }
        if (!parent.has(to)) {
          parent.set(to, at);
          queue.push(to);
        }
      }
    }
    return group.join(' -> ');
  });
}

/**
 * The folders a file outside them enters only through their `index.ts`: what makes the lab fast (kernels,
 * typed-array trainers) behind a small door, so the learning code a student reads never depends on how.
 */
const DOORS = ['src/ml/speed/kernels/', 'src/ml/speed/head/'];

/** Imports that reach into a door's folder past its `index.ts`, from a file outside the folder. */
function doorViolations(doors: readonly string[], edges: readonly Edge[]): string[] {
  return edges
    .filter(({ from, to }) => doors.some((door) => to.startsWith(door) && !from.startsWith(door) && to !== `${door}index.ts`))
    .map(({ from, to }) => `${from} -> ${to} (enter ${doors.find((door) => to.startsWith(door))} by its index.ts)`);
}

const LAYERS = parseLayerTable(readFileSync('docs/architecture.md', 'utf8'));
const FILES = sourceFiles('src');
const EDGES = FILES.flatMap(importsOf);

describe('the layers of docs/architecture.md', () => {
  it('reads a table with its layers named, each with files', () => {
    expect(LAYERS.length).toBeGreaterThan(5);
    for (const layer of LAYERS) expect(layer.patterns.length, `layer ${layer.name}`).toBeGreaterThan(0);
    const names = new Set(LAYERS.map((l) => l.name));
    for (const layer of LAYERS) for (const other of [...layer.imports, ...layer.loads]) expect(names, `${layer.name} names ${other}`).toContain(other);
  });

  it('places every file under src/ in a layer', () => {
    expect(FILES.filter((f) => layerOf(LAYERS, f) === null).map((f) => relative('.', f))).toEqual([]);
  });

  it('are kept: no import the table does not allow', () => {
    expect(layerViolations(LAYERS, EDGES)).toEqual([]);
  });

  it('leave no import cycle of any kind, type-only ones included', () => {
    expect(importCycles(EDGES)).toEqual([]);
  });

  it('enter the speed folders only by their doors', () => {
    for (const door of DOORS) expect(FILES, door).toContain(`${door}index.ts`);
    expect(doorViolations(DOORS, EDGES)).toEqual([]);
  });
});

describe('the rule checker', () => {
  const layers = parseLayerTable([
    '| Layer | Files | What | May import |',
    '|---|---|---|---|',
    '| `base` | `src/base/` | the bottom | nothing |',
    '| `talk` | `src/base/talk.ts` | a file of its own | `base` |',
    '| `unit` | `src/units/<id>/` | folders that never import each other | `base`, `import(top)` |',
    '| `top` | `src/top/`, `src/main.tsx` | the top | `base`, `unit` |',
  ].join('\n'));

  it('would notice an import against the layers, and name it', () => {
    expect(layerViolations(layers, [
      { from: 'src/top/a.ts', to: 'src/units/x/b.ts', dynamic: false },
      { from: 'src/base/c.ts', to: 'src/top/a.ts', dynamic: false },
      { from: 'src/units/x/b.ts', to: 'src/units/y/d.ts', dynamic: false },
      { from: 'src/units/x/b.ts', to: 'src/units/x/e.ts', dynamic: false },
      { from: 'src/base/c.ts', to: 'src/base/talk.ts', dynamic: false },
      { from: 'src/units/x/b.ts', to: 'src/main.tsx', dynamic: false },
      { from: 'src/units/x/b.ts', to: 'src/top/a.ts', dynamic: true },
    ])).toEqual([
      'src/base/c.ts -> src/top/a.ts (`base` may not import `top`)',
      'src/units/x/b.ts -> src/units/y/d.ts (two different folders of `unit`)',
      'src/base/c.ts -> src/base/talk.ts (`base` may not import `talk`)',
      'src/units/x/b.ts -> src/main.tsx (`unit` may not import `top` except with import())',
    ]);
  });

  it('would notice a cycle, type-only or not, and name its chain', () => {
    expect(importCycles([
      { from: 'a.ts', to: 'b.ts', dynamic: false },
      { from: 'b.ts', to: 'c.ts', dynamic: false },
      { from: 'c.ts', to: 'a.ts', dynamic: false },
      { from: 'c.ts', to: 'd.ts', dynamic: false },
      { from: 'e.ts', to: 'e.ts', dynamic: false },
    ])).toEqual(['a.ts -> b.ts -> c.ts -> a.ts', 'e.ts -> e.ts']);
  });

  it('would notice a file reaching past a door, and name it', () => {
    expect(doorViolations(['src/fast/'], [
      { from: 'src/learn/a.ts', to: 'src/fast/index.ts', dynamic: false },
      { from: 'src/fast/index.ts', to: 'src/fast/kernel.ts', dynamic: false },
      { from: 'src/learn/a.ts', to: 'src/fast/kernel.ts', dynamic: false },
    ])).toEqual(['src/learn/a.ts -> src/fast/kernel.ts (enter src/fast/ by its index.ts)']);
  });

  it('reads type-only imports and import() calls as imports', () => {
    const edges = importsOf('src/client/client.ts');
    expect(edges).toContainEqual({ from: 'src/client/client.ts', to: 'src/runtime/messages.ts', dynamic: false });
    expect(edges).toContainEqual({ from: 'src/client/client.ts', to: 'src/runtime/engine.ts', dynamic: true });
  });
});
