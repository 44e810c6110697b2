/**
 * The page's first load carries no TensorFlow.js: every tensor lives in the worker, and the page only draws.
 * The first load is src/boot.ts (which starts the worker) and the page it then loads, src/main.tsx.
 * A single value import of a module that imports tfjs (it happened once, through a helper for the filters tab)
 * makes the built page preload ~780 KB of tfjs and parse it before the first panel appears. This walks the
 * page's static value imports from src/main.tsx, as the bundler does, and names the chain to any that reaches
 * a worker-only package. Type-only imports and dynamic import() calls are fine: neither is in the first load.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { resolveLocal } from './source-imports';

/** Packages only the worker may load (the main-thread fallback loads them with import()). */
const WORKER_ONLY = /^(@tensorflow\/|umap-js)/;

/** The worker's start-up must not reach the WebGL backend (loaded with import() when WebGL is tried) or the umbrella package that bundles it. */
const NOT_AT_START = /^@tensorflow\/(tfjs|tfjs-backend-webgl)$/;

/** The worker's first script, and the engine it loads with import() as soon as it has started the GPU probes. */
const WORKER_ENTRY = 'src/runtime/worker.ts';
const ENGINE = 'src/runtime/engine-worker.ts';

/** package.json "imports" (`#tf`), as the browser build resolves them (the "default" condition). */
const SUBPATH_IMPORTS = Object.fromEntries(
  Object.entries((JSON.parse(readFileSync('package.json', 'utf8')) as { imports: Record<string, { default: string }> }).imports)
    .map(([spec, conditions]) => [spec, join('.', conditions.default)]),
);

/** The modules a file imports for their values (not `import type`, not all-`type` named imports). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specs: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && clause.namedBindings !== undefined
        && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0
        && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) specs.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specs.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specs;
}

/** Every chain of static value imports from `entry` that ends in a package `packages` matches. */
function chainsTo(entry: string, packages: RegExp): string[] {
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  const found: string[] = [];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const spec of valueImports(file)) {
      const target = spec.startsWith('.') ? resolveLocal(file, spec) : (SUBPATH_IMPORTS[spec] ?? spec);
      if (target === null || parent.has(target)) continue;
      parent.set(target, file);
      if (packages.test(target)) {
        const chain = [target];
        for (let at = parent.get(target); at; at = parent.get(at)) chain.unshift(relative('.', at));
        found.push(chain.join(' -> '));
      } else if (target.startsWith('src') || target.startsWith('/')) {
        queue.push(target);
      }
    }
  }
  return found;
}

describe("the page's first load", () => {
  it('imports no tfjs and no umap-js (only the worker does)', () => {
    expect(chainsTo('src/boot.ts', WORKER_ONLY)).toEqual([]);
    expect(chainsTo('src/main.tsx', WORKER_ONLY)).toEqual([]);
  });

  it('starts the worker from a first script that carries no React (it must run before the page is evaluated)', () => {
    expect(chainsTo('src/boot.ts', /^react/)).toEqual([]);
    expect(chainsTo('src/main.tsx', /^react/)).not.toEqual([]);
  });

  it('would notice one (the walk finds the engine reaching tfjs)', () => {
    expect(chainsTo(ENGINE, WORKER_ONLY).some((c) => c.endsWith('@tensorflow/tfjs-core'))).toBe(true);
  });
});

describe("the worker's start", () => {
  it('runs a first script that carries no TensorFlow.js, so the GPU probes start before the engine downloads', () => {
    expect(chainsTo(WORKER_ENTRY, WORKER_ONLY)).toEqual([]);
  });

  it('loads no WebGL backend: only activateBackend imports it, when WebGL is tried', () => {
    expect(chainsTo(WORKER_ENTRY, NOT_AT_START)).toEqual([]);
    expect(chainsTo(ENGINE, NOT_AT_START)).toEqual([]);
  });

  it('would notice it (the walk follows #tf to tfjs-layers)', () => {
    expect(chainsTo(ENGINE, /^@tensorflow\/tfjs-layers$/)).not.toEqual([]);
  });
});
