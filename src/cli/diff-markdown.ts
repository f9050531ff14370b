/**
 * `diff --format markdown`: the comparison as a GitHub-flavoured markdown table for a pull-request
 * comment: one row per aligned pair of calls, its verdict (the words the page's Compare uses), why,
 * and the words that changed in the answer.
 *
 * Everything taken from a cassette is untrusted and lands in a page other people read, so it is
 * written so that it can only be text: inside code spans (no links, images, HTML or emphasis), with
 * `|` escaped even there (GFM tables split cells on any unescaped pipe:
 * https://github.github.com/gfm/#tables-extension-), and `@` followed by a zero-width space so a
 * recorded "@someone" mentions nobody.
 */
import {
  diffHeadline,
  endpointLabel,
  REQUEST_CHANGED_LABEL,
  responseLabel,
  VERDICT_LABELS,
} from '../core/diff/verdict-labels';
import type { CassetteDiff, DiffVerdict, ExchangeDiff, TextChange } from '../core/model/diff';
import { maxOf } from '../lib/arrays';
import { oneLine } from './cli-io';

/** At most this many characters of changed words per row: a comment stays readable. */
const MAX_CHANGED_CHARS = 240;

const noMention = (text: string) => text.replace(/@/g, '@\u200b');

/** Untrusted text as an inline code span, safe inside a table cell. */
export function codeSpan(text: string, max = 200): string {
  const flat = noMention(oneLine(text, max)).replace(/\|/g, '\\|');
  if (flat === '') return '';
  // A span's fence is one backtick more than the longest run inside it (CommonMark 6.1).
  const longest = maxOf(
    (flat.match(/`+/g) ?? []).map((run) => run.length),
    0,
  );
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Our own sentence with file data in it: backslash-escape every ASCII punctuation (CommonMark 2.4). */
export function plainText(text: string, max = 200): string {
  return noMention(oneLine(text, max).replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`));
}

/** The changed words of the answer: `−old` and `+new` runs, in order, cut at MAX_CHANGED_CHARS. */
export function changedWords(changes: readonly TextChange[]): string {
  const parts: string[] = [];
  let used = 0;
  for (const change of changes) {
    if (change.op === 'same' || change.text.trim() === '') continue;
    if (used >= MAX_CHANGED_CHARS) {
      parts.push('…');
      break;
    }
    const text = change.text.trim().slice(0, MAX_CHANGED_CHARS - used);
    used += text.length;
    parts.push(`${change.op === 'added' ? '+' : '−'}${codeSpan(text, MAX_CHANGED_CHARS)}`);
  }
  return parts.join(' ');
}

function position(row: ExchangeDiff): string {
  const side = (index: number | null) => (index === null ? '–' : String(index + 1));
  return `${side(row.before)} → ${side(row.after)}`;
}

/** The page's words (core/diff/verdict-labels.ts); what CI should look at in bold. */
function verdictCell(row: ExchangeDiff): string {
  const response = responseLabel(row);
  const shown = row.verdict === 'identical' || row.verdict === 'wording-only' ? response : `**${response}**`;
  return row.requestChanged ? `${REQUEST_CHANGED_LABEL}, ${shown}` : shown;
}

/** Why: the request's reasons, then the response's, each labelled as the text output labels them. */
function whyCell(row: ExchangeDiff): string {
  return [
    ...row.requestReasons.map((reason) => `request: ${plainText(reason, 160)}`),
    ...row.reasons.map((reason) => plainText(reason, 160)),
  ].join('; ');
}

/** The summary line, e.g. "1 behaviour changed, 1 wording only". */
function countsText(diff: CassetteDiff): string {
  return (
    (Object.entries(diff.counts) as [DiffVerdict, number][])
      .filter(([, n]) => n > 0)
      .map(([verdict, n]) => `${n} ${VERDICT_LABELS[verdict].toLowerCase()}`)
      .join(', ') || 'no interactions'
  );
}

/** The whole comparison as markdown; `heading` names the file pair (default: both names). */
export function formatDiffMarkdown(diff: CassetteDiff, heading?: string): string {
  const title = heading ?? `${codeSpan(diff.beforeName)} → ${codeSpan(diff.afterName)}`;
  const headline = diff.behaviourChanged ? `**${diffHeadline(diff)}**` : diffHeadline(diff);
  const lines = [
    `#### ${title}`,
    '',
    `${headline}: ${countsText(diff)}.`,
    '',
    '| calls | request | verdict | why | changed words |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const row of diff.exchanges) {
    lines.push(
      `| ${position(row)} | ${codeSpan(endpointLabel(row), 120)} | ${verdictCell(row)} | ${whyCell(row)} | ${changedWords(row.text)} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
