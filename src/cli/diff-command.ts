/**
 * `cassette-viewer diff A B [--json]`: compare two recordings of the same test (before and after a
 * re-record) with the same core the page uses, and say for each interaction whether it is
 * identical, changed only in wording, changed in behaviour, added or removed.
 *
 * Exit status follows diff(1) (https://www.gnu.org/software/diffutils/manual/html_node/Invoking-diff.html):
 * 0 = no behaviour change (wording may differ), 1 = behaviour changed (or interactions added or
 * removed), 2 = trouble (bad usage, a file that cannot be read). CI can gate a re-record on it.
 */
import { diffCassettes } from '../core/diff/diff-cassettes';
import type { AnalyzedCassette } from '../core/model/analysis';
import { diffHeadline, endpointLabel, rowVerdictLabels, VERDICT_LABELS } from '../core/diff/verdict-labels';
import type { CassetteDiff, DiffVerdict } from '../core/model/diff';
import { changedCassettes, type ChangedCassette } from './diff-git-base';
import { codeSpan, formatDiffMarkdown } from './diff-markdown';
import { oneLine, safeJson, terminalText, type CliIo } from './cli-io';
import { analyzeBytes, parseCommand, readAnalyzed, usageError } from './command-setup';

export const DIFF_USAGE =
  'usage: cassette-viewer diff BEFORE AFTER [--json | --format text|json|markdown] | diff --git-base REF PATH… [--format …]';

/** Exit codes of `diff`: behaviour changed is 1, trouble is 2 (as diff(1)). */
export const DIFF_EXIT = { same: 0, changed: 1, trouble: 2 } as const;

const DIFF_HELP =
  'Compare two cassettes interaction by interaction. Exit 0 when no behaviour changed,\n1 when tool calls, finish reasons, output shape or error status changed (or calls were\nadded or removed), 2 when a file cannot be read.\n\n--format markdown prints a table for a pull-request comment (verdicts and changed words).\n--git-base REF PATH… compares every cassette under PATH… changed since the git revision REF\nwith its version at REF (git show REF:path).\n';

export async function runDiff(argv: string[], io: CliIo): Promise<number> {
  // The command line and each file's reading are command-setup.ts's, as for `inspect`; a usage
  // error exits 2 there, which is DIFF_EXIT.trouble.
  const parsed = parseCommand(argv, io, {
    usage: DIFF_USAGE,
    help: DIFF_HELP,
    options: { json: { type: 'boolean' }, format: { type: 'string' }, 'git-base': { type: 'string' } },
  });
  if (typeof parsed === 'number') return parsed;
  let format: DiffFormat;
  try {
    format = diffFormat(parsed.values.format, parsed.values.json === true);
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error), DIFF_USAGE);
  }
  const gitBase = parsed.values['git-base'];
  const files = parsed.positionals;
  if (gitBase !== undefined) return runGitBaseDiff(gitBase, files, format, io);
  if (files.length !== 2) return usageError(io, `diff needs two files (got ${files.length})`, DIFF_USAGE);
  const loaded: AnalyzedCassette[] = [];
  for (const file of files) {
    const result = await readAnalyzed(file, io);
    if (!result) return DIFF_EXIT.trouble;
    loaded.push(result);
  }
  const diff = diffCassettes(loaded[0]!, loaded[1]!);
  io.stdout(formatAs(diff, format));
  return diff.behaviourChanged ? DIFF_EXIT.changed : DIFF_EXIT.same;
}

type DiffFormat = 'text' | 'json' | 'markdown';

function diffFormat(format: string | undefined, json: boolean): DiffFormat {
  if (format === undefined) return json ? 'json' : 'text';
  if (json && format !== 'json') throw new Error(`--json and --format ${format} disagree`);
  if (format === 'text' || format === 'json' || format === 'markdown') return format;
  throw new Error(`--format must be text, json or markdown, not "${format}"`);
}

function formatAs(diff: CassetteDiff, format: DiffFormat, heading?: string): string {
  // Issue 14: control, C1 and bidi characters from the files never reach the terminal raw.
  if (format === 'markdown') return terminalText(formatDiffMarkdown(diff, heading));
  return format === 'json' ? safeJson(toJson(diff)) + '\n' : terminalText(formatDiff(diff));
}

/** `--git-base REF PATH…`: each changed cassette against its version at REF (diff-git-base.ts). */
async function runGitBaseDiff(ref: string, paths: string[], format: DiffFormat, io: CliIo): Promise<number> {
  let changed: ChangedCassette[];
  try {
    changed = await changedCassettes(ref, paths.length > 0 ? paths : ['.'], io.readFile);
  } catch (error) {
    io.stderr(
      `cassette-viewer: diff --git-base: ${oneLine(error instanceof Error ? error.message : String(error))}\n`,
    );
    return DIFF_EXIT.trouble;
  }
  let exit: number = DIFF_EXIT.same;
  const json: unknown[] = [];
  if (format === 'markdown')
    io.stdout(terminalText(`### Cassettes changed since ${codeSpan(ref)}: ${changed.length}\n\n`));
  for (const file of changed) {
    if (!file.before || !file.after) {
      const what = file.before ? 'deleted' : 'new';
      exit = Math.max(exit, DIFF_EXIT.changed);
      if (format === 'json') json.push({ file: file.path, status: what });
      else
        io.stdout(
          terminalText(
            format === 'markdown'
              ? `#### ${codeSpan(file.path)}\n\nA ${what} cassette.\n\n`
              : `${file.path}: ${what}\n\n`,
          ),
        );
      continue;
    }
    const before = analyzeBytes(`${ref}:${file.path}`, file.before, io);
    const after = analyzeBytes(file.path, file.after, io);
    if (!before || !after) {
      exit = DIFF_EXIT.trouble;
      continue;
    }
    const diff = diffCassettes(before, after);
    if (diff.behaviourChanged) exit = Math.max(exit, DIFF_EXIT.changed);
    if (format === 'json') json.push({ file: file.path, status: 'changed', ...toJson(diff) });
    else io.stdout(formatAs(diff, format, format === 'markdown' ? codeSpan(file.path) : undefined) + '\n');
  }
  if (format === 'json') io.stdout(safeJson({ base: ref, files: json }) + '\n');
  return exit;
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
