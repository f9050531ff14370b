/**
 * Broken variants of real corpus cassettes, for the stream doctor's tests (issue 7: "tests build
 * broken variants of fixtures"). A variant is made by editing the cassette's *text*, the way a cut
 * connection or a misbehaving proxy would have changed the recording, and is then read by the
 * same pipeline as any file (`loadCassetteText` → `analyzeCassette`), so the loader, the framer,
 * the adapter and the doctor are all exercised.
 *
 * The editor works on response bodies written as YAML literal blocks (`body: |+`), which is how
 * go-vcr (the fantasy and seed fixtures) stores SSE bodies: every line of the block is one line of
 * the body, indented. It splits the body into SSE blocks (separated by a blank line), lets the test
 * change the list, and writes it back with the same indentation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeCassette } from '../../src/core/analyze';
import { loadCassetteText } from '../../src/core/cassette';
import type { AnalyzedCassette } from '../../src/core/model/analysis';
import type { Anomaly, AnomalyKind } from '../../src/core/model/anomaly';
import { CORPUS_DIR } from './corpus-fixtures';

/** A corpus cassette's text (path relative to tests/fixtures/corpus). */
export function fixtureText(relativePath: string): string {
  return readFileSync(join(CORPUS_DIR, relativePath), 'utf8');
}

/** Where one interaction's literal-block response body sits in the file's lines. */
interface BodyBlock {
  /** Index of the first content line (the line after `body: |+`). */
  start: number;
  /** Index one past the last content line. */
  end: number;
  indent: string;
}

function findResponseBody(lines: string[], interaction: number): BodyBlock {
  let seen = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*response:\s*$/.test(lines[i]!)) continue;
    seen += 1;
    if (seen !== interaction) continue;
    const responseIndent = indentOf(lines[i]!).length;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim() !== '' && indentOf(line).length <= responseIndent) break;
      const header = /^(\s*)body: \|[+-]?\s*$/.exec(line);
      if (!header) continue;
      const bodyIndent = header[1]!.length;
      let end = j + 1;
      while (end < lines.length && (lines[end]!.trim() === '' || indentOf(lines[end]!).length > bodyIndent))
        end += 1;
      const first = lines.slice(j + 1, end).find((l) => l.trim() !== '');
      if (first === undefined) break;
      return { start: j + 1, end, indent: indentOf(first) };
    }
    break;
  }
  throw new Error(`interaction ${interaction} has no literal-block response body`);
}

function indentOf(line: string): string {
  return /^\s*/.exec(line)![0];
}

/**
 * The SSE blocks of one interaction's response body, each without its blank line: events
 * (`data: …`, maybe with `event:`/`id:` lines) and comment-only blocks (`: keep-alive`) alike.
 */
export function streamBlocks(text: string, interaction: number): string[] {
  const lines = text.split('\n');
  const body = findResponseBody(lines, interaction);
  const content = lines.slice(body.start, body.end).map((l) => l.slice(body.indent.length));
  return content
    .join('\n')
    .split('\n\n')
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '');
}

/** The text with one interaction's response body rewritten from the blocks `edit` returns. */
export function editStream(text: string, interaction: number, edit: (blocks: string[]) => string[]): string {
  const lines = text.split('\n');
  const body = findResponseBody(lines, interaction);
  const blocks = edit(streamBlocks(text, interaction));
  const rebuilt = blocks.flatMap((block) => [...block.split('\n'), '']);
  const indented = rebuilt.map((line) => (line === '' ? '' : body.indent + line));
  return [...lines.slice(0, body.start), ...indented, ...lines.slice(body.end)].join('\n');
}

/** True for a block that the framer counts as an event (it has a `data` field). */
export function isEvent(block: string): boolean {
  return block.split('\n').some((line) => /^data(:|$)/.test(line));
}

/** The event index the framer gives the block at `position` (blocks before it without data don't count). */
export function eventIndexOf(blocks: readonly string[], position: number): number {
  return blocks.slice(0, position).filter(isEvent).length;
}

/** Position of the first block whose text matches, or an error naming what the fixture lacks. */
export function blockWhere(
  blocks: readonly string[],
  test: (block: string) => boolean,
  what: string,
): number {
  const found = blocks.findIndex(test);
  if (found === -1) throw new Error(`the fixture has no block with ${what}`);
  return found;
}

/** The real pipeline over a cassette's text. */
export function analyzeText(text: string, name = 'variant.yaml'): AnalyzedCassette {
  return analyzeCassette(loadCassetteText(text, name));
}

/** The findings of the given kinds (all findings when none is given). */
export function findingsOf(analyzed: AnalyzedCassette, ...kinds: AnomalyKind[]): Anomaly[] {
  return analyzed.anomalies.filter((a) => kinds.length === 0 || kinds.includes(a.kind));
}
