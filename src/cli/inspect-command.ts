/**
 * `cassette-viewer inspect FILE [--json]`: load one cassette with the same core the page uses and
 * print the report of shared/docs/inspect-json.md, as JSON or as a table.
 *
 * Options are parsed with Node's built-in `util.parseArgs`
 * (https://nodejs.org/docs/latest-v20.x/api/util.html#utilparseargsconfig), strict, so a typo such
 * as `--jsn` is refused instead of silently printing the table.
 */
import { parseArgs } from 'node:util';
import { analyzeCassette } from '../core/analyze';
import { loadCassette } from '../core/cassette';
import { toInspectReport } from '../core/inspect/inspect-report';
import { formatInspectTable } from '../core/inspect/inspect-table';
import { CassetteLoadError } from '../core/model/errors';
import {
  EXIT,
  describeFsError,
  describeLoadFailure,
  oneLine,
  safeJson,
  terminalText,
  type CliIo,
} from './cli-io';

export const INSPECT_USAGE = 'usage: cassette-viewer inspect FILE [--json]';

export async function runInspect(argv: string[], io: CliIo): Promise<number> {
  let json: boolean;
  let file: string;
  try {
    const parsed = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      io.stdout(
        `${INSPECT_USAGE}\n\nPrint what a cassette holds: one row per interaction, or with --json the object\ndocumented in docs/inspect-json.md. Exit 0 on success, 1 when the file cannot be read.\n`,
      );
      return EXIT.ok;
    }
    if (parsed.positionals.length !== 1) {
      io.stderr(
        `cassette-viewer: inspect needs exactly one FILE (got ${parsed.positionals.length}); ${INSPECT_USAGE}\n`,
      );
      return EXIT.usage;
    }
    json = parsed.values.json === true;
    file = parsed.positionals[0] ?? '';
  } catch (error) {
    // parseArgs throws TypeError with code ERR_PARSE_ARGS_UNKNOWN_OPTION and friends.
    io.stderr(
      `cassette-viewer: ${oneLine(error instanceof Error ? error.message : String(error))}; ${INSPECT_USAGE}\n`,
    );
    return EXIT.usage;
  }

  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (error) {
    io.stderr(`cassette-viewer: ${describeFsError(file, error)}\n`);
    return EXIT.failed;
  }

  try {
    const cassette = loadCassette(bytes, file);
    const report = toInspectReport(analyzeCassette(cassette), file);
    io.stdout(json ? safeJson(report) + '\n' : terminalText(formatInspectTable(report)));
    return EXIT.ok;
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
    return EXIT.failed;
  }
}
