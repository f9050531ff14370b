import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCassette, loadCassetteText } from '../index';

const SEED = join(
  __dirname,
  '../../../../tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml',
);

const V2 = `---
version: 2
interactions:
    - id: 0
      request:
        proto: HTTP/1.1
        body: '{"a":1}'
        headers:
            Content-Type:
                - application/json
            X-Multi:
                - one
                - two
        url: https://api.example.com/v1/chat/completions
        method: post
      response:
        proto: HTTP/2.0
        content_length: -1
        body: |+
            data: {"x":1}

            data: [DONE]

        headers:
            Content-Type:
                - text/event-stream
        status: 200 OK
        code: 200
        duration: 1m2.5s
    - response:
        status: 404 Not Found
        duration: 1500000
`;

describe('go-vcr v2', () => {
  it('reads requests, responses, headers and durations', () => {
    const cassette = loadCassetteText(V2, 'x.yaml');
    expect(cassette.format).toBe('go-vcr-v2');
    expect(cassette.formatVariant).toBe('version 2');
    expect(cassette.exchanges).toHaveLength(2);
    const [first, second] = cassette.exchanges;
    expect(first!.request.method).toBe('POST');
    expect(first!.request.url).toBe('https://api.example.com/v1/chat/completions');
    expect(first!.request.headers).toEqual([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'X-Multi', value: 'one' },
      { name: 'X-Multi', value: 'two' },
    ]);
    expect(first!.request.body?.text).toBe('{"a":1}');
    expect(first!.request.protocol).toBe('HTTP/1.1');
    expect(first!.response?.status).toBe(200);
    expect(first!.response?.statusText).toBe('OK');
    expect(first!.response?.body?.text).toBe('data: {"x":1}\n\ndata: [DONE]\n\n');
    expect(first!.response?.body?.mimeType).toBe('text/event-stream');
    expect(first!.timing).toMatchObject({ durationMs: 62_500, durationSource: 'go-vcr-duration' });
    expect(first!.sourceLine).toBe(4);
    // Every field optional: a lone response with integer-nanosecond duration.
    expect(second!.request.url).toBe('');
    expect(second!.response?.status).toBe(404);
    expect(second!.timing.durationMs).toBe(1.5);
  });

  it('decodes a !!binary gzip body only when the bytes are gzip', () => {
    // "hello" gzipped, base64.
    const text = `version: 2
interactions:
- response:
    headers: {Content-Encoding: [gzip], Content-Type: [text/plain]}
    body: !!binary H4sIAAAAAAAAA8tIzcnJBwCGphA2BQAAAA==
- response:
    headers: {Content-Encoding: [gzip], Content-Type: [text/plain]}
    body: already plain
`;
    const cassette = loadCassetteText(text, 'b.yaml');
    expect(cassette.exchanges[0]!.response?.body?.text).toBe('hello');
    expect(cassette.exchanges[0]!.response?.body?.decoding).toEqual(['yaml !!binary', 'gzip', 'UTF-8']);
    expect(cassette.exchanges[1]!.response?.body?.text).toBe('already plain');
  });

  it('reads version 1 with url/status/code', () => {
    const text = `---
version: 1
interactions:
- request:
    body: ""
    form: {q: [a b]}
    headers: {}
    url: http://example.com/
    method: GET
  response:
    body: hi
    headers: {}
    status: 200 OK
    code: 200
    duration: ""
`;
    const cassette = loadCassetteText(text, 'v1.yaml');
    expect(cassette.format).toBe('go-vcr-v1');
    expect(cassette.exchanges[0]!.request.body?.text).toBe('q=a+b');
    expect(cassette.exchanges[0]!.timing.durationMs).toBeNull();
  });

  it('loads the seed cassette', () => {
    const cassette = loadCassette(new Uint8Array(readFileSync(SEED)), 'seed.yaml');
    expect(cassette.format).toBe('go-vcr-v2');
    expect(cassette.exchanges.map((e) => e.timing.durationMs)).toEqual([1004.536333, 966.797458]);
    expect(cassette.exchanges.map((e) => e.response?.status)).toEqual([200, 200]);
    expect(cassette.exchanges[0]!.response?.body?.text).toContain('data: {"id":"gen-');
  });
});
