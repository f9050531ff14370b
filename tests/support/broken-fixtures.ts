/**
 * Broken variants of real corpus cassettes, for the stream doctor's tests (issue 7: "tests build
 * broken variants of fixtures"). A variant is made by editing the cassette's *text*, the way a cut
 * connection or a misbehaving proxy would have changed the recording, and is then read by the
 * same pipeline as any file (`loadCassetteText` → `analyzeCassette`), so the loader, the framer,
 * the adapter and the doctor are all exercised.
 *
 * The editor finds one interaction's response body in the YAML (go-vcr `response.body`, vcrpy and
 * Ruby VCR `response.body.string`), splits it into SSE blocks (separated by a blank line), lets the
 * test change the list, and writes the body back in place of the old scalar, as a JSON string
 * (which is a valid YAML double-quoted scalar). The rest of the file is left as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isScalar, parseDocument, type Scalar } from 'yaml';
import { analyzeCassette } from '../../src/core/analyze';
import { loadCassetteText } from '../../src/core/cassette';
import type { AnalyzedCassette } from '../../src/core/model/analysis';
import type { Anomaly, AnomalyKind } from '../../src/core/model/anomaly';
import { CORPUS_DIR } from './corpus-fixtures';

/** A corpus cassette's text (path relative to tests/fixtures/corpus). */
export function fixtureText(relativePath: string): string {
  return readFileSync(join(CORPUS_DIR, relativePath), 'utf8');
}

/** The response body scalar of one interaction, whichever recorder wrote the file. */
function responseBody(text: string, interaction: number): Scalar<string> {
  const doc = parseDocument(text);
  for (const list of ['interactions', 'http_interactions']) {
    for (const path of [['body'], ['body', 'string']]) {
      const node = doc.getIn([list, interaction, 'response', ...path], true);
      if (isScalar(node) && typeof node.value === 'string' && node.range) return node as Scalar<string>;
    }
  }
  throw new Error(`interaction ${interaction} has no text response body`);
}

/** CRLF bodies (Gemini through go-vcr) keep CRLF; everything else is LF. */
function lineEnd(body: string): string {
  return body.includes('\r\n\r\n') ? '\r\n' : '\n';
}

/**
 * The SSE blocks of one interaction's response body, each without its blank line and with LF line
 * ends: events (`data: …`, maybe with `event:`/`id:` lines) and comment-only blocks alike.
 */
export function streamBlocks(text: string, interaction: number): string[] {
  return responseBody(text, interaction)
    .value.replace(/\r\n/g, '\n')
    .split('\n\n')
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '');
}

/** The text with one interaction's response body rebuilt from the blocks `edit` returns. */
export function editStream(text: string, interaction: number, edit: (blocks: string[]) => string[]): string {
  const node = responseBody(text, interaction);
  const eol = lineEnd(node.value);
  const body = edit(streamBlocks(text, interaction))
    .map((block) => block.split('\n').join(eol) + eol + eol)
    .join('');
  if (body === node.value) return text;
  const [start, end] = node.range!;
  // A block scalar's range takes in its last line break; the key after it needs one.
  const after = text[end - 1] === '\n' ? '\n' : '';
  return text.slice(0, start) + JSON.stringify(body) + after + text.slice(end);
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
