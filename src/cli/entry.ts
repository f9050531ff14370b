/**
 * The process side of the CLI, bundled to dist-cli/cassette-viewer.mjs by scripts/build-cli.mjs and
 * started by bin/cassette-viewer.mjs. It connects runCli to the real stdout, stderr and file
 * system, and makes sure nothing ever ends as a Node stack trace (issue 8): a closed pipe
 * (`inspect … | head`) ends quietly, and any error that escapes is printed as one line.
 */
import { existsSync } from 'node:fs';
import { oneLine, type CliIo } from './cli-io';
import { runCli } from './main';
import { readRegularFile } from './read-regular-file';

function lastResort(error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  try {
    process.stderr.write(`cassette-viewer: internal error: ${oneLine(message, 300)}\n`);
  } finally {
    process.exit(1);
  }
}

/** Start the CLI with `argv` (without node and script); sets process.exitCode when done. */
let guarded = false;

export async function main(argv: string[]): Promise<void> {
  // Once per process, even when a benchmark calls main() repeatedly.
  if (!guarded) {
    guarded = true;
    process.on('uncaughtException', lastResort);
    process.on('unhandledRejection', lastResort);
    // EPIPE: the reader went away (`| head`). Nothing more can be said; leave without a trace.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      process.exit(error.code === 'EPIPE' ? 0 : 1);
    });
  }
  const io: CliIo = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: readRegularFile,
    isPath: (path) => existsSync(path),
  };
  // exitCode, not process.exit(): a large JSON report on a pipe is written asynchronously and
  // exiting early would cut it.
  process.exitCode = await runCli(argv, io);
}
