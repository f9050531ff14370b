/**
 * The built CLI run as a user runs it, in a child process under the heap a small machine gives
 * Node (issue 14): shared by cli.test.ts (what comes out) and cli.perf.test.ts (how long).
 */
import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './catalog';

export const BIN = join(ROOT, 'bin', 'cassette-viewer.mjs');
/** A V8 stack frame: "    at fn (file.js:12:34)". */
export const STACK_FRAME = /^\s*at .+:\d+:\d+\)?$/m;

export interface CliResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Issue 14: every hostile input ends within the heap a small machine gives Node. */
export const HEAP_FLAG = '--max-old-space-size=2048';

export function inspect(path: string, args: string[] = ['inspect', path, '--json']): Promise<CliResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [HEAP_FLAG, BIN, ...args],
      { cwd: ROOT, encoding: 'utf8', timeout: 90_000, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, signal: error?.signal ?? null, stdout, stderr, ms: performance.now() - started });
      },
    );
  });
}

/** Builds the bin from the current sources, so no test runs a stale bundle. */
export function buildCli(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
}
