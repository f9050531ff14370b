import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassette } from '../core/cassette';
import { analyzeCassette } from '../core/analyze';
import { CORPUS_DIR, listCorpusFiles } from '../../tests/support/corpus-fixtures';
import { isPendingCorpusFile } from '../../tests/support/corpus-pending';
import { asRead, hold } from './held-exchange';
import { emptyTiming } from '../core/cassette/format-module';

function analyzed(path: string) {
  return analyzeCassette(loadCassette(new Uint8Array(readFileSync(join(CORPUS_DIR, path))), path)).exchanges;
}

describe('held exchanges', () => {
  it('answer every corpus exchange exactly as it was read, from its HTTP part alone', () => {
    let events = 0;
    for (const path of listCorpusFiles().filter((file) => !isPendingCorpusFile(file))) {
      const read = analyzed(path);
      events += read.reduce((n, e) => n + (e.llm.stream?.events.length ?? 0), 0);
      // The LLM reading made again from the kept HTTP part alone. toStrictEqual: the same
      // properties, also where one is undefined or missing, and the same (null) prototypes.
      expect(read.map(hold).map(asRead), path).toStrictEqual(read);
    }
    expect(events).toBeGreaterThan(4_000);
  }, 120_000);

  it('keeps every key (a `__proto__` one too), prototype and byte array through the copy', () => {
    const body = JSON.parse(
      '{"__proto__": {"polluted": true}, "long": "a value longer than a view"}',
    ) as unknown;
    const bytes = new Uint8Array([1, 2, 3]);
    const text = 'x'.repeat(64);
    const http = hold({
      http: {
        index: 0,
        request: {
          method: 'POST',
          url: `https://example.test/${text}`,
          headers: [{ name: 'X-Long', value: text }],
          body: {
            text,
            bytes: null,
            mimeType: 'application/json',
            sizeBytes: 64,
            decoding: [],
            structured: body,
          },
          protocol: null,
        },
        response: {
          status: 200,
          statusText: null,
          headers: [],
          body: { text: null, bytes, mimeType: 'image/png', sizeBytes: 3, decoding: ['base64'] },
          protocol: null,
        },
        timing: emptyTiming(),
        warnings: [],
      },
      llm: analyzed('seed/multi_tool_streaming_kimi-k2_together.yaml')[0]!.llm,
    });
    expect(http.request.url).toBe(`https://example.test/${text}`);
    expect(http.request.headers).toEqual([{ name: 'X-Long', value: text }]);
    const structured = http.request.body?.structured as Record<string, unknown>;
    expect(Object.keys(structured)).toEqual(['__proto__', 'long']);
    expect(Object.getPrototypeOf(structured)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(http.response?.body?.bytes).toBe(bytes);
  });

  it('keeps a non-JSON event and its reason as they were', () => {
    const text = [
      'interactions:',
      '- request: {method: POST, uri: "https://api.openai.com/v1/chat/completions", body: "{}", headers: {}}',
      '  response:',
      '    status: {code: 200, message: OK}',
      '    headers: {Content-Type: [text/event-stream]}',
      '    body: {string: "data: {oops\\n\\ndata: {\\"id\\":\\"x\\"}\\n\\ndata: [DONE]\\n\\n"}',
      '',
    ].join('\n');
    const read = () =>
      analyzeCassette(loadCassette(new TextEncoder().encode(text), 'bad.yaml')).exchanges[0]!;
    const kept = hold(read());
    expect('llm' in kept).toBe(false);
    const again = asRead(kept);
    expect(again).toStrictEqual(read());
    const [broken, chunk, done] = again.llm.stream!.events;
    expect(broken!.jsonError).toBeDefined();
    expect(chunk!.json).toEqual({ id: 'x' });
    expect('json' in done!).toBe(false);
  });
});
