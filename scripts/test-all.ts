/**
 * `npm test`: the type-check, the unit tests and the end-to-end tests, in one command.
 *
 * The type-check and the build the end-to-end tests drive run *beside* Vitest instead of before and after it:
 * each of them is mostly one thread, and Vitest leaves part of the second core idle while its slowest files
 * finish. On this 2-core machine the type-check took 10 s, the build 6 s and Vitest 60 s one after another; side
 * by side the three take about 72 s. Their output is held back and shown only if they fail, so Vitest's report
 * stays readable. The build is stamped with a token that only this run knows (e2e/built-app.ts), so Playwright's
 * web server serves it instead of building again, and never serves a build left over from another run.
 * Last, the same build is walked through in Firefox and in WebKit (e2e/browsers/run.ts), about a minute more.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { build, BUILD_TOKEN_ENV, stampBuild } from '../e2e/built-app';

interface Finished {
  readonly code: number;
  readonly output: string;
}

/** Runs a command; `quiet` collects its output instead of printing it. */
function run(command: string, args: readonly string[], quiet: boolean, env: NodeJS.ProcessEnv = process.env): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (err) => resolve({ code: 1, output: err.message }));
  });
}

/** Prints a failed step's held-back output and ends the run with its code. */
function failWith(step: string, finished: Finished): never {
  process.stderr.write(`\n${finished.output}\nnpm test: ${step} failed.\n`);
  process.exit(finished.code || 1);
}

const token = randomUUID();
const typecheck = run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], true);
const built = build().then(
  async () => { await stampBuild(token); return { code: 0, output: '' }; },
  (err: unknown) => ({ code: 1, output: err instanceof Error ? err.message : String(err) }),
);
const unit = await run('npx', ['vitest', 'run'], false);

// Both awaited before any exit, so a failure never leaves the other running on its own.
const [checked, app] = await Promise.all([typecheck, built]);
if (checked.code !== 0) failWith('the type-check (tsc)', checked);
if (unit.code !== 0) process.exit(unit.code);
if (app.code !== 0) failWith('the build for the end-to-end tests', app);

const withBuild = { ...process.env, [BUILD_TOKEN_ENV]: token };
const e2e = await run('npx', ['playwright', 'test', ...process.argv.slice(2)], false, withBuild);
// Firefox and WebKit walk the same build after Chromium's suite, even when it failed: a red engine is worth
// knowing about on its own. (Arguments name Playwright specs, so a run narrowed to some specs skips this.)
if (process.argv.length > 2) process.exit(e2e.code);
const browsers = await run('node', ['--import', 'tsx', 'e2e/browsers/run.ts'], false, withBuild);
process.exit(e2e.code || browsers.code);
