/**
 * What the file commands (`inspect`, `diff`) do alike before their own work: parse the command
 * line, answer `--help`, refuse bad usage in one line, and read and analyze a cassette, reporting
 * a file that cannot be read or loaded in one line on stderr (issue 8: never a stack trace).
 *
 * Options are parsed with Node's built-in `util.parseArgs`
 * (https://nodejs.org/docs/latest-v20.x/api/util.html#utilparseargsconfig), strict, so a typo such
 * as `--jsn` is refused instead of silently ignored.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { analyzeCassette } from '../core/analyze';
import { loadCassette } from '../core/cassette';
import type { AnalyzedCassette } from '../core/model/analysis';
import { CassetteLoadError } from '../core/model/errors';
import { EXIT, describeFsError, describeLoadFailure, oneLine, type CliIo } from './cli-io';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  /** The one-line usage, printed with `--help` and after a usage error. */
  usage: string;
  /** What `--help` prints after the usage line and a blank line. */
  help: string;
  /** The command's own options; `-h` / `--help` is added. */
  options: O;
}

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/** Prints a usage error (`cassette-viewer: MESSAGE; USAGE`) and returns the usage exit code (2). */
export function usageError(io: CliIo, message: string, usage: string): number {
  io.stderr(`cassette-viewer: ${oneLine(message)}; ${usage}\n`);
  return EXIT.usage;
}

/**
 * The parsed options and positionals; or, when the command is done already (`--help` printed, or
 * an unknown option refused), its exit code.
 */
export function parseCommand<O extends ParseArgsOptionsConfig>(
  argv: string[],
  io: CliIo,
  spec: CommandSpec<O>,
): Parsed<O> | number {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if ((parsed.values as { help?: boolean }).help) {
      io.stdout(`${spec.usage}\n\n${spec.help}`);
      return EXIT.ok;
    }
    return parsed as unknown as Parsed<O>;
  } catch (error) {
    // parseArgs throws TypeError with code ERR_PARSE_ARGS_UNKNOWN_OPTION and friends.
    return usageError(io, error instanceof Error ? error.message : String(error), spec.usage);
  }
}

/** Reads `file` and analyzes it; null (and one line on stderr) when it cannot be read or loaded. */
export async function readAnalyzed(file: string, io: CliIo): Promise<AnalyzedCassette | null> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (error) {
    io.stderr(`cassette-viewer: ${describeFsError(file, error)}\n`);
    return null;
  }
  return analyzeBytes(file, bytes, io);
}

/** Loads and analyzes bytes named `file`; null (and one line on stderr) when they do not load. */
export function analyzeBytes(file: string, bytes: Uint8Array, io: CliIo): AnalyzedCassette | null {
  try {
    return analyzeCassette(loadCassette(bytes, file));
  } catch (error) {
    if (error instanceof CassetteLoadError) {
      io.stderr(`cassette-viewer: ${describeLoadFailure(file, error.failure)}\n`);
    } else {
      // A bug in our own code, not the user's file: still one line, never a stack trace (issue 8).
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      io.stderr(
        `cassette-viewer: cannot read ${oneLine(file)}: internal error while reading it (${oneLine(message, 300)})\n`,
      );
    }
    return null;
  }
}
