/**
 * How the import-rule tests read the source: which project file a relative import names, every import one file
 * makes, every file under a folder. Parsed with the TypeScript compiler the project already has, in Node only:
 * nothing in the app imports this file (the layer test and the first-load test do).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import ts from 'typescript';

/** One import: from a file, to a file, and whether it is a dynamic `import()` call. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly dynamic: boolean;
}

/** The project file a relative import names, as TypeScript and Vite resolve it, or null. */
export function resolveLocal(from: string, spec: string): string | null {
  const base = join(dirname(from), spec);
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    if (existsSync(base + ext) && statSync(base + ext).isFile()) return base + ext;
  }
  return null;
}

/** Every import of the project's own files in one source file, static or dynamic, type-only or not. */
export function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: { spec: string; dynamic: boolean }[] = [];
  const literal = (node: ts.Node | undefined) => (node !== undefined && ts.isStringLiteral(node) ? node.text : null);
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) {
      const spec = literal(statement.moduleSpecifier);
      if (spec !== null) found.push({ spec, dynamic: false });
    }
  }
  if (text.includes('import(')) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const spec = literal(node.arguments[0]);
        if (spec !== null) found.push({ spec, dynamic: true });
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        const spec = literal(node.argument.literal);
        if (spec !== null) found.push({ spec, dynamic: false });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const edges: Edge[] = [];
  for (const { spec, dynamic } of found) {
    const to = spec.startsWith('.') ? resolveLocal(file, spec) : null;
    if (to !== null) edges.push({ from: file.split(sep).join('/'), to: to.split(sep).join('/'), dynamic });
  }
  return edges;
}

/** Every TypeScript file under `dir`, with forward slashes. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path.split(sep).join('/')] : [];
  });
}
