/**
 * frameStream over every interaction of the corpus: the framing and event count must match
 * facts.json `stream_format` / `stream_events` (definitions in shared/docs/inspect-json.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readableEntries } from '../../../tests/support/corpus-pending';
import { loadCassette } from '../cassette';
import type { HttpExchange } from '../model/http';
import { frameStream } from './frame-stream';
import { noTiming } from '../../../tests/support/exchange-builders';

const corpusDir = join(__dirname, '../../../tests/fixtures/corpus');
const facts = JSON.parse(readFileSync(join(corpusDir, 'facts.json'), 'utf8')) as {
  files: Record<
    string,
    { interactions: Array<{ index: number; stream_format: string | null; stream_events: number | null }> }
  >;
};

function exchangeWith(
  contentType: string | null,
  text: string,
  url = 'https://example.test/v1/x',
): HttpExchange {
  return {
    index: 0,
    request: { method: 'POST', url, headers: [], body: null, protocol: null },
    response: {
      status: 200,
      statusText: 'OK',
      headers: contentType ? [{ name: 'Content-Type', value: contentType }] : [],
      body: { text, bytes: null, mimeType: null, sizeBytes: text.length, decoding: [] },
      protocol: null,
    },
    timing: noTiming(),
    warnings: [],
  };
}

describe('frameStream', () => {
  it('chooses by content type, URL and body shape', () => {
    expect(frameStream(exchangeWith('text/event-stream; charset=utf-8', 'data: 1\n\n'))?.format).toBe('sse');
    expect(frameStream(exchangeWith('application/json', 'data: 1\n\n'))?.format).toBe('sse');
    expect(frameStream(exchangeWith(null, ': ping\n\ndata: 1\n\n'))?.format).toBe('sse');
    expect(frameStream(exchangeWith('application/json', '{"a":1}'))).toBeNull();
    expect(frameStream(exchangeWith('application/x-ndjson', '{"a":1}\n{"b":2}\n'))?.format).toBe('ndjson');
    const gemini =
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent';
    expect(frameStream(exchangeWith('application/json', '[{"a":1},{"b":2}]', gemini))?.events).toHaveLength(
      2,
    );
    expect(frameStream(exchangeWith('application/json', '[{"a":1}]', `${gemini}?alt=sse`))).toBeNull();
    expect(frameStream(exchangeWith('application/json', '[{"a":1}]'))).toBeNull();
  });

  const entries = readableEntries(facts.files);
  it('covers the corpus', () => expect(entries.length).toBeGreaterThan(100));
  for (const [file, fileFacts] of entries) {
    it(`matches facts.json for ${file}`, () => {
      const cassette = loadCassette(new Uint8Array(readFileSync(join(corpusDir, file))), file);
      for (const fact of fileFacts.interactions) {
        const trace = frameStream(cassette.exchanges[fact.index]!);
        expect([trace?.format ?? null, trace ? trace.events.length : null], `${file}#${fact.index}`).toEqual([
          fact.stream_format,
          fact.stream_events,
        ]);
      }
    });
  }
});
