/**
 * `cassette-viewer inspect FILE [--json]`: load one cassette with the same core the page uses and
 * print the report of shared/docs/inspect-json.md, as JSON or as a table. The command line and
 * the file's reading are command-setup.ts's, as for `diff`.
 */
import { toInspectReport } from '../core/inspect/inspect-report';
import { formatInspectTable } from '../core/inspect/inspect-table';
import { EXIT, safeJson, terminalText, type CliIo } from './cli-io';
import { parseCommand, readAnalyzed, usageError } from './command-setup';

export const INSPECT_USAGE = 'usage: cassette-viewer inspect FILE [--json]';

const INSPECT_HELP =
  'Print what a cassette holds: one row per interaction, or with --json the object\ndocumented in docs/inspect-json.md. Exit 0 on success, 1 when the file cannot be read.\n';

export async function runInspect(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, {
    usage: INSPECT_USAGE,
    help: INSPECT_HELP,
    options: { json: { type: 'boolean' } },
  });
  if (typeof parsed === 'number') return parsed;
  const [file] = parsed.positionals;
  if (parsed.positionals.length !== 1 || file === undefined)
    return usageError(io, `inspect needs exactly one FILE (got ${parsed.positionals.length})`, INSPECT_USAGE);

  const analyzed = await readAnalyzed(file, io);
  if (!analyzed) return EXIT.failed;
  const report = toInspectReport(analyzed, file);
  io.stdout(parsed.values.json === true ? safeJson(report) + '\n' : terminalText(formatInspectTable(report)));
  return EXIT.ok;
}
