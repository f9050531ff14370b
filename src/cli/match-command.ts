/**
 * `cassette-viewer match RECORDED NEW [--matcher NAME] [--on a,b,c] [--json]`: for each request in
 * NEW (a second cassette or HAR, one curl command, or one raw HTTP request), what a replay from
 * RECORDED would give it under the recorder's own matching rules (core/match, issue 20).
 * Exit 0 when every request would replay, 1 when one would not, 2 for trouble (usage, unreadable
 * file), like `diff`.
 */
import { parseArgs } from 'node:util';
import { loadCassette } from '../core/cassette';
import {
  defaultProfileFor,
  MatchOptionError,
  PROFILES,
  readIncomingBytes,
  simulateReplay,
  type IncomingRequests,
} from '../core/match';
import type { Cassette } from '../core/model/http';
import { CassetteLoadError } from '../core/model/errors';
import { describeFsError, describeLoadFailure, oneLine, safeJson, terminalText, type CliIo } from './cli-io';
import { formatMatchReport, matchReportJson, type MatchContext } from './match-output';

export const MATCH_USAGE =
  'usage: cassette-viewer match RECORDED NEW [--matcher NAME] [--on a,b,c] [--ignore-header NAME] [--repeats] [--json]';

export const MATCH_EXIT = { replays: 0, misses: 1, trouble: 2 } as const;

const HELP = `${MATCH_USAGE}

For each request in NEW, say which recorded interaction of RECORDED a replay would give it, or
"no match" with the nearest recorded interactions and the matchers that failed for each.
NEW is a cassette or HAR (e.g. recorded by the failing run), a file holding one curl command,
or one raw HTTP request ("POST /path HTTP/1.1", headers, blank line, body).

  --matcher NAME        ${PROFILES.map((profile) => profile.id).join(', ')}
                        (default: the recorder that wrote RECORDED)
  --on a,b,c            the matchers to use, by the recorder's names (vcrpy match_on,
                        Ruby VCR match_requests_on, Polly matchRequestsBy keys)
  --ignore-header NAME  leave a header out (go-vcr v4 WithIgnoreHeaders, Polly headers.exclude)
  --repeats             let an interaction replay more than once (go-vcr ReplayableInteractions,
                        vcrpy and Ruby VCR allow_playback_repeats)
  --json                machine-readable output

Interactions and requests are numbered from 1, as in the page's table.
Exit 0 when every request would replay, 1 when one would not, 2 on trouble.
`;

interface Parsed {
  files: [string, string];
  matcher: string | undefined;
  on: string[] | undefined;
  ignoreHeaders: string[];
  repeats: boolean;
  json: boolean;
}

function parse(argv: string[], io: CliIo): Parsed | number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        matcher: { type: 'string' },
        on: { type: 'string' },
        'ignore-header': { type: 'string', multiple: true },
        repeats: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (positionals.length !== 2) {
      io.stderr(`cassette-viewer: match needs two files (got ${positionals.length}); ${MATCH_USAGE}\n`);
      return MATCH_EXIT.trouble;
    }
    return {
      files: [positionals[0]!, positionals[1]!],
      matcher: values.matcher,
      on: values.on
        ?.split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
      ignoreHeaders: values['ignore-header'] ?? [],
      repeats: values.repeats === true,
      json: values.json === true,
    };
  } catch (error) {
    io.stderr(
      `cassette-viewer: ${oneLine(error instanceof Error ? error.message : String(error))}; ${MATCH_USAGE}\n`,
    );
    return MATCH_EXIT.trouble;
  }
}

async function readBytes(file: string, io: CliIo): Promise<Uint8Array | null> {
  try {
    return await io.readFile(file);
  } catch (error) {
    io.stderr(`cassette-viewer: ${describeFsError(file, error)}\n`);
    return null;
  }
}

function describeReadError(file: string, error: unknown): string {
  if (error instanceof CassetteLoadError) return describeLoadFailure(file, error.failure);
  return oneLine(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
}

export async function runMatch(argv: string[], io: CliIo): Promise<number> {
  const parsed = parse(argv, io);
  if (typeof parsed === 'number') return parsed;
  const [recordedFile, newFile] = parsed.files;
  const recordedBytes = await readBytes(recordedFile, io);
  if (!recordedBytes) return MATCH_EXIT.trouble;
  const newBytes = await readBytes(newFile, io);
  if (!newBytes) return MATCH_EXIT.trouble;

  let recorded: Cassette;
  let incoming: IncomingRequests;
  try {
    recorded = loadCassette(recordedBytes, recordedFile);
  } catch (error) {
    io.stderr(`cassette-viewer: ${describeReadError(recordedFile, error)}\n`);
    return MATCH_EXIT.trouble;
  }
  try {
    incoming = readIncomingBytes(newBytes, newFile);
  } catch (error) {
    io.stderr(
      `cassette-viewer: ${describeReadError(newFile, error)} (NEW may also be one curl command or one raw HTTP request)\n`,
    );
    return MATCH_EXIT.trouble;
  }

  const suggested = defaultProfileFor(recorded);
  const profile = parsed.matcher ?? suggested.profile;
  try {
    const report = simulateReplay(
      recorded.exchanges.map((exchange) => exchange.request),
      incoming.requests,
      profile,
      { on: parsed.on, ignoreHeaders: parsed.ignoreHeaders, allowRepeats: parsed.repeats },
    );
    const context: MatchContext = {
      recorded,
      recordedName: recordedFile,
      incoming,
      incomingName: newFile,
      suggested,
      chosen: parsed.matcher !== undefined,
      ignoreHeaders: parsed.ignoreHeaders,
    };
    io.stdout(
      parsed.json
        ? safeJson(matchReportJson(report, context)) + '\n'
        : terminalText(formatMatchReport(report, context)),
    );
    return report.allReplay ? MATCH_EXIT.replays : MATCH_EXIT.misses;
  } catch (error) {
    if (!(error instanceof MatchOptionError)) throw error;
    io.stderr(`cassette-viewer: ${oneLine(error.message)}; ${MATCH_USAGE}\n`);
    return MATCH_EXIT.trouble;
  }
}
