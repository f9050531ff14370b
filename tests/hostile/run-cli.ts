/**
 * The CLI two ways, shared by cli.test.ts (what comes out, `npm test`) and cli.perf.test.ts (how
 * long, and within what heap, `npm run test:perf`):
 * - {@link inspect}: the built bin run as a user runs it, in a child process under the heap a
 *   small machine gives Node (issue 14);
 * - {@link runInProcess}: runCli (src/cli/main.ts) with the real file reader and captured output,
 *   which is what the bin's entry.ts wires to the process. It costs no Node start-up and no bundle
 *   load per case (issue 15: the unit suite on a busy 2-core machine).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { readRegularFile } from '../../src/cli/read-regular-file';
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

/** runCli as entry.ts runs it, in this process: exit code and what it wrote (`signal` is always null). */
export async function runInProcess(args: string[]): Promise<CliResult> {
  const started = performance.now();
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: readRegularFile,
    isPath: (path) => existsSync(path),
  });
  return { code, signal: null, stdout, stderr, ms: performance.now() - started };
}

/** Builds the bin from the current sources, so no test runs a stale bundle. */
export function buildCli(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
}
