/**
 * `cassette-viewer diff A B [--json]`: compare two recordings of the same test (before and after a
 * re-record) with the same core the page uses, and say for each interaction whether it is
 * identical, changed only in wording, changed in behaviour, added or removed.
 *
 * Exit status follows diff(1) (https://www.gnu.org/software/diffutils/manual/html_node/Invoking-diff.html):
 * 0 = no behaviour change (wording may differ), 1 = behaviour changed (or interactions added or
 * removed), 2 = trouble (bad usage, a file that cannot be read). CI can gate a re-record on it.
 */
import { parseArgs } from 'node:util';
import { analyzeCassette } from '../core/analyze';
import { loadCassette } from '../core/cassette';
import { diffCassettes } from '../core/diff/diff-cassettes';
import type { AnalyzedCassette } from '../core/model/analysis';
import { diffHeadline, endpointLabel, rowVerdictLabels, VERDICT_LABELS } from '../core/diff/verdict-labels';
import type { CassetteDiff, DiffVerdict } from '../core/model/diff';
import { CassetteLoadError } from '../core/model/errors';
import { EXIT, describeFsError, describeLoadFailure, oneLine, type CliIo } from './cli-io';

export const DIFF_USAGE = 'usage: cassette-viewer diff BEFORE AFTER [--json]';

/** Exit codes of `diff`: behaviour changed is 1, trouble is 2 (as diff(1)). */
export const DIFF_EXIT = { same: 0, changed: 1, trouble: 2 } as const;

export async function runDiff(argv: string[], io: CliIo): Promise<number> {
  let json: boolean;
  let files: string[];
  try {
    const parsed = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      io.stdout(
        `${DIFF_USAGE}\n\nCompare two cassettes interaction by interaction. Exit 0 when no behaviour changed,\n1 when tool calls, finish reasons, output shape or error status changed (or calls were\nadded or removed), 2 when a file cannot be read.\n`,
      );
      return EXIT.ok;
    }
    json = parsed.values.json === true;
    files = parsed.positionals;
  } catch (error) {
    io.stderr(
      `cassette-viewer: ${oneLine(error instanceof Error ? error.message : String(error))}; ${DIFF_USAGE}\n`,
    );
    return DIFF_EXIT.trouble;
  }
  if (files.length !== 2) {
    io.stderr(`cassette-viewer: diff needs two files (got ${files.length}); ${DIFF_USAGE}\n`);
    return DIFF_EXIT.trouble;
  }
  const loaded: AnalyzedCassette[] = [];
  for (const file of files) {
    const result = await loadOne(file, io);
    if (!result) return DIFF_EXIT.trouble;
    loaded.push(result);
  }
  const diff = diffCassettes(loaded[0]!, loaded[1]!);
  io.stdout(json ? JSON.stringify(toJson(diff), null, 2) + '\n' : formatDiff(diff));
  return diff.behaviourChanged ? DIFF_EXIT.changed : DIFF_EXIT.same;
}

async function loadOne(file: string, io: CliIo): Promise<AnalyzedCassette | null> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (error) {
    io.stderr(`cassette-viewer: ${describeFsError(file, error)}\n`);
    return null;
  }
  try {
    return analyzeCassette(loadCassette(bytes, file));
  } catch (error) {
    if (error instanceof CassetteLoadError)
      io.stderr(`cassette-viewer: ${describeLoadFailure(file, error.failure)}\n`);
    else
      io.stderr(
        `cassette-viewer: cannot read ${oneLine(file)}: internal error (${oneLine(String(error), 300)})\n`,
      );
    return null;
  }
}

/** The JSON shape: snake_case like `inspect --json`. */
function toJson(diff: CassetteDiff) {
  return {
    before: diff.beforeName,
    after: diff.afterName,
    behaviour_changed: diff.behaviourChanged,
    counts: diff.counts,
    requests_changed: diff.requestsChanged,
    interactions: diff.exchanges.map((row) => ({
      before_index: row.before,
      after_index: row.after,
      label: row.label,
      endpoint: row.endpoint,
      /** What happened to the response (issue 17: the request's change is its own verdict). */
      verdict: row.verdict,
      reasons: row.reasons,
      request_changed: row.requestChanged,
      request_reasons: row.requestReasons,
      text_similarity: row.textSimilarity,
      status: row.status,
      finish_reason: row.finishReason,
      tool_calls: row.toolCalls,
      text_diff: row.text,
    })),
  };
}

/** The same words as the page's Compare (core/diff/verdict-labels.ts), lower-cased for a terminal. */
function formatDiff(diff: CassetteDiff): string {
  const lines = [`before: ${diff.beforeName}`, `after:  ${diff.afterName}`, ''];
  for (const row of diff.exchanges) {
    const at = `${row.before === null ? '–' : row.before + 1} → ${row.after === null ? '–' : row.after + 1}`;
    const verdicts = rowVerdictLabels(row).join(', ').toLowerCase();
    lines.push(`${at.padEnd(9)} ${verdicts.padEnd(34)} ${oneLine(endpointLabel(row), 120)}`);
    for (const reason of row.requestReasons) lines.push(`          request: ${oneLine(reason, 160)}`);
    for (const reason of row.reasons) lines.push(`          response: ${oneLine(reason, 160)}`);
  }
  const counts = (Object.entries(diff.counts) as [DiffVerdict, number][])
    .filter(([, n]) => n > 0)
    .map(([verdict, n]) => `${n} ${VERDICT_LABELS[verdict].toLowerCase()}`)
    .join(', ');
  lines.push('', `${counts || 'no interactions'} — ${diffHeadline(diff).toLowerCase()}`, '');
  return lines.join('\n');
}
