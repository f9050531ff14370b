/**
 * `cassette-viewer export FILE --to md|har [-o OUT] [--no-mask]` (issue 19): a markdown transcript
 * or a HAR 1.2 archive of one cassette (core/export/export-cassette.ts), masked by default with
 * the Share's secret detector (docs/secret-detection.md). Written to stdout, or to OUT.
 * Exit 0 on success, 1 when the file cannot be read or OUT cannot be written (one line on stderr
 * naming the file, and the line and column when known), 2 on misuse; as `inspect` does.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadCassette } from '../core/cassette';
import { decodeFileBytes } from '../core/cassette/file-decoder';
import { exportCassette, type ExportFormat } from '../core/export/export-cassette';
import { CassetteLoadError } from '../core/model/errors';
import { EXIT, describeFsError, describeLoadFailure, oneLine, type CliIo } from './cli-io';
import { VERSION } from './main';

export const EXPORT_USAGE = 'usage: cassette-viewer export FILE --to md|har [-o OUT] [--no-mask]';

const EXPORT_HELP = `${EXPORT_USAGE}

Export one cassette:
  --to md       a markdown transcript: the calls, every message, the tools offered, tool calls
                with their arguments and the results linked to them, reasoning, errors, usage
                and finish reasons
  --to har      a HAR 1.2 archive (one entry per interaction, decoded bodies, binary ones as
                base64) that browser DevTools and this viewer can import
  -o, --output OUT   write to OUT instead of standard output
  --no-mask     keep secrets; by default API keys, tokens, cookies and other secrets are
                replaced by <MASKED_…> placeholders, as the page's Share does
                (docs/secret-detection.md); a binary body that holds one is left out

A masked copy of the cassette in its own format is the page's Share > Download masked cassette.
Exit 0 on success, 1 when FILE cannot be read or OUT cannot be written, 2 on misuse.
`;

interface ExportArgs {
  file: string;
  to: ExportFormat;
  output: string | null;
  mask: boolean;
}

function parse(argv: string[], io: CliIo): ExportArgs | number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        to: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'no-mask': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(EXPORT_HELP);
      return EXIT.ok;
    }
    if (positionals.length !== 1) {
      io.stderr(
        `cassette-viewer: export needs exactly one FILE (got ${positionals.length}); ${EXPORT_USAGE}\n`,
      );
      return EXIT.usage;
    }
    if (values.to !== 'md' && values.to !== 'har') {
      const got = values.to === undefined ? 'none' : `"${oneLine(values.to, 40)}"`;
      io.stderr(`cassette-viewer: export needs --to md or --to har (got ${got}); ${EXPORT_USAGE}\n`);
      return EXIT.usage;
    }
    if (values.output === '') {
      io.stderr(`cassette-viewer: --output needs a file name; ${EXPORT_USAGE}\n`);
      return EXIT.usage;
    }
    return {
      file: positionals[0] ?? '',
      to: values.to,
      output: values.output ?? null,
      mask: values['no-mask'] !== true,
    };
  } catch (error) {
    // parseArgs throws TypeError with code ERR_PARSE_ARGS_UNKNOWN_OPTION and friends.
    io.stderr(
      `cassette-viewer: ${oneLine(error instanceof Error ? error.message : String(error))}; ${EXPORT_USAGE}\n`,
    );
    return EXIT.usage;
  }
}

export async function runExport(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv, io);
  if (typeof args === 'number') return args;

  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(args.file);
  } catch (error) {
    io.stderr(`cassette-viewer: ${describeFsError(args.file, error)}\n`);
    return EXIT.failed;
  }

  let text: string;
  try {
    const cassette = loadCassette(bytes, args.file);
    const decoded = decodeFileBytes(bytes);
    const result = exportCassette(cassette, {
      to: args.to,
      mask: args.mask,
      creatorVersion: VERSION,
      ...(decoded.ok ? { fileText: decoded.text } : {}),
    });
    text = result.text;
    if (result.withheldBodies.length > 0) {
      io.stderr(
        `cassette-viewer: ${oneLine(args.file)}: binary bodies of calls ${result.withheldBodies.join(', ')} held a secret and were left out\n`,
      );
    }
  } catch (error) {
    if (error instanceof CassetteLoadError) {
      io.stderr(`cassette-viewer: ${describeLoadFailure(args.file, error.failure)}\n`);
    } else {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      io.stderr(
        `cassette-viewer: cannot export ${oneLine(args.file)}: internal error (${oneLine(message, 300)})\n`,
      );
    }
    return EXIT.failed;
  }

  if (args.output === null) {
    // The export marks control and bidi characters itself (core/export/visible-text.ts), so it can
    // go to a terminal as is.
    io.stdout(text);
    return EXIT.ok;
  }
  try {
    await writeFile(args.output, text);
    return EXIT.ok;
  } catch (error) {
    io.stderr(
      `cassette-viewer: cannot write ${oneLine(args.output)}: ${describeFsError(args.output, error).replace(/^cannot open [^:]*: /, '')}\n`,
    );
    return EXIT.failed;
  }
}
